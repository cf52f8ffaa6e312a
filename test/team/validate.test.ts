import { describe, expect, it } from 'vitest';
import { VALIDATE_DOC_UPDATE } from '../../src-shared/team/validate';

type Validate = (newDoc: object, oldDoc: object | null, userCtx: { name: string | null; roles: string[] }) => void;

/** The function as CouchDB gets it: parsed from its source text, in a scope of its own. */
const validate = new Function(`return (${VALIDATE_DOC_UPDATE});`)() as Validate;

const chief = { name: '主编', roles: ['chief'] };
const editor = { name: '甲', roles: ['editor'] };
const admin = { name: 'admin', roles: ['_admin'] };
const stranger = { name: '丙', roles: [] };

const decision = { _id: 'decision:p1|split@10', type: 'decision', pageId: 'p1', who: '甲' };
const assignment = { _id: 'assignment:p1', type: 'assignment', pageId: 'p1', editor: '甲', since: 1 };
const approved = { _id: 'status:p1', type: 'status', pageId: 'p1', status: 'approved' };
const inReview = { _id: 'status:p1', type: 'status', pageId: 'p1', status: 'in-review' };

const refusal = (doc: object, old: object | null, user: Parameters<Validate>[2]) => {
  try {
    validate(doc, old, user);
    return null;
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ?? 'thrown without a reason';
  }
};

describe('the validate_doc_update the chief installs', () => {
  it("should let the team write a page's raw text once, and nobody but an admin change or remove it", () => {
    const raw = { _id: 'raw:abc', type: 'raw', text: '正文', textHash: 'h' };
    expect(refusal(raw, null, editor)).toBeNull();
    expect(refusal({ ...raw, _rev: '1-x' }, raw, editor)).toBeNull();
    expect(refusal({ ...raw, text: '改过' }, raw, chief)).toMatch(/written once.* never changed/);
    expect(refusal({ _id: raw._id, _deleted: true }, raw, editor)).toMatch(/never changed or removed/);
    expect(refusal({ _id: raw._id, _deleted: true }, raw, admin)).toBeNull();
  });

  it('should let an editor write and take back decisions', () => {
    expect(refusal(decision, null, editor)).toBeNull();
    expect(refusal({ _id: decision._id, _deleted: true }, decision, editor)).toBeNull();
  });

  it('should refuse an editor an assignment, written or removed', () => {
    expect(refusal(assignment, null, editor)).toMatch(/only the chief .* assigns/);
    expect(refusal({ _id: assignment._id, _deleted: true }, assignment, editor)).toMatch(/assigns/);
  });

  it('should refuse an editor an approval, and let them move a page back to review', () => {
    expect(refusal(approved, null, editor)).toMatch(/only the chief .* approves/);
    expect(refusal(inReview, approved, editor)).toBeNull();
  });

  it('should let the chief and a server admin assign and approve', () => {
    for (const user of [chief, admin]) {
      expect(refusal(assignment, null, user)).toBeNull();
      expect(refusal(approved, inReview, user)).toBeNull();
    }
  });

  it('should let only the user a decision names write it, the chief too, and anyone in the team take it back', () => {
    const chiefs = { ...decision, who: chief.name };
    expect(refusal(chiefs, decision, chief)).toBeNull();
    expect(refusal(chiefs, decision, editor)).toMatch(/written by the user it names \(who\), not by 甲/);
    expect(refusal(decision, null, chief)).toMatch(/not by 主编/);
    const { who: _who, ...unnamed } = decision;
    expect(refusal(unnamed, null, editor)).toMatch(/written by the user it names/);
    expect(refusal({ _id: decision._id, _deleted: true }, chiefs, editor)).toBeNull();
    expect(refusal(chiefs, decision, admin)).toBeNull();
  });

  it('should refuse a user in neither role anything, a decision too', () => {
    expect(refusal(decision, null, stranger)).toMatch(/only the team/);
    expect(refusal(decision, null, { name: null, roles: [] })).toMatch(/only the team/);
  });
});
