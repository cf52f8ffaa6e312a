import type { Boundary, ChunkId, Edit, PageAnalysis } from './analysis';
import type { Article } from './clean';
import {
  fieldEditsOf,
  pageOf,
  pageTexts,
  readSegments,
  SegmentPieces,
  splitOf,
  withFieldValues,
  type BlockRef,
  type Contribution,
  type Derivation,
  type FieldEdit,
  type FieldEdits,
  type PageTexts,
  type Segment,
  type SegmentReading,
} from './materialize';
import { byPosition, chunkReadings, textEditsInForce, type ChunkReadings, type TextEdit } from './reading';
import { firstEndingAfter, type Span } from './span';

/** What a step changed in a page's review: each edit and split it touched, as it was and as it is. */
export interface AnalysisChange {
  /** `from` null: the edit was added; `to` null: it was removed. */
  edits: readonly { from: Edit | null; to: Edit | null }[];
  boundaries: readonly { from: Boundary; to: Boundary }[];
}

/**
 * The derivation of `next`, made from the analysis `previous` derived by `change`, reading again
 * only what the change reaches: a text edit reverted, restored or typed re-reads the chunks its
 * neighbourhood of overlapping edits covers and the articles holding them; a value set on an
 * article or a split approved touches that article alone. Every other article is carried over as
 * the same object. Null when the change is of another kind (a move, a join, a role, a split
 * rejected or added), which only the whole page can say: derive it whole then.
 */
export function rederive(previous: Derivation, next: PageAnalysis, change: AnalysisChange): Derivation | null {
  if (!previous.incremental) return null;
  const textChanges: { from: TextEdit | null; to: TextEdit | null }[] = [];
  const fieldChanges: { from: FieldEdit | null; to: FieldEdit | null }[] = [];
  for (const { from, to } of change.edits) {
    if (from?.status !== 'applied' && to?.status !== 'applied') continue;
    const kinds = new Set([from, to].flatMap((edit) => (edit ? [kindOf(edit)] : [])));
    if (kinds.size !== 1 || kinds.has('other')) return null;
    if (kinds.has('field')) fieldChanges.push({ from: from as FieldEdit | null, to: to as FieldEdit | null });
    else textChanges.push({ from: from as TextEdit | null, to: to as TextEdit | null });
  }
  const segments = [...previous.segments];
  const resplit = new Set<number>();
  for (const { from, to } of change.boundaries) {
    if (from.status === 'rejected' || to.status === 'rejected' || from.chunk !== to.chunk || from.title !== to.title)
      return null;
    // A split shadowed by a later one at the same chunk opens nothing.
    const index = segments.findIndex((segment) => segment.boundary === from);
    if (index === -1) continue;
    segments[index] = { ...segments[index], boundary: to };
    resplit.add(index);
  }

  const text = textChanges.length > 0 ? rereadText(previous, next, textChanges) : null;
  if (text === undefined) return null;
  const texts = text
    ? pageTexts(
        { base: previous.texts.base, reread: text.readings },
        previous.texts.typedOver,
        previous.texts.rejectedAt,
        previous.texts.joinOnto,
      )
    : previous.texts;
  const read = readAgain(previous, segments, texts, text?.chunks ?? new Set());
  if (!read) return null;
  const readings: SegmentReading[] = [...previous.readings];
  read.forEach((reading, segment) => (readings[segment] = reading));
  for (const segment of resplit) {
    const { article } = readings[segment];
    if (article && !read.has(segment))
      readings[segment] = { ...readings[segment], article: { ...article, split: splitOf(segments[segment].boundary) } };
  }

  const fieldsChanged = fieldChanges.length > 0;
  const fieldEdits = fieldsChanged
    ? withFieldChanges(previous.fieldEdits, fieldChanges, next.edits)
    : previous.fieldEdits;
  const touched = new Set([...read.keys(), ...resplit]);
  const articles = previous.articles.map((article, segment): Article | null => {
    const id = readings[segment].article?.id;
    const fieldsTouched =
      fieldsChanged && id !== undefined && !sameEdits(fieldEdits.get(id), previous.fieldEdits.get(id));
    if (!touched.has(segment) && !fieldsTouched) return article;
    return withFieldValues([readings[segment]], fieldEdits)[0];
  });
  const furniture = read.size > 0 ? undefined : previous.page.clean.furniture;
  return {
    ...previous,
    page: pageOf(readings, articles, new SegmentPieces(readings, previous.segmentOf), furniture),
    segments,
    readings,
    articles,
    texts,
    activeText: text?.activeText ?? previous.activeText,
    inForce: text?.inForce ?? previous.inForce,
    longest: text?.longest ?? previous.longest,
    fieldEdits,
  };
}

/**
 * The segments holding `chunks` read again, with every segment whose reading they reach: one a
 * chunk of them gave text to, or whose joins find their blocks changed. The text other segments
 * give theirs is taken as it was read. Keyed by segment; null when a caption is continued across
 * segments, which only the whole page reads.
 */
