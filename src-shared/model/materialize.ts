import type {
  ArticleId,
  Boundary,
  Chunk,
  ChunkId,
  ChunkRole,
  Edit,
  EditOp,
  FurnitureKind,
  PageAnalysis,
} from './analysis';
import type { Article, Block, CleanPage, FurnitureItem } from './clean';
import { chunkReadings, readPieces, textEditsInForce, TYPED_RULE, type Piece } from './reading';
import { mergeSpans, type Span } from './span';

type Op<T extends EditOp['type']> = Extract<EditOp, { type: T }>;

const PAGE_START = 'page-start';

/** "(本报记者 苏文保)" → "本报记者 苏文保"; both ASCII and full-width parentheses. */
export function unwrapByline(text: string): string {
  const { from, to } = fieldStretch('byline', text);
  return text.slice(from, to);
}

/** The fields read from a chunk's text; a caption is one of an article's captions. */
export type ChunkField = 'title' | 'kicker' | 'byline' | 'caption';

const isSpace = (char: string) => /\s/.test(char);

/**
 * Where a field's value lies in the text of the chunk it is read from: trimmed, and a byline out
 * of its parentheses. What lies around it is kept when the value is typed over.
 */
export function fieldStretch(field: ChunkField, text: string): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  const trim = () => {
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
  };
  trim();
  if (field !== 'byline') return { from, to };
  if (from < to && (text[from] === '(' || text[from] === '（')) from++;
  while (from < to && isSpace(text[from])) from++;
  if (to > from && (text[to - 1] === ')' || text[to - 1] === '）')) to--;
  trim();
  return { from, to };
}

/** The value a field reads as when it is read from a chunk reading `text`. */
export function fieldValue(field: ChunkField, text: string): string {
  const { from, to } = fieldStretch(field, text);
  return text.slice(from, to);
}

/**
 * The one chunk each of an article's fields is read from; null when it is read from none, from
 * several (a headline of two lines), from a split's typed title, or from text taken out of a
 * paragraph. Typing such a field is typing in its chunk; the others are values set on the article.
 */
export interface FieldSources {
  title: ChunkId | null;
  kicker: ChunkId | null;
  byline: ChunkId | null;
  /** One per caption the article lists, in its order. */
  captions: (ChunkId | null)[];
}

/**
 * Derives the clean page from the raw text and the analysis. Only edits whose status is
 * `applied` take effect; later edits in the list win over earlier ones on the same target, and
 * of text edits that overlap the editor's win (see `textEditsInForce`).
 * Pure and deterministic: the review desk calls it after every action.
 */
export function materialize(raw: string, analysis: Pick<PageAnalysis, 'chunks' | 'boundaries' | 'edits'>): CleanPage {
  return derivePage(raw, analysis).clean;
}

/** The pieces each chunk was read from, by its id. */
export interface ChunkPieces {
  get(chunk: ChunkId): readonly Piece[] | undefined;
}

export interface DerivedPage {
  clean: CleanPage;
  /**
   * The pieces each chunk in an article was read from (with its byline as printed where the
   * article kept it there), so a clean offset maps back to raw. A chunk the editor's old whole-text
   * edit (`set-text`) replaced holds the pieces that edit replaced.
   */
  readAs: ChunkPieces;
  /** Where each article's fields were read from (the first article of an id, as the desk finds it). */
  fields: ReadonlyMap<ArticleId, FieldSources>;
}

