import {
  fieldValue,
  firstEndingAfter,
  materialize,
  mergedSpansContain,
  readPieces,
  spanContains,
  type Article,
  type Span,
  type CleanPage,
  type ChunkField,
  type ChunkId,
  type Edit,
  type Flag,
  type Piece,
} from '../model';
import { derivedOf, valueSetOn, type ArticleField, type ReviewPage } from './page';
import { isTypedEdit } from './typing';

/** Open doubts whose span lies inside the article's raw ranges. */
export function articleFlags(
  article: Article,
  flags: readonly Flag[],
  status: Flag['status'] | 'any' = 'open',
): Flag[] {
  return flags.filter((f) => (status === 'any' || f.status === status) && mergedSpansContain(article.spans, f));
}

/** The counts last found over each array of flags, with the articles they were counted for. */
const lastFlagCounts = new WeakMap<
  readonly Flag[],
  { articles: readonly Article[]; counts: ReadonlyMap<string, number> }
>();

/**
 * How many open flags each article holds, as `articleFlags` finds them, in one pass over the flags:
 * the page's outline counts for every article at once, and a filter per article cost articles ×
 * flags (41 × 14,000 on the largest page) on every action. Counted again only when the flags or the
 * articles' spans changed: most actions (a title typed, a split approved) derive new articles over
 * the same spans and the same flags.
 */
export function openFlagCounts(articles: readonly Article[], flags: readonly Flag[]): ReadonlyMap<string, number> {
  const last = lastFlagCounts.get(flags);
  if (last && sameSpans(last.articles, articles)) return last.counts;
  const counts = countOpenFlags(articles, flags);
  lastFlagCounts.set(flags, { articles, counts });
  return counts;
}

/** Whether two lists of articles are the same articles over the same raw ranges. */
function sameSpans(before: readonly Article[], after: readonly Article[]): boolean {
  return (
    before.length === after.length &&
    before.every((article, i) => {
      const { id, spans } = after[i];
      return (
        article.id === id &&
        article.spans.length === spans.length &&
        article.spans.every((span, j) => span.start === spans[j].start && span.end === spans[j].end)
      );
    })
  );
}

function countOpenFlags(articles: readonly Article[], flags: readonly Flag[]): Map<string, number> {
  const spans = articles
    .flatMap((article) => article.spans.map((span) => ({ ...span, articleId: article.id })))
    .sort((a, b) => a.start - b.start);
  // The furthest any span up to each one reaches: walking back stops where none earlier can hold a flag.
  const reach: number[] = [];
  for (const [i, span] of spans.entries()) reach.push(Math.max(span.end, i > 0 ? reach[i - 1] : span.end));
  const counts = new Map(articles.map((article) => [article.id, 0]));
  for (const flag of flags) {
    if (flag.status !== 'open') continue;
    const holders = new Set<string>();
    for (let i = lastStartingAtOrBefore(spans, flag.start); i >= 0 && reach[i] >= flag.end; i--) {
      if (spanContains(spans[i], flag)) holders.add(spans[i].articleId);
    }
    for (const articleId of holders) counts.set(articleId, counts.get(articleId)! + 1);
  }
  return counts;
}