function readAgain(
  previous: Derivation,
  segments: readonly Segment[],
  texts: PageTexts,
  chunks: ReadonlySet<ChunkId>,
): Map<number, SegmentReading> | null {
  const { segmentOf, readings } = previous;
  let wanted = new Set<number>();
  for (const chunk of chunks) {
    const segment = segmentOf.get(chunk)!;
    wanted.add(segment);
    const gaveTo = readings[segment].blockAt.get(chunk)?.segment;
    if (gaveTo !== undefined) wanted.add(gaveTo);
  }
  for (;;) {
    const indices = [...wanted].sort((a, b) => a - b);
    if (indices.some((segment) => readings[segment].captionsCrossed)) return null;
    const incoming = readings
      .flatMap((reading, segment) =>
        wanted.has(segment) ? [] : reading.sent.filter((given) => wanted.has(given.target.segment)),
      )
      .sort((a, b) => a.position - b.position);
    const elsewhere = (chunk: ChunkId, from: number): BlockRef | undefined => {
      const segment = segmentOf.get(chunk);
      if (segment === undefined || wanted.has(segment) || segment > from) return undefined;
      const ref = readings[segment].blockAt.get(chunk);
      // A block read now is found where the text given to it was received.
      if (ref && wanted.has(ref.segment)) throw new RangeError(`block ${ref.block} was not received`);
      return ref;
    };
    let fresh: SegmentReading[];
    try {
      fresh = readSegments(previous.order, segments, texts, { indices, elsewhere, incoming });
    } catch (error) {
      if (error instanceof RangeError) return null;
      throw error;
    }
    const grown = new Set(wanted);
    indices.forEach((segment, i) => {
      const [before, after] = [readings[segment], fresh[i]];
      for (const target of new Set([...before.sent, ...after.sent].map((given) => given.target.segment)))
        if (!sameGiven(before.sent, after.sent, target)) grown.add(target);
      for (const chunk of new Set([...before.blockAt.keys(), ...after.blockAt.keys()])) {
        const [was, is] = [before.blockAt.get(chunk), after.blockAt.get(chunk)];
        if (was?.segment === is?.segment && was?.block === is?.block) continue;
        for (const joined of previous.joinedFrom.get(chunk) ?? []) grown.add(segmentOf.get(joined)!);
      }
    });
    if (grown.size === wanted.size) return new Map(indices.map((segment, i) => [segment, fresh[i]]));
    wanted = grown;
  }
}

function sameGiven(before: readonly Contribution[], after: readonly Contribution[], target: number): boolean {
  const [was, is] = [before, after].map((sent) => sent.filter((given) => given.target.segment === target));
  return (
    was.length === is.length &&
    was.every(
      (given, i) =>
        given.chunk.id === is[i].chunk.id && given.text === is[i].text && given.target.block === is[i].target.block,
    )
  );
}

/**
 * The articles' values after `changes`: an edit changed in place keeps its place among its
 * article's, one added last goes last; any other change is found by a pass over the edits.
 */
function withFieldChanges(
  previous: FieldEdits,
  changes: readonly { from: FieldEdit | null; to: FieldEdit | null }[],
  edits: readonly Edit[],
): FieldEdits {
  const byArticle = new Map(previous);
  for (const { from, to } of changes) {
    const article = (to ?? from)!.op.article;
    if (from && to && from.op.article !== to.op.article) return fieldEditsOf(edits);
    const list = byArticle.get(article) ?? [];
    const at = from ? list.indexOf(from) : -1;
    if (from?.status === 'applied' && at === -1) return fieldEditsOf(edits);
    let changed: readonly FieldEdit[];
    if (to?.status !== 'applied') changed = at === -1 ? list : list.toSpliced(at, 1);
    else if (at !== -1) changed = list.with(at, to);
    else if (edits[edits.length - 1] === to) changed = [...list, to];
    else return fieldEditsOf(edits);
    if (changed.length > 0) byArticle.set(article, changed);
    else byArticle.delete(article);
  }
  return byArticle;
}

function sameEdits(a: readonly Edit[] = [], b: readonly Edit[] = []): boolean {
  return a.length === b.length && a.every((edit, i) => edit === b[i]);
}

function kindOf(edit: Edit): 'text' | 'field' | 'other' {
  switch (edit.op.type) {
    case 'replace':
    case 'extract':
      return 'text';
    case 'set-field':
    case 'set-captions':
      return 'field';
    default:
      return 'other';
  }
}

/**
 * The text edits in force after `changes`, and the chunks read again under them. Which of two
 * clashing edits is in force depends only on edits clashing with them, so only the edits linked
 * to a changed one by a chain of overlaps can change; they are decided again among themselves,
 * in the order `textEditsInForce` gives them, and every chunk they reach is read again.
 * Undefined when an edit changed is not where the derivation holds it (a stale derivation).
 */