/** `materialize`, with how the clean text was read from the raw. */
export function derivePage(raw: string, analysis: Pick<PageAnalysis, 'chunks' | 'boundaries' | 'edits'>): DerivedPage {
  const active = analysis.edits.filter((edit) => edit.status === 'applied');
  const roleOf = new Map<ChunkId, Op<'role'>>();
  for (const edit of active) if (edit.op.type === 'role') roleOf.set(edit.op.chunk, edit.op);
  const chunks = analysis.chunks.map((chunk) => withRole(chunk, roleOf.get(chunk.id)));
  const { pieces, withCredits } = chunkReadings(raw, chunks, textEditsInForce(active));
  const typedOver = new Map<ChunkId, string>();
  for (const edit of active) {
    if (edit.op.type !== 'set-text') continue;
    typedOver.set(edit.op.chunk, edit.op.text);
    withCredits.delete(edit.op.chunk);
  }

  const order = readingOrder(chunks, active);
  const boundaryAt = new Map<ChunkId, Boundary>();
  const rejectedAt = new Set<ChunkId>();
  for (const boundary of analysis.boundaries) {
    if (boundary.status === 'rejected') rejectedAt.add(boundary.chunk);
    else boundaryAt.set(boundary.chunk, boundary);
  }
  const joinOnto = new Map<ChunkId, ChunkId>();
  for (const edit of active) if (edit.op.type === 'join') joinOnto.set(edit.op.chunk, edit.op.onto);

  const builder = new PageBuilder();
  const readAs = new Map<ChunkId, readonly Piece[]>();
  for (const chunk of order) {
    const read = pieces.get(chunk.id) ?? [];
    const text = typedOver.get(chunk.id) ?? readPieces(read);
    if (chunk.role === 'furniture') {
      builder.furniture(chunk, text);
      continue;
    }
    const boundary = boundaryAt.get(chunk.id);
    if (boundary) builder.openArticle(boundary);
    else if (rejectedAt.has(chunk.id)) builder.readOnAfterRejectedSplit();
    // A credit the article cannot take stays in its paragraph, where it was printed.
    const withCredit = builder.takesNoMoreCredits() ? withCredits.get(chunk.id) : undefined;
    const typed = read.some((piece) => piece.edit?.rule === TYPED_RULE && piece.edit.origin === 'editor');
    builder.add(chunk, withCredit ? readPieces(withCredit) : text, joinOnto.get(chunk.id), typed);
    readAs.set(chunk.id, withCredit ?? read);
    for (const piece of read) {
      const op = piece.edit?.op;
      if (op?.type !== 'extract' || piece.start !== piece.edit!.start) continue;
      if (withCredit === undefined || op.field !== 'byline') builder.extracted(op);
    }
  }
  return { ...builder.finish(active), readAs };
}

function withRole(chunk: Chunk, override: Op<'role'> | undefined): Chunk {
  return override ? { ...chunk, role: override.role, furniture: override.furniture, section: override.section } : chunk;
}

/**
 * Chunks as they are read: raw order, then each applied move in turn; a move placing a chunk
 * after one that is itself moved is applied after that one, so chained moves keep their order.
 * The order is a linked list, so each move costs the same however long the page.
 */
export function readingOrder<T extends Pick<Chunk, 'id' | 'start'>>(
  chunks: readonly T[],
  active: readonly Edit[],
): T[] {
  const sorted = [...chunks].sort((a, b) => a.start - b.start);
  const order = new ChunkList(sorted);
  const moves = active.flatMap((edit) => (edit.op.type === 'move' ? [edit.op] : []));
  const moveOf = new Map(moves.map((move) => [move.chunk, move]));
  const done = new Set<Op<'move'>>();
  const apply = (move: Op<'move'>) => {
    if (done.has(move)) return;
    done.add(move);
    const first = moveOf.get(move.after);
    if (first) apply(first);
    order.moveAfter(move.chunk, move.after);
  };
  for (const move of moves) apply(move);
  return order.toArray();
}

/** Chunks in a doubly linked list by position; `HEAD` stands before the first. */
class ChunkList<T extends Pick<Chunk, 'id'>> {
  private static readonly HEAD = -1;
  private readonly next: number[];
  private readonly previous: number[];
  private readonly indexOf = new Map<ChunkId, number>();
  private first: number;

  constructor(private readonly chunks: readonly T[]) {
    this.next = chunks.map((_, i) => (i + 1 < chunks.length ? i + 1 : ChunkList.HEAD));
    this.previous = chunks.map((_, i) => i - 1);
    this.first = chunks.length ? 0 : ChunkList.HEAD;
    // The first chunk with an id wins, as a search from the front would find it.
    chunks.forEach((chunk, i) => this.indexOf.has(chunk.id) || this.indexOf.set(chunk.id, i));
  }

  /** Puts `chunk` right after `after`; nothing happens when either is unknown or they are the same. */
  moveAfter(chunk: ChunkId, after: ChunkId): void {
    const moved = this.indexOf.get(chunk);
    const target = this.indexOf.get(after);
    if (moved === undefined || target === undefined || moved === target) return;
    const { next, previous } = this;
    if (previous[moved] === ChunkList.HEAD) this.first = next[moved];
    else next[previous[moved]] = next[moved];
    if (next[moved] !== ChunkList.HEAD) previous[next[moved]] = previous[moved];
    next[moved] = next[target];
    previous[moved] = target;
    if (next[target] !== ChunkList.HEAD) previous[next[target]] = moved;
    next[target] = moved;
  }

