import type { Edit } from '../model/analysis';
import { commit, isTitleRole, makeEdit, strandedBlocks, type PageView, type Piece } from './draft';
import { bodyEndsSentence } from './cues';
import { compact } from './text';

/** Paragraphs shorter than this may repeat legitimately (`会议要求。`); they are left alone. */
const MIN_REPEAT = 12;
/** A partial copy must be at least this long to be judged on its shingles. */
const MIN_PARTIAL = 16;
/** Share of a block's 4-character shingles found in another block above which it is a copy of it. */
const APPLY_PARTIAL = 0.9;
/**
 * Lower bar for a copy stranded after a byline or a repeated headline, or one that stops
 * mid-sentence where its original goes on: its place or its cut end is evidence too.
 */
const APPLY_STRANDED = 0.8;
const PROPOSE_PARTIAL = 0.75;
/** A shingle shared by more blocks than this is boilerplate, not evidence of a copy. */
const MAX_POSTINGS = 8;
const SHINGLE = 4;
/** One shingle in four is indexed. */
const SAMPLE_MASK = 3;

/**
 * Removes text printed more than once: exact repeats of a paragraph, headline, caption or promo,
 * garbled partial copies of a paragraph, and the credits of a repeated run. Of the copies, the
 * one that sits inside its article (after a headline, before the byline) is kept, and of a
 * repeated headline the one over the most text, and of a garbled copy printed right after its
 * paragraph the paragraph; copies out of place (stranded after a byline, or
 * printed above the page's first headline) go first. Removal is an edit replacing the copy with
 * nothing.
 */
export function dedupe(view: PageView): PageView {
  const { raw } = view;
  // Marked removed as the copies are found, so that each step sees what the earlier ones took out.
  const pieces = view.pieces.map((piece) => ({ ...piece }));
  const removals: Edit[] = [];
  const remove = (piece: Piece, rule: string, reason: string, confidence: number, applied = true) => {
    if (applied) piece.removed = true;
    removals.push(
      makeEdit(raw, {
        kind: 'dedupe',
        rule,
        start: piece.content.start,
        end: piece.content.end,
        after: '',
        reason,
        confidence,
        status: applied ? 'applied' : 'proposed',
        op: { type: 'replace' },
      }),
    );
  };

  const keepOnly = (group: readonly Piece[], keeper: Piece) => {
    for (const copy of group) {
      if (copy !== keeper) remove(copy, 'dedupe.exact', `Printed again: same text as the block at offset ${keeper.start}`, 0.98);
    }
  };
  // Headlines first: which copy of a repeated article is the article decides what is out of place.
  const position = new Map(pieces.map((piece, i) => [piece, i]));
  const groups = exactGroups(pieces);
  for (const group of groups.filter((g) => g[0].role === 'headline')) {
    keepOnly(group, fullest(group, (piece) => bodyUnder(pieces, position.get(piece) ?? 0)));
  }
  const outOfPlaceBefore = outOfPlace(pieces);
  for (const group of groups.filter((g) => g[0].role !== 'headline')) {
    keepOnly(group, group.find((piece) => !outOfPlaceBefore.has(piece)) ?? group[0]);
  }
  const lastCredit = new Map<string, Piece>();
  for (const piece of pieces) if (piece.role === 'byline' && !piece.removed) lastCredit.set(piece.text, piece);
  pieces.forEach((piece, i) => {
    if (piece.role !== 'byline' || piece.removed || i === 0 || !pieces[i - 1].removed) return;
    const twin = lastCredit.get(piece.text);
    if (twin && twin !== piece) remove(piece, 'dedupe.exact', `Credit of a repeated run; the same credit stands at offset ${twin.start}`, 0.9);
  });
  const outOfPlaceNow = outOfPlace(pieces);
  for (const pair of similarParagraphs(pieces)) {
    // The copy is the one out of place when only one is; otherwise the one contained in the other.
    const flip = outOfPlaceNow.has(pair.container) && !outOfPlaceNow.has(pair.contained);
    const copy = flip ? pair.container : pair.contained;
    const original = flip ? pair.contained : pair.container;
    const score = flip ? pair.backward : pair.forward;
    // A copy that breaks off mid-sentence where its original goes on is a garbled fragment, not a
    // paragraph the break cut: joining it to the next block would print its text twice.
    const brokenOff = !bodyEndsSentence(copy.text) && bodyEndsSentence(original.text);
    const applied = score >= APPLY_PARTIAL || ((outOfPlaceNow.has(copy) || brokenOff) && score >= APPLY_STRANDED);
    const reason = `Partial copy: ${Math.round(score * 100)}% of its text appears in the paragraph at offset ${original.start}`;
    if (score >= PROPOSE_PARTIAL) remove(copy, 'dedupe.partial', reason, applied ? 0.9 : 0.6, applied);
  }

  // Out of place and made of text printed elsewhere, though no one paragraph holds it: a copy
  // spanning a column break (the end of one half and the other half) or spliced from two.
  const outOfPlaceLast = outOfPlace(pieces);
  const suspects = [...outOfPlaceLast].filter((piece) => piece.role === 'paragraph' && !piece.removed && compact(piece.text).length >= MIN_PARTIAL);
  // A few suspects against the page: searching the joined text beats indexing every shingle;
  // many (a long input), an index keeps it linear.
  const inPlaceText = suspects.length
    ? pieces
        .filter((piece) => piece.role === 'paragraph' && !piece.removed && !outOfPlaceLast.has(piece))
        .map((piece) => compact(piece.text))
        .join('\n')
    : '';
  const index = suspects.length > FEW_SUSPECTS ? shingleSet(inPlaceText) : null;
  const printedInPlace = (shingle: string) => (index ? index.has(shingle) : inPlaceText.includes(shingle));
  for (const piece of suspects) {
    const text = compact(piece.text);
    const shingles = shingleSet(text);
    let found = 0;
    for (const shingle of shingles) if (printedInPlace(shingle)) found++;
    const share = found / shingles.size;
    if (share >= APPLY_PARTIAL) remove(piece, 'dedupe.partial', `Partial copy: ${Math.round(share * 100)}% of its text is printed in the paragraphs around a break elsewhere on the page`, 0.85);
  }

  garbledNeighbours(pieces).forEach(({ copy, original, share }) =>
    remove(copy, 'dedupe.partial', `Garbled copy: ${Math.round(share * 100)}% of its character pairs are in the paragraph printed right before it, at offset ${original.start}`, 0.85),
  );

  // Too short for shingles, but a copy that stops mid-sentence where another paragraph goes on.
  const paragraphs = pieces.filter((piece) => piece.role === 'paragraph' && !piece.removed);
  for (const piece of paragraphs) {
    const text = compact(piece.text);
    if (text.length < MIN_REPEAT || text.length >= MIN_PARTIAL || bodyEndsSentence(piece.text)) continue;
    const original = paragraphs.find((other) => other !== piece && !other.removed && compact(other.text).length > text.length && compact(other.text).startsWith(text));
    if (original) remove(piece, 'dedupe.partial', `Partial copy: the opening of the paragraph at offset ${original.start}, broken off`, 0.9);
  }

  return commit(view, removals);
}

