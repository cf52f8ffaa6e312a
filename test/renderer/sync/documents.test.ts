import { describe, expect, it } from 'vitest';
import {
  assignmentDocument,
  contentHashOfRawDocument,
  inboundPage,
  pageDocument,
  rawDocument,
  rawDocumentId,
  samePageDocument,
  type PageDocument,
  decisionDocument,
  decisionIdOfDocument,
  decisionOfDocument,
  inboundDecisions,
  outboundDecision,
  pageIdOf,
  sameDecision,
  inboundStatus,
  nextStatusClock,
  samePageState,
  standingStatus,
  statusDocument,
  sameValue,
  type StatusDocument,
} from '../../../src-renderer/sync/documents';
import type { Decision } from '../../../src-shared/model';
import { approved, rejected } from './decisions';

const dismissed: Decision = {
  id: 'p2|flag:ocr.lookalike@5-6',
  pageId: 'p2',
  key: 'flag:ocr.lookalike@5-6',
  who: '乙',
  at: 1_700_000_000_500,
  action: { type: 'flag-status', rule: 'ocr.lookalike', start: 5, end: 6, text: '末', status: 'dismissed' },
};

describe('decision documents', () => {
  it('should carry a decision there and back unchanged', () => {
    expect(decisionOfDocument(decisionDocument(rejected))).toEqual(rejected);
  });

  it("should not carry a replay's needs-a-look mark, which each desk sets for itself", () => {
    const document = decisionDocument({ ...rejected, needsLook: 'split-gone' });
    expect(document).not.toHaveProperty('needsLook');
    expect(sameDecision(document, rejected)).toBe(true);
  });

  it('should name a decision document by its decision id, and no other document', () => {
    expect(decisionIdOfDocument(decisionDocument(rejected)._id)).toBe(rejected.id);
    expect(decisionIdOfDocument('_design/galley')).toBeNull();
  });

  it("should judge a document read back from CouchDB, its keys in another order and with CouchDB's fields, the same", () => {
    const { at, who, key, pageId, type, _id } = decisionDocument(rejected);
    const readBack = {
      _rev: '2-abc',
      action: { status: 'rejected', chunkStart: 120, type: 'split' },
      at,
      who,
      key,
      pageId,
      type,
      _id,
    };
    expect(sameDecision(readBack as never, rejected)).toBe(true);
    expect(sameDecision(readBack as never, approved)).toBe(false);
  });

  it('should compare values by structure, an absent field as undefined', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: '1' })).toBe(false);
  });
});

describe('inboundDecisions', () => {
  it('should put what arrived and is new or different here, grouped by page', () => {
    const writes = inboundDecisions(
      [{ document: decisionDocument(approved) }, { document: decisionDocument(dismissed) }],
      new Map([[rejected.id, rejected]]),
      new Set(),
    );
    expect([...writes]).toEqual([
      ['p1', { put: [approved], remove: [] }],
      ['p2', { put: [dismissed], remove: [] }],
    ]);
  });

  it("should write nothing for this desk's own decision come back from the server", () => {
    expect(
      inboundDecisions([{ document: decisionDocument(rejected) }], new Map([[rejected.id, rejected]]), new Set()).size,
    ).toBe(0);
  });

  it('should remove a decision the team took back, and ignore taking back one this desk never had', () => {
    const writes = inboundDecisions(
      [{ deletedId: rejected.id }, { deletedId: dismissed.id }],
      new Map([[rejected.id, rejected]]),
      new Set(),
    );
    expect([...writes]).toEqual([['p1', { put: [], remove: [rejected.id] }]]);
  });

  it('should keep a decision made here and not yet sent, which goes out next and follows the arrived one', () => {
    const unsent = new Set([rejected.id]);
    const local = new Map([[rejected.id, rejected]]);
    expect(inboundDecisions([{ document: decisionDocument(approved) }], local, unsent).size).toBe(0);
    expect(inboundDecisions([{ deletedId: rejected.id }], local, unsent).size).toBe(0);
  });
});