  toArray(): T[] {
    const result: T[] = [];
    for (let at = this.first; at !== ChunkList.HEAD; at = this.next[at]) result.push(this.chunks[at]);
    return result;
  }
}

interface ArticleDraft {
  id: string;
  boundary: Boundary | null;
  section: string | null;
  kickers: string[];
  titles: string[];
  bylines: string[];
  captions: string[];
  blocks: Block[];
  spans: Span[];
  /**
   * The chunks each field was read from: those reading as something, or typed in by the editor (a
   * line a repeat was removed from is none); a caption taken out of a paragraph or joined by another has none.
   */
  titleChunks: ChunkId[];
  kickerChunks: ChunkId[];
  bylineChunks: ChunkId[];
  bylinesExtracted: boolean;
  captionChunks: (ChunkId | null)[];
}

class PageBuilder {
  private readonly articles: ArticleDraft[] = [];
  private readonly furnitureItems: FurnitureItem[] = [];
  private readonly blockOf = new Map<ChunkId, Block>();
  /** Where each caption chunk's text went, so the rest of a cut caption joins it. */
  private readonly captionOf = new Map<ChunkId, { article: ArticleDraft; index: number }>();
  private section: string | null = null;
  private current: ArticleDraft | null = null;
  /**
   * Set from a rejected split to the next article: the editor said the lower article is part of
   * the one above, so its headings are body text there and the upper title and credit stay alone.
   */
  private readingOn = false;

  furniture(chunk: Chunk, text: string): void {
    if (chunk.section) this.section = chunk.section;
    if (text.trim() === '') return;
    const kind: FurnitureKind = chunk.furniture ?? 'other';
    this.furnitureItems.push({ kind, text, start: chunk.start, end: chunk.end, chunk: chunk.id });
  }

  openArticle(boundary: Boundary): void {
    this.current = this.draft(boundary.id, boundary);
    this.readingOn = false;
  }

  /** A rejected split goes on with the article above; with none above, its chunks open the page's first. */
  readOnAfterRejectedSplit(): void {
    this.readingOn = this.current !== null;
  }

  /** An article read on after a rejected split keeps one credit: a later one is body text. */
  takesNoMoreCredits(): boolean {
    return this.readingOn && this.current !== null && this.current.bylines.length > 0;
  }

  /** `typed`: the editor typed in the chunk, so it is still the line a field is read from when typed empty. */
  add(chunk: Chunk, text: string, onto: ChunkId | undefined, typed: boolean): void {
    const article = this.current ?? (this.current = this.draft(PAGE_START, null));
    article.spans.push({ start: chunk.start, end: chunk.end });
    const role: ChunkRole = this.readsAsBody(chunk.role) ? 'paragraph' : chunk.role;
    const target = onto === undefined ? undefined : this.blockOf.get(onto);
    if (target && (role === 'paragraph' || role === 'subhead')) {
      target.text += text;
      target.spans.push({ start: chunk.start, end: chunk.end });
      target.chunks.push(chunk.id);
      this.blockOf.set(chunk.id, target);
      return;
    }
    const trimmed = text.trim();
    switch (role) {
      case 'headline':
        if (trimmed || typed) article.titleChunks.push(chunk.id);
        if (trimmed) article.titles.push(trimmed);
        return;
      case 'kicker':
        if (trimmed || typed) article.kickerChunks.push(chunk.id);
        if (trimmed) article.kickers.push(trimmed);
        return;
      case 'caption': {
        const joined = onto === undefined ? undefined : this.captionOf.get(onto);
        if (joined) {
          joined.article.captions[joined.index] += trimmed;
          joined.article.captionChunks[joined.index] = null;
          this.captionOf.set(chunk.id, joined);
        } else if (trimmed) {
          article.captions.push(trimmed);
          article.captionChunks.push(chunk.id);
          this.captionOf.set(chunk.id, { article, index: article.captions.length - 1 });
        }
        return;
      }
      case 'byline':
        if (trimmed || typed) article.bylineChunks.push(chunk.id);
        if (trimmed) article.bylines.push(unwrapByline(trimmed));
        return;
      case 'paragraph':
      case 'subhead': {
        const block: Block = {
          id: chunk.id,
          type: role,
          text,
          spans: [{ start: chunk.start, end: chunk.end }],
          chunks: [chunk.id],
        };
        article.blocks.push(block);
        this.blockOf.set(chunk.id, block);
        return;
      }
      case 'furniture':
        return;
    }
  }

