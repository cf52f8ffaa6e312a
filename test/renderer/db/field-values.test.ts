import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { materialize, type Edit, type ReviewRecord } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';
import { cleanOf, replay, setArticleField } from '../../../src-shared/review';
import { commitAction, loadPages } from '../../../src-renderer/db/reviews';
import { GalleyDB } from '../../../src-renderer/db/schema';
import { storeAtVersion } from '../helpers';

/**
 * Reviews stored before fields were typed over their lines hold every field the editor typed as a
 * value set on the article (`set-field`, `set-captions`). The stored shape did not change; these
 * must read, upgrade and go on being edited as they did, from every earlier schema version.
 */
const FIXTURES = join(import.meta.dirname, '../../fixtures/db');
const VERSIONS = ['v1', 'v2', 'v3', 'v4', 'v5'];

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function valueSet(id: string, op: Edit['op'], before: string, after: string): Edit {
  return {
    id,
    kind: 'manual',
    rule: `review.${op.type}`,
    start: 0,
    end: 0,
    before,
    after,
    reason: 'typed by the editor',
    confidence: 1,
    status: 'applied',
    origin: 'editor',
    op,
  };
}

describe.each(VERSIONS)('a %s review with field values set on its articles', (file) => {
  it('should read them after the upgrade, replay them, and go on updating them', async () => {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, `${file}.json`), 'utf8')) as {
      version: number;
      tables: Record<string, unknown[]>;
    };
    const review = (fixture.tables.reviews as ReviewRecord[])[0];
    const raw = (fixture.tables.raws as Array<{ id: string; text: string }>).find((r) => r.id === review.pageId)!.text;
    const [article] = materialize(raw, review.analysis).articles;
    const fields = [
      valueSet(
        'manual-title',
        { type: 'set-field', article: article.id, field: 'title', value: '旧标题' },
        article.title,
        '旧标题',
      ),
      valueSet(
        'manual-byline',
        { type: 'set-field', article: article.id, field: 'byline', value: '旧作者' },
        article.byline ?? '',
        '旧作者',
      ),
      valueSet('manual-captions', { type: 'set-captions', article: article.id, value: ['旧图注'] }, '', '旧图注'),
    ];
    const stored = { ...review, analysis: { ...review.analysis, edits: [...review.analysis.edits, ...fields] } };
    const reviews = fixture.tables.reviews.map((r) => (r === review ? stored : r));
    const name = `field-values-${file}`;
    await storeAtVersion(name, { ...fixture, tables: { ...fixture.tables, reviews } });
    const db = new GalleyDB(name);
    opened.push(db);
    await db.open();

    const [page] = await loadPages(db, [review.pageId]);
    const read = () => cleanOf(page).articles.find((a) => a.id === article.id)!;
    expect([read().title, read().byline, read().captions]).toEqual(['旧标题', '旧作者', ['旧图注']]);

    if (fixture.version < 5) {
      // The upgrade to version 5 keeps what the review holds over a fresh analysis as decisions.
      const decisions = await db.decisions.where('pageId').equals(review.pageId).toArray();
      const kept = decisions.flatMap(({ action }) => (action.type === 'editor-edit' ? [action.edit.id] : []));
      expect(kept).toEqual(expect.arrayContaining(fields.map((edit) => edit.id)));
      const { analysis } = replay(analyzePage(raw), decisions);
      const replayed = cleanOf({ ...page, analysis }).articles.find((a) => a.id === article.id);
      expect([replayed?.title, replayed?.byline, replayed?.captions]).toEqual(['旧标题', '旧作者', ['旧图注']]);
    }

    await commitAction(db, [review.pageId], ([p]) => setArticleField(p, article.id, 'title', '旧标题二'));
    const [after] = await loadPages(db, [review.pageId]);
    const titles = after.analysis.edits.filter((e) => e.rule === 'review.typed' || e.id === 'manual-title');
    expect(titles).toEqual([expect.objectContaining({ id: 'manual-title', after: '旧标题二' })]);
    expect(cleanOf(after).articles.find((a) => a.id === article.id)!.title).toBe('旧标题二');
    const decision = await db.decisions.get(`${review.pageId}|edit:manual-title`);
    expect(decision?.action).toMatchObject({ type: 'editor-edit', edit: { after: '旧标题二' } });
  });
});
