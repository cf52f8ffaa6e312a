import { materialize, type Article, type CleanPage, type Decision, type Edit, type Span } from '../../src-shared/model';
import { contextAround, locateOffset, type Occurrence } from '../../src-shared/review';
import type { GalleyDB } from '../db/schema';

/** The library lists at most this many places; more would only be scrolled past. */
export const HIT_LIMIT = 200;

/** Where on the page a hit reads: an article's field, a paragraph, or raw text no article shows. */
export type HitField = 'section' | 'kicker' | 'title' | 'byline' | 'caption' | 'paragraph' | 'raw';

export interface TextHit {
  pageId: string;
  pageName: string;
  /** null when the place is in no article (page furniture) or the page is not analysed yet. */
  articleId: string | null;
  articleTitle: string | null;
  blockId: string | null;
  field: HitField;
  /** The raw range the desk locates, and what it reads as in the clean text. */
  place: Span & { text: string };
  context: Occurrence['context'];
}

export interface TextSearchResult {
  query: string;
  /** In library order (by page name), then in reading order; at most the limit. */
  hits: TextHit[];
  /** Every page the text is found on, including those past the limit. */
  pageIds: string[];
  /** More places were found than `hits` lists. */
  capped: boolean;
}

/**
 * Raw texts by page id, kept between queries by whoever searches repeatedly (the search worker).
 * A raw text never changes once imported (its id is the hash of its bytes), so a kept one is never
 * stale; each query only reads the pages imported since and forgets the deleted ones.
 */
export type RawTexts = Map<string, string>;

export interface TextSearchOptions {
  limit?: number;
  /** A newer query makes this one pointless: it stops at the next page. */
  signal?: AbortSignal;
  rawTexts?: RawTexts;
}

/** Raw texts read per request: large enough to be quick, small enough to stop soon when aborted. */
const READ_BATCH = 500;

/**
 * Finds `query` in the whole library: in the clean text the editor reviews (titles, bylines,
 * captions, paragraphs) and in the raw text as printed. Line breaks and spaces inside a match are
 * ignored, since a word cut by a column break reads whole in the clean text.
 *
 * At archive scale only the raw texts are scanned; a page is derived (materialized) only when its
 * places are listed, so a query costs one pass over the raw texts (kept in memory between queries
 * when `rawTexts` is given) plus the pages shown. A match the
 * editor made by changing the text (a corrected name) is not in the raw text: pages with such an
 * edit are looked at too.
 */
export async function searchText(
  db: GalleyDB,
  query: string,
  { limit = HIT_LIMIT, signal, rawTexts = new Map() }: TextSearchOptions = {},
): Promise<TextSearchResult> {
  const pattern = textPattern(query);
  if (!pattern) return { query, hits: [], pageIds: [], capped: false };

  const order = await db.pages.orderBy('name').primaryKeys();
  await readRawTexts(db, order, rawTexts, signal);
  // `search`, not `test`: it leaves the global pattern's lastIndex alone for the matchAll calls after it.
  const inRaw = new Set(order.filter((id) => (rawTexts.get(id)?.search(pattern) ?? -1) !== -1));
  const edited = await pagesEditedToward(db, query);
  const candidates = order.filter((id) => inRaw.has(id) || edited.has(id));

  const hits: TextHit[] = [];
  const found = new Set(inRaw);
  let capped = false;
  for (const pageId of candidates) {
    signal?.throwIfAborted();
    if (hits.length > limit) {
      capped = true;
      break;
    }
    const [page, review] = await Promise.all([db.pages.get(pageId), db.reviews.get(pageId)]);
    const raw = rawTexts.get(pageId);
    if (!page || raw === undefined) continue;
    const clean = review ? materialize(raw, review.analysis) : null;
    const onPage = pageHits({ id: pageId, name: page.name }, raw, clean, pattern);
    if (onPage.length > 0) found.add(pageId);
    hits.push(...onPage);
  }
  capped ||= hits.length > limit;
  return {
    query,
    hits: hits.slice(0, limit),
    pageIds: order.filter((id) => found.has(id)),
    capped,
  };
}

/** Reads the raw texts of `pageIds` not kept yet, and forgets those of pages no longer in the library. */
async function readRawTexts(db: GalleyDB, pageIds: readonly string[], kept: RawTexts, signal?: AbortSignal) {
  const stored = new Set(pageIds);
  for (const id of kept.keys()) if (!stored.has(id)) kept.delete(id);
  const missing = pageIds.filter((id) => !kept.has(id));
  for (let from = 0; from < missing.length; from += READ_BATCH) {
    signal?.throwIfAborted();
    for (const raw of await db.raws.bulkGet(missing.slice(from, from + READ_BATCH))) {
      if (raw) kept.set(raw.id, raw.text);
    }
  }
}