  private readsAsBody(role: ChunkRole): boolean {
    if (!this.readingOn) return false;
    return role === 'headline' || role === 'kicker' || (role === 'byline' && this.takesNoMoreCredits());
  }

  extracted(field: Pick<Op<'extract'>, 'field' | 'value'>): void {
    const article = this.current ?? (this.current = this.draft(PAGE_START, null));
    const value = field.value.trim();
    if (!value) return;
    if (field.field === 'byline') {
      article.bylines.push(value);
      article.bylinesExtracted = true;
    } else {
      article.captions.push(value);
      article.captionChunks.push(null);
    }
  }

  finish(active: readonly Edit[]): { clean: CleanPage; fields: Map<ArticleId, FieldSources> } {
    const byId = new Map<string, Article>();
    const fields = new Map<ArticleId, FieldSources>();
    const articles: Article[] = [];
    for (const draft of this.articles) {
      const article = toArticle(draft);
      if (!hasContent(article)) continue;
      articles.push(article);
      if (byId.has(article.id)) continue;
      byId.set(article.id, article);
      fields.set(article.id, fieldSources(draft));
    }
    for (const edit of active) {
      const { op } = edit;
      if (op.type !== 'set-field' && op.type !== 'set-captions') continue;
      const article = byId.get(op.article);
      if (!article) continue;
      if (op.type === 'set-captions') article.captions = [...op.value];
      else if (op.field === 'title') article.title = op.value ?? '';
      else article[op.field] = op.value;
    }
    return { clean: { articles, furniture: this.furnitureItems }, fields };
  }

  private draft(id: string, boundary: Boundary | null): ArticleDraft {
    const draft: ArticleDraft = {
      id,
      boundary,
      section: this.section,
      kickers: [],
      titles: [],
      bylines: [],
      captions: [],
      blocks: [],
      spans: [],
      titleChunks: [],
      kickerChunks: [],
      bylineChunks: [],
      bylinesExtracted: false,
      captionChunks: [],
    };
    this.articles.push(draft);
    return draft;
  }
}

/**
 * The values once each, in order. Two that differ only in spaces or in a mark's width are one
 * (a credit printed in a break and again at the end, the engine reading one colon half-width);
 * the full-width form is kept, being the one a Chinese page prints.
 */
function distinct(values: readonly string[]): string[] {
  const kept = new Map<string, string>();
  for (const value of values) {
    const key = value
      .replace(/\s+/g, '')
      .replace(FULL_WIDTH_FORM, (mark) => String.fromCharCode(mark.charCodeAt(0) - 0xfee0));
    const known = kept.get(key);
    if (known === undefined || fullWidthMarks(value) > fullWidthMarks(known)) kept.set(key, value);
  }
  return [...kept.values()];
}

function fullWidthMarks(text: string): number {
  return text.match(FULL_WIDTH_FORM)?.length ?? 0;
}

/** The full-width forms of the ASCII marks and letters (`：` for `:`). */
const FULL_WIDTH_FORM = /[\uff01-\uff5e]/g;

function toArticle(draft: ArticleDraft): Article {
  const boundary = draft.boundary;
  return {
    id: draft.id,
    section: draft.section,
    kicker: draft.kickers.length ? draft.kickers.join(' ') : null,
    title: boundary?.title ?? draft.titles.join(' '),
    byline: draft.bylines.length ? distinct(draft.bylines).join('；') : null,
    captions: distinct(draft.captions),
    blocks: draft.blocks.filter((block) => block.text.trim() !== ''),
    split: boundary
      ? { status: boundary.status, confidence: boundary.confidence, reason: boundary.reason, boundary: boundary.id }
      : { status: 'approved', confidence: 1, reason: 'page start', boundary: null },
    spans: mergeSpans(draft.spans),
  };
}

const onlyOne = (chunks: readonly ChunkId[]) => (chunks.length === 1 ? chunks[0] : null);

function fieldSources(draft: ArticleDraft): FieldSources {
  // A caption printed twice is listed once, read from both.
  const captions = new Map<string, ChunkId | null>();
  draft.captions.forEach((caption, i) => captions.set(caption, captions.has(caption) ? null : draft.captionChunks[i]));
  return {
    title: draft.boundary?.title === undefined ? onlyOne(draft.titleChunks) : null,
    kicker: onlyOne(draft.kickerChunks),
    byline: draft.bylinesExtracted ? null : onlyOne(draft.bylineChunks),
    captions: [...captions.values()],
  };
}

function hasContent(article: Article): boolean {
  return article.title !== '' || article.blocks.length > 0 || article.captions.length > 0;
}