const FEW_SUSPECTS = 4;

/**
 * Share of a block's character pairs found in the paragraph printed right before it above which
 * it is a garbled copy of that paragraph: misread characters break too many 4-character shingles,
 * but two neighbouring paragraphs of a report never share most of their pairs.
 */
const GARBLED_NEIGHBOUR = 0.7;

/** Paragraphs that repeat, garbled, most of the paragraph printed right before them (and are no longer than it). */
function garbledNeighbours(pieces: readonly Piece[]): { copy: Piece; original: Piece; share: number }[] {
  const found: { copy: Piece; original: Piece; share: number }[] = [];
  let previous: Piece | undefined;
  for (const piece of pieces) {
    if (piece.removed) continue;
    if (piece.role !== 'paragraph') {
      previous = undefined;
      continue;
    }
    const text = compact(piece.text);
    const before = previous && compact(previous.text);
    if (previous && before && text.length >= MIN_PARTIAL && text.length <= before.length) {
      const share = sharedPairs(text, before);
      if (share >= GARBLED_NEIGHBOUR) {
        found.push({ copy: piece, original: previous, share });
        continue;
      }
    }
    previous = piece;
  }
  return found;
}

/** Share of `text`'s two-character substrings that occur in `other`. */
function sharedPairs(text: string, other: string): number {
  const pairs = new Set<string>();
  for (let i = 0; i + 2 <= text.length; i++) pairs.add(text.slice(i, i + 2));
  let common = 0;
  for (const pair of pairs) if (other.includes(pair)) common++;
  return common / pairs.size;
}

/** The 4-character substrings of a text (a line break never inside one). */
function shingleSet(text: string): Set<string> {
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= text.length; i++) {
    const shingle = text.slice(i, i + SHINGLE);
    if (!shingle.includes('\n')) shingles.add(shingle);
  }
  return shingles;
}