describe('outboundDecision', () => {
  it('should create the document of a decision the replica does not have', () => {
    expect(outboundDecision(rejected, null, true)).toEqual({ put: decisionDocument(rejected) });
  });

  it('should update the document with its revision when the decision changed', () => {
    const stored = { ...decisionDocument(rejected), _rev: '1-a' };
    expect(outboundDecision(approved, stored, true)).toEqual({ put: { ...decisionDocument(approved), _rev: '1-a' } });
  });

  it('should write nothing when the replica already says the same', () => {
    expect(outboundDecision(rejected, { ...decisionDocument(rejected), _rev: '1-a' }, true)).toBeNull();
  });

  it('should delete the document of a decision taken back here, and nothing when there is none', () => {
    const stored = { ...decisionDocument(rejected), _rev: '1-a' };
    expect(outboundDecision(undefined, stored, true)).toEqual({ remove: stored });
    expect(outboundDecision(undefined, null, true)).toBeNull();
  });

  it("should keep the team's decisions on a page this editor deleted from their own library", () => {
    expect(outboundDecision(undefined, { ...decisionDocument(rejected), _rev: '1-a' }, false)).toBeNull();
  });
});

describe('assignment documents', () => {
  it('should name the page an assignment document is about, and no other document', () => {
    const document = assignmentDocument('p1', { editor: '甲', since: 1_700_000_000_000 });
    expect(document).toEqual({
      _id: 'assignment:p1',
      type: 'assignment',
      pageId: 'p1',
      editor: '甲',
      since: 1_700_000_000_000,
    });
    expect(pageIdOf('assignment', document._id)).toBe('p1');
    expect(pageIdOf('assignment', decisionDocument(rejected)._id)).toBeNull();
  });
});

describe('status documents', () => {
  const approval = { by: '主编', at: 1_700_000_000_000 };

  it("should carry a page's status and its approval, and be told apart from an assignment", () => {
    const document = statusDocument('p1', { status: 'approved', approval }, 2);
    expect(document).toEqual({
      _id: 'status:p1',
      type: 'status',
      pageId: 'p1',
      status: 'approved',
      approval,
      clock: 2,
    });
    expect(statusDocument('p1', { status: 'in-review' }, 1)).not.toHaveProperty('approval');
    expect(pageIdOf('status', document._id)).toBe('p1');
    expect(pageIdOf('assignment', document._id)).toBeNull();
  });

  it('should take a page approved by someone else, or at another time, for another state', () => {
    expect(samePageState({ status: 'approved', approval }, { status: 'approved', approval: { ...approval } })).toBe(
      true,
    );
    expect(
      samePageState({ status: 'approved', approval }, { status: 'approved', approval: { ...approval, by: '甲' } }),
    ).toBe(false);
    expect(samePageState({ status: 'in-review' }, { status: 'approved', approval })).toBe(false);
  });
});

describe('the order of a page status', () => {
  const approval = { by: '主编', at: 1_700_000_000_000 };
  const version = (state: Omit<StatusDocument, '_id' | 'type' | 'pageId' | 'clock'>, clock: number, rev: string) => ({
    ...statusDocument('p1', state, clock),
    _rev: rev,
  });
  /** The chief approved the splits (the page went into review), then approved the page, having seen that. */
  const inReview = version({ status: 'in-review' }, 1, '1-a');
  const approved = version({ status: 'approved', approval }, 2, '2-b');

  it('should let an approval stand over the review it was made after, whichever arrives last', () => {
    expect(standingStatus([inReview, approved])).toBe(approved);
    expect(standingStatus([approved, inReview])).toBe(approved);
    expect(inboundStatus({ status: 'approved', approval }, [approved, inReview], false)).toBeNull();
    expect(inboundStatus({ status: 'in-review' }, [approved, inReview], false)).toEqual({
      status: 'approved',
      approval,
    });
  });

  it('should let an edit made after the approval, having seen it, reopen the page', () => {
    const reopened = version({ status: 'in-review' }, 3, '3-c');
    expect(standingStatus([approved, reopened])).toBe(reopened);
    expect(inboundStatus({ status: 'approved', approval }, [reopened, approved], false)).toEqual({
      status: 'in-review',
      approval: undefined,
    });
  });

  it('should settle moves made apart the same way on every desk: an approval yields to a change it did not see', () => {
    const editedApart = version({ status: 'in-review' }, 2, '2-a');
    expect(standingStatus([approved, editedApart])).toBe(editedApart);
    expect(standingStatus([editedApart, approved])).toBe(editedApart);
    const laterSignOff = version({ status: 'approved', approval: { by: '副主编', at: approval.at + 1 } }, 2, '2-a');
    expect(standingStatus([laterSignOff, approved])).toBe(laterSignOff);
    expect(standingStatus([approved, laterSignOff])).toBe(laterSignOff);
    const sameMoveApart = version({ status: 'in-review' }, 2, '2-z');
    expect(standingStatus([sameMoveApart, editedApart])).toBe(sameMoveApart);
    expect(standingStatus([editedApart, sameMoveApart])).toBe(sameMoveApart);
  });

  it("should keep a move of this desk's not sent yet, and give the next move a clock past every version", () => {
    expect(inboundStatus({ status: 'approved', approval }, [inReview], true)).toBeNull();
    expect(nextStatusClock([inReview, approved])).toBe(3);
    expect(nextStatusClock([])).toBe(1);
    expect(standingStatus([])).toBeNull();
  });
});