/** The query as a pattern that lets whitespace stand between its characters; null for a blank query. */
export function textPattern(query: string): RegExp | null {
  const characters = [...query].filter((character) => !/\s/u.test(character));
  if (characters.length === 0) return null;
  const escaped = characters.map((character) => character.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(escaped.join('\\s*'), 'giu');
}

/** Pages where the editor wrote text holding a character of the query: their clean text may match where the raw does not. */
async function pagesEditedToward(db: GalleyDB, query: string): Promise<Set<string>> {
  const characters = new Set([...query].filter((character) => !/\s/u.test(character)));
  const pages = new Set<string>();
  await db.decisions.each((decision: Decision) => {
    if (decision.action.type !== 'editor-edit') return;
    if ([...writtenText(decision.action.edit)].some((character) => characters.has(character)))
      pages.add(decision.pageId);
  });
  return pages;
}

function writtenText(edit: Edit): string {
  const { op } = edit;
  if (op.type === 'set-text') return op.text;
  if (op.type === 'set-field' || op.type === 'extract') return op.value ?? '';
  if (op.type === 'set-captions') return op.value.join('');
  return edit.after;
}

interface PageName {
  id: string;
  name: string;
}

const FIELD_ORDER: readonly HitField[] = ['section', 'kicker', 'title', 'byline', 'caption', 'paragraph'];

/**
 * The places on one page: each match in an article's clean text, tied to the raw match it came
 * from, then the raw matches no article shows (furniture, a removed repeat). An unanalysed page
 * has only raw matches.
 */
function pageHits(page: PageName, raw: string, clean: CleanPage | null, pattern: RegExp): TextHit[] {
  const claimed = new Set<number>();
  const hits = clean ? clean.articles.flatMap((article) => articleHits(page, raw, article, pattern, claimed)) : [];
  for (const match of matches(raw, pattern)) {
    if (claimed.has(match.start)) continue;
    const located = clean && locateOffset(clean, match.start);
    const article = located ? clean.articles.find((a) => a.id === located.articleId) : undefined;
    hits.push({
      pageId: page.id,
      pageName: page.name,
      articleId: article?.id ?? null,
      articleTitle: article?.title ?? null,
      blockId: located?.blockId ?? null,
      field: 'raw',
      place: { ...match, text: raw.slice(match.start, match.end) },
      context: contextAround(raw, match.start, match.end),
    });
  }
  return hits;
}

/**
 * An article's places in reading order. Paragraphs claim their raw matches first, by where their
 * text came from; the fields (title, byline, captions) then take the nearest unclaimed match in the
 * article's raw ranges.
 */
function articleHits(page: PageName, raw: string, article: Article, pattern: RegExp, claimed: Set<number>): TextHit[] {
  const hit = (field: HitField, text: string, match: Span, place: Span, blockId: string | null): TextHit => ({
    pageId: page.id,
    pageName: page.name,
    articleId: article.id,
    articleTitle: article.title,
    blockId,
    field,
    place: { ...place, text: text.slice(match.start, match.end) },
    context: contextAround(text, match.start, match.end),
  });
  const inArticle = matches(raw, pattern).filter((match) =>
    article.spans.some((span) => span.start <= match.start && match.end <= span.end),
  );
  const claim = (near: number, within: readonly Span[]): Span => {
    const open = inArticle.filter(
      (match) => !claimed.has(match.start) && within.some((s) => s.start <= match.start && match.end <= s.end),
    );
    const nearest = open.sort((a, b) => Math.abs(a.start - near) - Math.abs(b.start - near))[0];
    if (!nearest) return { start: near, end: near };
    claimed.add(nearest.start);
    return nearest;
  };

  const paragraphs = article.blocks.flatMap((block) =>
    matches(block.text, pattern).map((match) =>
      hit('paragraph', block.text, match, claim(rawOffset(block.spans, match.start), block.spans), block.id),
    ),
  );
  const fields: Array<[HitField, string | null]> = [
    ['section', article.section],
    ['kicker', article.kicker],
    ['title', article.title],
    ['byline', article.byline],
    ...article.captions.map((caption): [HitField, string] => ['caption', caption]),
  ];
  const near = article.spans[0]?.start ?? 0;
  const others = fields.flatMap(([field, text]) =>
    text ? matches(text, pattern).map((match) => hit(field, text, match, claim(near, article.spans), null)) : [],
  );
  return [...others, ...paragraphs].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
}

function matches(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Where an offset into a block's clean text was in the raw text, assuming no edit moved it. */
function rawOffset(spans: readonly Span[], offset: number): number {
  let at = 0;
  for (const span of spans) {
    if (offset < at + span.end - span.start) return span.start + offset - at;
    at += span.end - span.start;
  }
  return spans.at(-1)?.end ?? 0;
}
