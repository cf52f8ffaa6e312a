import {
  derivePage,
  fieldValue,
  readChunkAlone,
  readPieces,
  spanContains,
  TYPED_RULE,
  type Article,
  type ArticleId,
  type ArticleTextField,
  type ChunkField,
  type ChunkId,
  type ChunkPieces,
  type CleanPage,
  type DerivedPage,
  type Edit,
  type EditOp,
  type FieldSources,
  type PageAnalysis,
  type Piece,
} from '../model';
import type { ReviewOp } from './ops';

/** What every review action reads: one page's raw text and its current review state. */
export interface ReviewPage {
  pageId: string;
  raw: string;
  analysis: PageAnalysis;
}

/** Ids for edits and boundaries the editor creates; unique without coordination. */
export function newId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID().slice(0, 13)}`;
}

/**
 * The clean page each analysis was last derived into. Analyses are values (an action makes a new
 * one), so the desk showing a page and the action run on it share one derivation: on the largest
 * page `materialize` takes most of a second.
 */
const derived = new WeakMap<PageAnalysis, DerivedPage & { raw: string }>();

/** The page derived once per analysis, with how it was read from the raw; read-only, it is shared. */
export function derivedOf(page: ReviewPage): DerivedPage {
  const known = derived.get(page.analysis);
  if (known?.raw === page.raw) return known;
  const made = { ...derivePage(page.raw, page.analysis), raw: page.raw };
  derived.set(page.analysis, made);
  return made;
}

/** The page's clean articles, derived once per analysis; treat the result as read-only, it is shared. */
export function cleanOf(page: ReviewPage): CleanPage {
  return derivedOf(page).clean;
}

export function findArticle(clean: CleanPage, articleId: string): Article {
  const article = clean.articles.find((a) => a.id === articleId);
  if (!article) throw new RangeError(`no article ${articleId} on this page (${clean.articles.length} articles)`);
  return article;
}

type FieldOp = Extract<EditOp, { type: 'set-field' | 'set-captions' }>;
export type FieldEdit = Edit & { op: FieldOp };

/**
 * Derives the clean page of `next`, made from `page` by `ops`, from the one `page` already has when
 * the ops only give articles the editor's field values (a title, a byline, captions) or type in
 * chunks a field is read from: the other articles are carried over as they are, and only the
 * typed chunks are read again (a title keystroke on the largest page must not read it whole).
 * Any other step is derived whole when the page is next read.
 */
export function carryCleanOver(page: ReviewPage, ops: readonly ReviewOp[], next: PageAnalysis): void {
  const known = derived.get(page.analysis);
  if (known?.raw !== page.raw || ops.length === 0) return;
  let articles = known.clean.articles;
  const retyped = new Set<ChunkId>();
  for (const op of ops) {
    const typed = typedEditsOf(op);
    if (typed) {
      for (const edit of typed) {
        const holders = next.chunks.filter((chunk) => spanContains(chunk, edit));
        if (holders.length === 0) return;
        for (const chunk of holders) retyped.add(chunk.id);
      }
      continue;
    }
    const edit = op.type === 'add-edit' ? op.edit : op.type === 'update-edit' ? op.to : null;
    if (!edit || !isFieldEdit(edit) || !decidesField(next.edits, edit)) return;
    const index = articles.findIndex((article) => article.id === edit.op.article);
    if (index === -1) return;
    articles = articles.with(index, withField(articles[index], edit.op));
  }
  let readAs = known.readAs instanceof Reread ? known.readAs : new Reread(known.readAs, new Map());
  for (const chunkId of retyped) {
    const place = fieldReadFrom(known.fields, chunkId);
    const chunk = next.chunks.find((c) => c.id === chunkId)!;
    const following = next.chunks.find((c) => c !== chunk && c.start === chunk.end);
    const pieces = place && !valueSetFor(next.edits, place) && readChunkAlone(page.raw, chunk, following, next.edits);
    if (!place || !pieces) return;
    const index = articles.findIndex((article) => article.id === place.article);
    const article = index === -1 ? null : withChunkField(articles[index], place, pieces);
    if (!article) return;
    articles = articles.with(index, article);
    readAs = readAs.with(chunkId, pieces);
  }
  // Field values change no chunk's reading, and typing in a field's chunk no other's.
  derived.set(next, { ...known, clean: { ...known.clean, articles }, readAs });
}

/**
 * The chunks' pieces as a whole derivation read them, but for the chunks typed in since, read
 * anew: a keystroke copies what it re-read, not the pieces of every chunk (60,000 on the largest page).
 */
class Reread implements ChunkPieces {
  constructor(
    private readonly whole: ChunkPieces,
    private readonly anew: ReadonlyMap<ChunkId, readonly Piece[]>,
  ) {}

  get(chunk: ChunkId): readonly Piece[] | undefined {
    return this.anew.get(chunk) ?? this.whole.get(chunk);
  }

  with(chunk: ChunkId, pieces: readonly Piece[]): Reread {
    return new Reread(this.whole, new Map(this.anew).set(chunk, pieces));
  }
}

function typedEditsOf(op: ReviewOp): Edit[] | null {
  const edits =
    op.type === 'add-edit' || op.type === 'remove-edit' ? [op.edit] : op.type === 'update-edit' ? [op.from, op.to] : [];
  return edits.length > 0 && edits.every((edit) => edit.origin === 'editor' && edit.rule === TYPED_RULE) ? edits : null;
}

/** A field read from one chunk: which article's, and for a caption which of its captions. */
interface FieldPlace {
  article: ArticleId;
  field: ChunkField;
  caption: number;
}

function fieldReadFrom(fields: ReadonlyMap<ArticleId, FieldSources>, chunk: ChunkId): FieldPlace | null {
  for (const [article, sources] of fields) {
    for (const field of ['title', 'kicker', 'byline'] as const) {
      if (sources[field] === chunk) return { article, field, caption: -1 };
    }
    const caption = sources.captions.indexOf(chunk);
    if (caption !== -1) return { article, field: 'caption', caption };
  }
  return null;
}

/** Whether the editor's value set on the article decides the field, whatever its chunk reads. */
function valueSetFor(edits: readonly Edit[], place: FieldPlace): boolean {
  return valueSetOn(edits, place.article, place.field === 'caption' ? 'captions' : place.field) !== undefined;
}

/**
 * The article with the field read from `pieces`, as materialize reads it; null when the article
 * would change otherwise (a caption gone or the same as another, an article left empty).
 */
function withChunkField(article: Article, place: FieldPlace, pieces: readonly Piece[]): Article | null {
  const text = readPieces(pieces);
  const value = text.trim() === '' ? null : fieldValue(place.field, text);
  switch (place.field) {
    case 'title':
      if (value === null && article.blocks.length === 0 && article.captions.length === 0) return null;
      return { ...article, title: value ?? '' };
    case 'kicker':
    case 'byline':
      return { ...article, [place.field]: value };
    case 'caption':
      if (value === null || article.captions.some((caption, i) => i !== place.caption && caption === value))
        return null;
      return { ...article, captions: article.captions.with(place.caption, value) };
  }
}

function isFieldEdit(edit: Edit): edit is FieldEdit {
  return (edit.op.type === 'set-field' || edit.op.type === 'set-captions') && edit.origin === 'editor';
}

export type ArticleField = ArticleTextField | 'captions';

/** The editor's value set on an article's field that decides it: the last applied one (materialize lets the last win). */
export function valueSetOn(edits: readonly Edit[], article: ArticleId, field: ArticleField): FieldEdit | undefined {
  // The op is looked at first: on a large page nearly every edit is told apart by it alone.
  return edits.findLast(
    (edit): edit is FieldEdit =>
      isFieldEdit(edit) &&
      edit.op.article === article &&
      (edit.op.type === 'set-captions' ? field === 'captions' : edit.op.field === field) &&
      edit.status === 'applied',
  );
}

/** Whether `edit` is in force for its field in `edits`. */
function decidesField(edits: readonly Edit[], edit: FieldEdit): boolean {
  const field = edit.op.type === 'set-captions' ? 'captions' : edit.op.field;
  return edit.status === 'applied' && valueSetOn(edits, edit.op.article, field)?.id === edit.id;
}

function withField(article: Article, op: FieldOp): Article {
  if (op.type === 'set-captions') return { ...article, captions: [...op.value] };
  return op.field === 'title' ? { ...article, title: op.value ?? '' } : { ...article, [op.field]: op.value };
}