/** The first of `group` with the most `size`. */
function fullest(group: readonly Piece[], size: (piece: Piece) => number): Piece {
  return group.reduce((best, piece) => (size(piece) > size(best) ? piece : best));
}

/**
 * How much body text a headline stands over, up to the next title or credit: of a headline printed
 * twice (an article printed again in part, before or after itself), the one over the whole
 * article is the article's.
 */
function bodyUnder(pieces: readonly Piece[], index: number): number {
  let length = 0;
  for (let i = index + 1; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.role === 'byline' || (isTitleRole(piece.role) && i > index + 1)) break;
    if (piece.role === 'paragraph') length += compact(piece.text).length;
  }
  return length;
}

/**
 * Body blocks where no article has them: after an article's byline, or above the page's first
 * headline (an article printed again in part before itself lands there).
 */
function outOfPlace(pieces: readonly Piece[]): Set<Piece> {
  const result = strandedBlocks(pieces);
  for (const piece of pieces) {
    if (isTitleRole(piece.role)) break;
    if (piece.role === 'paragraph') result.add(piece);
  }
  return result;
}

function exactGroups(pieces: readonly Piece[]): Piece[][] {
  const groups = new Map<string, Piece[]>();
  for (const piece of pieces) {
    const repeatable =
      (piece.role === 'paragraph' && compact(piece.text).length >= MIN_REPEAT) ||
      piece.role === 'headline' ||
      piece.role === 'caption' ||
      piece.furniture === 'promo';
    if (!repeatable) continue;
    const key = `${piece.role}:${compact(piece.text)}`;
    const group = groups.get(key);
    if (group) group.push(piece);
    else groups.set(key, [piece]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

interface SimilarPair {
  contained: Piece;
  container: Piece;
  /** Share of `contained`'s shingles found in `container`, and the other way round. */
  forward: number;
  backward: number;
}

/**
 * Paragraphs most of whose text is found inside one other, longer paragraph. Candidates come
 * from an index of sampled shingles (those whose hash ends in two zero bits: the same shingle
 * is sampled in every text, whatever its position), so the work stays linear in the page size;
 * the share is then measured on all shingles of the one best candidate.
 */
function similarParagraphs(pieces: readonly Piece[]): SimilarPair[] {
  const paragraphs = pieces.filter((piece) => piece.role === 'paragraph' && !piece.removed);
  const texts = paragraphs.map((piece) => compact(piece.text));
  const postings = new Map<number, number[] | null>();
  const samples = texts.map((text, index) => {
    const own = shingleHashes(text, SAMPLE_MASK);
    for (const shingle of own) {
      const list = postings.get(shingle);
      if (list === null) continue;
      if (!list) postings.set(shingle, [index]);
      else if (list.length >= MAX_POSTINGS) postings.set(shingle, null);
      else list.push(index);
    }
    return own;
  });

  const found: SimilarPair[] = [];
  const taken = new Set<number>();
  paragraphs.forEach((piece, index) => {
    const length = texts[index].length;
    if (length < MIN_PARTIAL || samples[index].size === 0) return;
    const shared = new Map<number, number>();
    for (const shingle of samples[index]) {
      const list = postings.get(shingle);
      if (list) for (const other of list) if (other !== index) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    let best = -1;
    let bestCount = 0;
    for (const [other, count] of shared) {
      // Of two copies of one length, the later one is the copy.
      const shorter = texts[other].length < length || (texts[other].length === length && other > index);
      if (count <= bestCount || taken.has(other) || shorter) continue;
      best = other;
      bestCount = count;
    }
    if (best === -1 || bestCount < samples[index].size * PROPOSE_PARTIAL * 0.5 || texts[index] === texts[best]) return;
    const own = shingleHashes(texts[index], 0);
    const theirs = shingleHashes(texts[best], 0);
    let common = 0;
    for (const shingle of own) if (theirs.has(shingle)) common++;
    const forward = common / own.size;
    if (forward < PROPOSE_PARTIAL) return;
    taken.add(index);
    found.push({ contained: piece, container: paragraphs[best], forward, backward: common / theirs.size });
  });
  return found;
}

/**
 * The 4-character shingles of a text as 32-bit FNV-1a hashes (numbers hash and compare far
 * faster than strings; a rare collision only adds weak evidence), keeping those whose hash has
 * no bit of `mask` set.
 */
function shingleHashes(text: string, mask: number): Set<number> {
  const own = new Set<number>();
  for (let i = 0; i + SHINGLE <= text.length; i++) {
    let hash = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    // 30 bits: small integers are stored unboxed, which keeps the sets and maps fast.
    if ((hash & mask) === 0) own.add(hash >>> 2);
  }
  return own;
}