function rereadText(
  previous: Derivation,
  next: PageAnalysis,
  changes: readonly { from: TextEdit | null; to: TextEdit | null }[],
):
  | {
      activeText: readonly TextEdit[];
      inForce: readonly TextEdit[];
      longest: number;
      readings: ChunkReadings;
      chunks: Set<string>;
    }
  | undefined {
  let activeText = previous.activeText;
  let { longest } = previous;
  const seeds: Span[] = [];
  const gone = new Set<TextEdit>();
  for (const { from, to } of changes) {
    if (from?.status === 'applied') {
      const at = indexOf(activeText, from);
      if (at === -1) return undefined;
      activeText = activeText.toSpliced(at, 1);
      seeds.push(from);
      gone.add(from);
    }
    if (to?.status === 'applied') {
      activeText = activeText.toSpliced(insertionPoint(activeText, to), 0, to);
      longest = Math.max(longest, to.end - to.start);
      seeds.push(to);
    }
  }
  const linked = linkedEdits(activeText, longest, seeds);
  const decided = textEditsInForce(inEditOrder(linked, next.edits));
  // Few edits leave or join those in force: each is found by bisection, not by a pass over all.
  const out = [...gone, ...linked].filter((edit) => indexOf(previous.inForce, edit) !== -1);
  let inForce = previous.inForce;
  for (const edit of out) inForce = inForce.toSpliced(indexOf(inForce, edit), 1);
  for (const edit of decided) inForce = inForce.toSpliced(insertionPoint(inForce, edit), 0, edit);

  const { chunks } = previous;
  const reach = [...seeds, ...out, ...decided];
  const touched = new Set<number>();
  for (const span of reach) {
    // Closed at both ends: an insertion at a chunk's end is read in it.
    for (let i = firstEndingAfter(chunks, span.start - 1); i < chunks.length && chunks[i].start <= span.end; i++)
      touched.add(i);
  }
  const readings: ChunkReadings = {
    pieces: new Map(previous.texts.reread.pieces),
    withCredits: new Map(previous.texts.reread.withCredits),
  };
  const chunkIds = new Set<string>();
  for (const i of touched) {
    const chunk = chunks[i];
    // In force, edits lie apart: their ends are in order too.
    const reaching = inForce.slice(firstEndingAfter(inForce, chunk.start - 1), firstStartingAfter(inForce, chunk.end));
    const read = chunkReadings(previous.raw, chunks.slice(i, i + 2), reaching);
    readings.pieces.set(chunk.id, read.pieces.get(chunk.id)!);
    const credited = previous.texts.typedOver.has(chunk.id) ? undefined : read.withCredits.get(chunk.id);
    if (credited) readings.withCredits.set(chunk.id, credited);
    else readings.withCredits.delete(chunk.id);
    chunkIds.add(chunk.id);
  }
  return { activeText, inForce, longest, readings, chunks: chunkIds };
}

/** The applied text edits linked to `seeds` by a chain of overlaps (touching counts, to be safe). */
function linkedEdits(activeText: readonly TextEdit[], longest: number, seeds: readonly Span[]): Set<TextEdit> {
  const linked = new Set<TextEdit>();
  const queue: Span[] = [...seeds];
  while (queue.length > 0) {
    const span = queue.pop()!;
    // An edit reaching `span` starts at most `longest` before it.
    for (let i = firstStartingAfter(activeText, span.start - longest - 1); i < activeText.length; i++) {
      const edit = activeText[i];
      if (edit.start > span.end) break;
      if (edit.end < span.start || linked.has(edit)) continue;
      linked.add(edit);
      queue.push(edit);
    }
  }
  return linked;
}

/**
 * `edits` in the order `textEditsInForce` meets them in the whole list: by position, and edits of
 * one span in the page's order of edits (which only then is looked up).
 */
function inEditOrder(edits: ReadonlySet<TextEdit>, all: readonly Edit[]): TextEdit[] {
  const sorted = [...edits].sort(byPosition);
  if (!sorted.some((edit, i) => i > 0 && byPosition(sorted[i - 1], edit) === 0)) return sorted;
  const listed = new Map<Edit, number>();
  all.forEach((edit, i) => edits.has(edit as TextEdit) && listed.set(edit, i));
  return sorted.sort((a, b) => byPosition(a, b) || listed.get(a)! - listed.get(b)!);
}

function firstStartingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function insertionPoint(sorted: readonly TextEdit[], edit: TextEdit): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPosition(sorted[mid], edit) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexOf(sorted: readonly TextEdit[], edit: TextEdit): number {
  for (let i = firstStartingAfter(sorted, edit.start - 1); i < sorted.length && sorted[i].start === edit.start; i++)
    if (sorted[i] === edit) return i;
  return -1;
}