describe('page documents', () => {
  const HASH = 'a'.repeat(64);
  const held = { id: HASH, name: '001_page.txt', size: 12, encoding: 'utf-8' as const };
  const issue = {
    id: 'issue-1',
    paper: '四川科技报',
    date: '2005-03-04',
    number: '1024',
    pages: [{ pageId: HASH, pageNumber: 3, pageName: '地方科协' }],
    createdAt: 1,
    updatedAt: 2,
  };

  it('should name the same file the same on every desk, and its text once for all its copies', async () => {
    // Two desks that imported the file at different times hold different rows; the documents are one.
    const onA = pageDocument({ ...held, importedAt: 1, status: 'new' } as typeof held, issue);
    const onB = pageDocument({ ...held, importedAt: 2, status: 'approved' } as typeof held, issue);

    expect(onA).toEqual(onB);
    expect(onA).toEqual({
      _id: `page:${HASH}`,
      type: 'page',
      pageId: HASH,
      name: '001_page.txt',
      size: 12,
      encoding: 'utf-8',
      issue: {
        id: 'issue-1',
        paper: '四川科技报',
        date: '2005-03-04',
        number: '1024',
        page: { pageNumber: 3, pageName: '地方科协' },
      },
    });
    expect(rawDocumentId(`${HASH}-2`)).toBe(rawDocumentId(HASH));
    expect(contentHashOfRawDocument(rawDocumentId(HASH))).toBe(HASH);
    expect(pageIdOf('page', onA._id)).toBe(HASH);
    expect(await rawDocument(HASH, '正文')).toEqual(await rawDocument(`${HASH}-2`, '正文'));
  });

  it('should compare a page document read back from CouchDB by what it says', () => {
    const wanted = pageDocument(held, undefined);
    expect(samePageDocument({ ...wanted, _rev: '1-x' }, wanted)).toBe(true);
    expect(samePageDocument(wanted, pageDocument(held, issue))).toBe(false);
  });

  it('should take in a page whose documents are sound, with its text and issue', async () => {
    const page = pageDocument(held, issue);
    const arrived = await inboundPage(page._id, page, await rawDocument(HASH, '第一行\n第二行\n'));

    expect(arrived).toEqual({ ok: true, page: held, text: '第一行\n第二行\n', issue: page.issue });
  });

  it.each([
    ['id', (page: PageDocument) => ({ ...page, _id: 'page:not-a-hash', pageId: 'not-a-hash' })],
    ['kind', (page: PageDocument) => ({ ...page, type: 'status' })],
    ['kind', (page: PageDocument) => ({ ...page, pageId: 'b'.repeat(64) })],
    ['name', (page: PageDocument) => ({ ...page, name: '  ' })],
    ['size', (page: PageDocument) => ({ ...page, size: '12' })],
    ['encoding', (page: PageDocument) => ({ ...page, encoding: 'latin-1' })],
    ['issue', (page: PageDocument) => ({ ...page, issue: { id: 'issue-1', page: { pageNumber: 'three' } } })],
  ])('should refuse a page document whose %s is wrong, naming why', async (reason, spoil) => {
    const page = spoil(pageDocument(held, issue));

    const arrived = await inboundPage(page._id, page, await rawDocument(HASH, '正文'));

    expect(arrived).toMatchObject({ ok: false, reason });
  });

  it('should refuse a page whose text is not the text its hash names, or is missing', async () => {
    const page = pageDocument(held, undefined);
    const raw = await rawDocument(HASH, '正文');

    expect(await inboundPage(page._id, page, { ...raw, text: '改过的正文' })).toEqual({
      ok: false,
      pageId: HASH,
      name: '001_page.txt',
      reason: 'hash',
    });
    expect(await inboundPage(page._id, page, { ...raw, text: undefined })).toMatchObject({ reason: 'raw' });
  });
});