function lastStartingAtOrBefore(sorted: readonly Span[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle].start <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Each article's changes, kept while its page's edits are the same array. */
const changesByEdits = new WeakMap<readonly Edit[], WeakMap<Article, readonly Edit[]>>();

/**
 * Every edit that concerns the article: text edits over its raw ranges, and structural edits that
 * name one of its chunks or the article itself. Found once per article and array of edits: the
 * change list, the flag list and the diff of one render all ask, and each asking is a pass over the
 * page's edits (48,000 on the largest page).
 */
export function articleChanges(article: Article, edits: readonly Edit[]): readonly Edit[] {
  let byArticle = changesByEdits.get(edits);
  if (!byArticle) changesByEdits.set(edits, (byArticle = new WeakMap()));
  let changes = byArticle.get(article);
  if (!changes) byArticle.set(article, (changes = findArticleChanges(article, edits)));
  return changes;
}

function findArticleChanges(article: Article, edits: readonly Edit[]): Edit[] {
  const chunks = new Set(article.blocks.flatMap((b) => b.chunks));
  return edits.filter((edit) => {
    const { op } = edit;
    switch (op.type) {
      case 'replace':
      case 'extract':
        return touches(article.spans, edit, true);
      case 'join':
        return chunks.has(op.chunk) || chunks.has(op.onto);
      case 'move':
      case 'role':
      case 'set-text':
        return chunks.has(op.chunk) || touches(article.spans, edit, false);
      case 'set-field':
      case 'set-captions':
        return op.article === article.id;
    }
  });
}

/**
 * Whether `span` overlaps one of the article's merged `spans`, or with `insertions`, lies empty
 * inside one or at its end (typing after a paragraph's last character). Both need a span ending
 * after `span.start` (at it, for an insertion), and the first such starts soonest.
 */
function touches(spans: readonly Span[], span: Span, insertions: boolean): boolean {
  const insertion = insertions && span.start === span.end;
  const first = spans[firstEndingAfter(spans, insertion ? span.start - 1 : span.start)];
  if (first === undefined) return false;
  return first.start < span.end || (insertion && first.start <= span.start);
}

/**
 * What each applied character fix makes of its raw span, by `spanKey`: the first such edit in the
 * list, as a search from the front would find it. Built once, so a list of flags looks its fixes up;
 * an article's flags find theirs among its `articleChanges`, which hold every edit over its spans.
 */
export function appliedFixes(edits: readonly Edit[]): Map<string, string> {
  const fixes = new Map<string, string>();
  for (const edit of edits) {
    const key = spanKey(edit);
    if (edit.status === 'applied' && edit.op.type === 'replace' && !fixes.has(key)) fixes.set(key, edit.after);
  }
  return fixes;
}

export const spanKey = (span: Span): string => `${span.start}:${span.end}`;

/** The article and block a raw offset became; furniture and removed text give null. */
export function locateOffset(clean: CleanPage, offset: number): { articleId: string; blockId: string | null } | null {
  const inside = (s: { start: number; end: number }) => s.start <= offset && offset < s.end;
  for (const article of clean.articles) {
    const block = article.blocks.find((b) => b.spans.some(inside));
    if (block) return { articleId: article.id, blockId: block.id };
  }
  const article = clean.articles.find((a) => a.spans.some(inside));
  return article ? { articleId: article.id, blockId: null } : null;
}

/**
 * What the editor typed, beside what it replaced: a typed field beside its earlier value, typed
 * text beside what its span read as (not the raw text the edit records, whose markup and line
 * breaks the editor never saw), both in the rest of its paragraph's part. A block an old review
 * typed whole, joined from several chunks, is one change, told by its first chunk's edit; the
 * others, and edits not typed, give null.
 */
export function typedChange(page: ReviewPage, edit: Edit): { before: string; after: string } | null {
  const { op } = edit;
  if (op.type === 'set-field' || op.type === 'set-captions') return { before: edit.before, after: edit.after };
  if (op.type === 'replace' && isTypedEdit(edit)) {
    const { left, right } = readingAround(page, edit);
    return { before: left + (op.cleanBefore ?? edit.before) + right, after: left + edit.after + right };
  }
  if (op.type !== 'set-text') return null;
  const typedChunk = (e: Edit) => e.origin === 'editor' && e.op.type === 'set-text';
  const untyped = materialize(page.raw, {
    ...page.analysis,
    edits: page.analysis.edits.filter((e) => !typedChunk(e)),
  });
  const block = untyped.articles.flatMap((a) => a.blocks).find((b) => b.chunks.includes(op.chunk));
  return block?.chunks[0] === op.chunk ? { before: block.text, after: op.text } : null;
}

/**
 * What the chunk holding `edit` reads as before its span and after it, while the edit is in force;
 * '' on both sides when it is not (or no chunk in an article holds it).
 */
function readingAround(page: ReviewPage, edit: Edit): { left: string; right: string } {
  const chunk = page.analysis.chunks.find((c) => spanContains(c, edit));
  const pieces = (chunk && derivedOf(page).readAs.get(chunk.id)) ?? [];
  const own = pieces.findIndex((piece) => piece.edit === edit);
  if (own === -1) return { left: '', right: '' };
  return { left: readPieces(pieces.slice(0, own)), right: readPieces(pieces.slice(own + 1)) };
}

/** An article field the editor changed: what it read before, and what it reads now. */
export interface FieldChange {
  field: ArticleField;
  before: string;
  after: string;
}

/**
 * The article's fields the editor changed, each beside what it read before: a value set on the
 * article beside the one it replaced, a field typed in its chunk beside what the chunk read as
 * without the typing. The diff shows them above the body, whose blocks cannot.
 */
export function fieldChanges(page: ReviewPage, article: Article): FieldChange[] {
  const { fields, readAs } = derivedOf(page);
  const sources = fields.get(article.id);
  // The values set on this article are among its changes, which the diff beside found already: no
  // pass over the page's edits (48,000 on the largest page).
  const edits = articleChanges(article, page.analysis.edits);
  const untyped = (chunk: ChunkId | null | undefined, field: ChunkField) =>
    chunk ? untypedValue(readAs.get(chunk) ?? [], field) : null;
  const changes: FieldChange[] = [];
  const add = (field: ArticleField, before: string | null, after: string) => {
    if (before !== null && before !== after) changes.push({ field, before, after });
  };
  for (const field of ['title', 'kicker', 'byline', 'section'] as const) {
    const now = (field === 'title' ? article.title : article[field]) ?? '';
    const set = valueSetOn(edits, article.id, field);
    add(field, set ? set.before : field === 'section' ? null : untyped(sources?.[field], field), now);
  }
  const captionsSet = valueSetOn(edits, article.id, 'captions');
  if (captionsSet) add('captions', captionsSet.before, article.captions.join('\n'));
  else article.captions.forEach((caption, i) => add('captions', untyped(sources?.captions[i], 'caption'), caption));
  return changes;
}

/** What a field read from `pieces` read as before the editor typed in them; null when they hold no typing. */
function untypedValue(pieces: readonly Piece[], field: ChunkField): string | null {
  if (!pieces.some((piece) => piece.edit && isTypedEdit(piece.edit))) return null;
  let text = '';
  for (const { edit, text: read } of pieces) {
    text += edit && isTypedEdit(edit) && edit.op.type === 'replace' ? (edit.op.cleanBefore ?? read) : read;
  }
  return text.trim() === '' ? '' : fieldValue(field, text);
}
