import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitAction, ensureReview } from '../../../src-renderer/db/reviews';
import { importFiles } from '../../../src-renderer/services/import';
import { deletePage } from '../../../src-renderer/services/library';
import { searchText } from '../../../src-renderer/services/text-search';
import { findOccurrences, seriesCorrection } from '../../../src-shared/review';
import { closeDatabases, freshDb, textFile } from '../helpers';

afterEach(closeDatabases);

const SEEDS = join(import.meta.dirname, '../../../seeds');
const seed = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) });
/** 荥经 five times (an article's kicker and four times in its paragraphs); 001 prints it 荣经, an OCR error. */
const YINGJING = '000_72052502c9dc2eec.txt';
const MISREAD = '001_f633f705ac59ae29.txt';

async function analysedLibrary(...files: Parameters<typeof importFiles>[1]) {
  const db = freshDb();
  const { added } = await importFiles(db, files);
  for (const { id } of added) await ensureReview(db, id);
  return { db, ids: Object.fromEntries(added.map(({ id, name }) => [name, id])) };
}

describe('searchText', () => {
  it('should find a name in the article fields and paragraphs of the library, each place with its article and context', async () => {
    const { db, ids } = await analysedLibrary(seed(YINGJING), seed(MISREAD), seed('002_91554a29e0bd8e85.txt'));
    const result = await searchText(db, '荥经');

    expect(result.pageIds).toEqual([ids[YINGJING]]);
    expect(result.capped).toBe(false);
    expect(result.hits.map((hit) => hit.field)).toEqual(['kicker', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    const [kicker] = result.hits;
    expect(kicker.articleTitle).toBe('大力普及生态环境知识');
    expect(new Set(result.hits.map((hit) => hit.articleId))).toEqual(new Set([kicker.articleId]));
    for (const hit of result.hits) {
      expect(hit.context.match).toBe('荥经');
      expect(hit.context.before.length + hit.context.after.length).toBeGreaterThan(0);
    }
    // Each place points at the raw text it came from, so the desk can locate it.
    const raw = (await db.raws.get(ids[YINGJING]))!.text;
    for (const { place } of result.hits) expect(raw.slice(place.start, place.end)).toBe('荥经');
    expect(new Set(result.hits.map(({ place }) => place.start)).size).toBe(5);
  });

  it('should find a word the raw text cuts with a line break', async () => {
    const { db } = await analysedLibrary(textFile('cut.txt', '要闻\n\n本报讯 雅安市荥\n经县科协开展科普活动。\n'));
    const { hits } = await searchText(db, '荥经');

    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ field: 'paragraph', context: { match: '荥经' } });
  });

  it('should find a name where the editor corrected the text, though the raw text reads otherwise', async () => {
    const { db, ids } = await analysedLibrary(seed(YINGJING), seed(MISREAD));
    await commitAction(db, [ids[MISREAD]], (pages) => seriesCorrection(pages, findOccurrences(pages, '荣经'), '荥经'));
    const result = await searchText(db, '荥经');

    expect(result.pageIds).toEqual([ids[YINGJING], ids[MISREAD]]);
    const corrected = result.hits.filter((hit) => hit.pageId === ids[MISREAD]);
    expect(corrected.length).toBeGreaterThan(0);
    expect(corrected.every((hit) => hit.field !== 'raw' && hit.articleId !== null)).toBe(true);
  });

  it('should list raw text that no article shows, and the places on a page not analysed yet', async () => {
    const db = freshDb();
    await importFiles(db, [textFile('new.txt', '要闻\n\n荥经县科协开展科普活动。\n')]);
    const { hits } = await searchText(db, '荥经');

    expect(hits).toEqual([expect.objectContaining({ field: 'raw', articleId: null, place: expect.any(Object) })]);
  });

  it('should list at most the limit of places, and still name every page the text is on', async () => {
    const files = ['a', 'b', 'c'].map((name) => textFile(`${name}.txt`, `要闻\n\n荥经${name}。荥经二。\n\n荥经三。\n`));
    const { db } = await analysedLibrary(...files);
    const result = await searchText(db, '荥经', { limit: 4 });

    expect(result.hits).toHaveLength(4);
    expect(result.capped).toBe(true);
    expect(result.pageIds).toHaveLength(3);
  });

  it('should keep raw texts between queries, read new pages and forget deleted ones', async () => {
    const { db, ids } = await analysedLibrary(seed(YINGJING), seed(MISREAD));
    const rawTexts = new Map<string, string>();
    await searchText(db, '荥经', { rawTexts });
    expect([...rawTexts.keys()].sort()).toEqual([ids[YINGJING], ids[MISREAD]].sort());

    await deletePage(db, ids[YINGJING]);
    const [added] = (await importFiles(db, [textFile('new.txt', '要闻\n\n荥经县科协开展科普活动。\n')])).added;
    const result = await searchText(db, '荥经', { rawTexts });

    expect(result.pageIds).toEqual([added.id]);
    expect([...rawTexts.keys()].sort()).toEqual([ids[MISREAD], added.id].sort());
  });

  it('should find nothing for a blank query', async () => {
    const { db } = await analysedLibrary(seed(YINGJING));
    expect(await searchText(db, '  ')).toEqual({ query: '  ', hits: [], pageIds: [], capped: false });
  });
});
