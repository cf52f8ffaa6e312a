import type { Edit } from '../model/analysis';
import type { Decision, Judge } from './decide/model';
import { breaksOffWhereOriginalEnds, fittedRepeat, type RepeatContext } from './decide/repeat';
import { endsInCut } from './decide/evidence';
import { commit, isTitleRole, makeEdit, strandedBlocks, type PageView, type Piece } from './draft';
import { bodyEndsSentence, isLead } from './cues';
import { compact, sharedPairs } from './text';

/** Paragraphs shorter than this may repeat legitimately (`会议要求。`); they are left alone. */
const MIN_REPEAT = 12;
/** A partial copy must be at least this long to be judged on its shingles. */
const MIN_PARTIAL = 16;
/** Share of a block's 4-character shingles found in another block from which it is put to the repeat decision. */
const MIN_PARTIAL_SHARE = 0.75;
/** Share of an out-of-place block's shingles printed in place from which it is put to the decision as a copy across a break. */
const ACROSS_BREAK_SHARE = 0.9;
/** A shingle shared by more blocks than this is boilerplate, not evidence of a copy. */
const MAX_POSTINGS = 8;
const SHINGLE = 4;
/** One shingle in four is indexed. */
const SAMPLE_MASK = 3;

/**
 * Removes text printed more than once: exact repeats of a paragraph, headline, caption or promo,
 * garbled partial copies of a paragraph, and the credits of a repeated run. The searches below
 * find candidate copies, each with the block it copies; whether a candidate is a copy is the
 * scored repeat decision (decide/repeat.ts): applied, proposed or left by its probability, with
 * its strongest features as the reason. Of an exact group the one the decision finds least like
 * a copy is kept. A block holding a run of text printed nowhere else on the page is never removed
 * (see `ownText`). Removal is an edit replacing the copy with nothing.
 */
export function dedupe(view: PageView, judge: Judge<RepeatContext> = fittedRepeat): PageView {
  const { raw } = view;
  // Marked removed as the copies are found, so that each step sees what the earlier ones took out.
  const pieces = view.pieces.map((piece) => ({ ...piece }));
  const position = new Map(pieces.map((piece, i) => [piece, i]));
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
  const contextOf = (found: Candidate, placed: ReadonlySet<Piece>): RepeatContext => {
    const headline = (piece: Piece) => (piece.role === 'headline' ? bodyUnder(pieces, position.get(piece) ?? 0) : 0);
    const credited = (piece: Piece) => piece.role === 'headline' && creditUnder(pieces, position.get(piece) ?? 0);
    return {
      pieces,
      at: position.get(found.copy) ?? 0,
      original: position.get(found.original) ?? 0,
      evidence: found.evidence,
      share: found.share,
      outOfPlace: placed.has(found.copy),
      originalOutOfPlace: placed.has(found.original),
      // A copy across a break is spliced from paragraphs the search does not name: not aligned.
      uniqueRun:
        found.evidence === 'exact' || found.evidence === 'across-break'
          ? 0
          : ownRun(compact(found.copy.text), compact(found.original.text)),
      bodyUnder: headline(found.copy),
      originalBodyUnder: headline(found.original),
      creditUnder: credited(found.copy),
      originalCreditUnder: credited(found.original),
    };
  };
  const act = (found: Candidate, context: RepeatContext, decision: Decision) => {
    if (decision.verdict === 'reject' || context.uniqueRun >= OWN_TEXT || tailOfCut(context)) return;
    remove(
      found.copy,
      found.rule,
      `${found.reason} (${decision.reasons.join(' ')})`,
      decision.p,
      decision.verdict === 'apply',
    );
  };
  const consider = (found: Candidate, placed: ReadonlySet<Piece>) => {
    const context = contextOf(found, placed);
    act(found, context, judge(context));
  };
  /** Of blocks printing the same text one is kept (see `keeperOf`); each other one is judged a copy of it. */
  const settle = (group: readonly Piece[], keeper: Piece, placed: ReadonlySet<Piece>) => {
    for (const copy of group) {
      if (copy !== keeper)
        consider(
          {
            copy,
            original: keeper,
            evidence: 'exact',
            share: 1,
            rule: 'dedupe.exact',
            reason: `Printed again: same text as the block at offset ${keeper.start}`,
          },
          placed,
        );
    }
  };
  // Headlines first: which copy of a repeated article is the article decides what is out of place.
  // Of a repeated headline the one over the most text is kept, then the one its credit closes (a
  // copy of an article printed in part lacks it); of other blocks the first one in place.
  const groups = exactGroups(pieces);
  const outOfPlaceFirst = outOfPlace(pieces);
  const weight = (piece: Piece) =>
    2 * bodyUnder(pieces, position.get(piece) ?? 0) + (creditUnder(pieces, position.get(piece) ?? 0) ? 1 : 0);
  for (const group of groups.filter((g) => g[0].role === 'headline'))
    settle(group, fullest(group, weight), outOfPlaceFirst);
  const outOfPlaceBefore = outOfPlace(pieces);
  for (const group of groups.filter((g) => g[0].role !== 'headline'))
    settle(group, group.find((piece) => !outOfPlaceBefore.has(piece)) ?? group[0], outOfPlaceBefore);
  const lastCredit = new Map<string, Piece>();
  for (const piece of pieces) if (piece.role === 'byline' && !piece.removed) lastCredit.set(piece.text, piece);
  pieces.forEach((piece, i) => {
    if (piece.role !== 'byline' || piece.removed || i === 0 || !pieces[i - 1].removed) return;
    const twin = lastCredit.get(piece.text);
    if (twin && twin !== piece)
      remove(piece, 'dedupe.exact', `Credit of a repeated run; the same credit stands at offset ${twin.start}`, 0.9);
  });
  const outOfPlaceNow = outOfPlace(pieces);
  for (const pair of similarParagraphs(pieces)) {
    // The copy is the one out of place when only one is; otherwise the one contained in the other.
    const flip = outOfPlaceNow.has(pair.container) && !outOfPlaceNow.has(pair.contained);
    const copy = flip ? pair.container : pair.contained;
    const original = flip ? pair.contained : pair.container;
    const share = flip ? pair.backward : pair.forward;
    const reason = `Partial copy: ${Math.round(share * 100)}% of its text appears in the paragraph at offset ${original.start}`;
    if (share >= MIN_PARTIAL_SHARE)
      consider({ copy, original, evidence: 'contained', share, rule: 'dedupe.partial', reason }, outOfPlaceNow);
  }

  // Out of place and made of text printed elsewhere, though no one paragraph holds it: a copy
  // spanning a column break (the end of one half and the other half) or spliced from two.
  const outOfPlaceLast = outOfPlace(pieces);
  const suspects = [...outOfPlaceLast].filter(
    (piece) => piece.role === 'paragraph' && !piece.removed && compact(piece.text).length >= MIN_PARTIAL,
  );
  const inPlace = pieces.filter((piece) => piece.role === 'paragraph' && !piece.removed && !outOfPlaceLast.has(piece));
  // A few suspects against the page: searching the joined text beats indexing every shingle;
  // many (a long input), an index keeps it linear.
  const inPlaceText = suspects.length ? inPlace.map((piece) => compact(piece.text)).join('\n') : '';
  const index = suspects.length > FEW_SUSPECTS ? shingleSet(inPlaceText) : null;
  const printedInPlace = (shingle: string) => (index ? index.has(shingle) : inPlaceText.includes(shingle));
  for (const piece of suspects) {
    const text = compact(piece.text);
    const shingles = shingleSet(text);
    let found = 0;
    for (const shingle of shingles) if (printedInPlace(shingle)) found++;
    const share = found / shingles.size;
    const original = nearestBefore(inPlace, piece);
    const reason = `Partial copy: ${Math.round(share * 100)}% of its text is printed in the paragraphs around a break elsewhere on the page`;
    if (share >= ACROSS_BREAK_SHARE && original)
      consider(
        { copy: piece, original, evidence: 'across-break', share, rule: 'dedupe.partial', reason },
        outOfPlaceLast,
      );
  }

  const placedBeside = outOfPlace(pieces);
  for (const { copy, original, share } of garbledNeighbours(pieces)) {
    const reason = `Garbled copy: ${Math.round(share * 100)}% of its character pairs are in the paragraph printed right before it, at offset ${original.start}`;
    consider({ copy, original, evidence: 'garbled-neighbour', share, rule: 'dedupe.partial', reason }, placedBeside);
  }

  // Too short for shingles, but a copy that stops mid-sentence where another paragraph goes on.
  const paragraphs = pieces.filter((piece) => piece.role === 'paragraph' && !piece.removed);
  const placedAtLast = outOfPlace(pieces);
  for (const piece of paragraphs) {
    const text = compact(piece.text);
    if (text.length < MIN_REPEAT || text.length >= MIN_PARTIAL || bodyEndsSentence(piece.text)) continue;
    const original = paragraphs.find(
      (other) =>
        other !== piece &&
        !other.removed &&
        compact(other.text).length > text.length &&
        compact(other.text).startsWith(text),
    );
    const reason = `Partial copy: the opening of the paragraph at offset ${original?.start}, broken off`;
    if (original)
      consider(
        {
          copy: piece,
          original,
          evidence: 'opening',
          share: text.length / compact(original.text).length,
          rule: 'dedupe.partial',
          reason,
        },
        placedAtLast,
      );
  }

  return commit(view, removals);
}

/**
 * The candidate follows a paragraph that a break cut mid-sentence, is not that paragraph's own
 * copy and does not itself break off where its original goes on: it is the rest of the
 * sentence, which the join reads on from there (`…推动习近平` | `总书记重要指示精神在科协系统落地生根。`).
 * Joined, its text is printed nowhere else, however much of its wording the page repeats; it is
 * never removed.
 */
function tailOfCut(c: RepeatContext): boolean {
  // A report's lead (`本报讯…`) opens a text; it is never the rest of another's sentence.
  if (breaksOffWhereOriginalEnds(c) || isLead(c.pieces[c.at].text)) return false;
  let at = c.at - 1;
  while (at >= 0 && (c.pieces[at].removed || c.pieces[at].role === 'furniture')) at--;
  return at >= 0 && at !== c.original && endsInCut(c.pieces[at]);
}

/** A candidate copy, the block whose text it copies, and how the search found it. */
interface Candidate {
  copy: Piece;
  original: Piece;
  evidence: RepeatContext['evidence'];
  share: number;
  rule: string;
  reason: string;
}

/**
 * Characters in a row of a candidate that its original does not print (see `ownRun`): from this
 * many, the words are the block's own (the tail of a paragraph a break cut, `总书记重要指示…`,
 * beside an original that prints `总书记来川视察重要指示…`) and removing it would lose them.
 */
const OWN_TEXT = 3;
/** What one of the copy's characters left unmatched costs the alignment, against 1 for one of the original's left out. */
const OWN_COST = 4;

/** The last of `candidates` printed before `piece` (or the first one): what a copy across a break copies. */
function nearestBefore(candidates: readonly Piece[], piece: Piece): Piece | undefined {
  let found: Piece | undefined;
  for (const candidate of candidates) if (candidate.start < piece.start) found = candidate;
  return found ?? candidates[0];
}

const FEW_SUSPECTS = 4;

/**
 * Share of a block's character pairs found in the paragraph printed right before it above which
 * it is a garbled copy of that paragraph: misread characters break too many 4-character shingles,
 * but two neighbouring paragraphs of a report never share most of their pairs.
 */
const GARBLED_NEIGHBOUR = 0.7;
const SHORT_GARBLED_NEIGHBOUR = 0.85;

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
    // A copy too short for shingles is asked about when it breaks off mid-sentence and repeats nearly all its pairs.
    const short = text.length < MIN_PARTIAL;
    if (
      previous &&
      before &&
      text.length >= (short && !bodyEndsSentence(piece.text) ? MIN_REPEAT : MIN_PARTIAL) &&
      text.length <= before.length
    ) {
      const share = sharedPairs(text, before);
      if (share >= (short ? SHORT_GARBLED_NEIGHBOUR : GARBLED_NEIGHBOUR)) {
        found.push({ copy: piece, original: previous, share });
        continue;
      }
    }
    previous = piece;
  }
  return found;
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

/**
 * The longest run of the copy's text that its original does not print: the copy aligned with the best-matching stretch of that text,
 * the longest run of its characters misread or added in a row (what the copy leaves out of the
 * original is no text of its own). A garbled copy misreads one character at a time; a run of
 * `OWN_TEXT` is wording of its own.
 */
export function ownRun(copy: string, text: string): number {
  const n = copy.length;
  const m = text.length;
  if (n === 0) return 0;
  // Semi-global alignment: the copy whole, the original from anywhere to anywhere. A copy's
  // character unmatched costs OWN_COST, one of the original's left out less: a copy that leaves
  // out a clause is aligned across the gap, not misread character by character beside it.
  const cost = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = 1; i <= n; i++) cost[at(i, 0)] = i * OWN_COST;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const diagonal = cost[at(i - 1, j - 1)] + (copy[i - 1] === text[j - 1] ? 0 : OWN_COST);
      cost[at(i, j)] = Math.min(diagonal, cost[at(i - 1, j)] + OWN_COST, cost[at(i, j - 1)] + 1);
    }
  }
  let j = 0;
  for (let k = 1; k <= m; k++) if (cost[at(n, k)] < cost[at(n, j)]) j = k;
  let i = n;
  let run = 0;
  let longest = 0;
  while (i > 0) {
    const here = cost[at(i, j)];
    const same = j > 0 && copy[i - 1] === text[j - 1];
    if (j > 0 && here === cost[at(i - 1, j - 1)] + (same ? 0 : OWN_COST)) {
      run = same ? 0 : run + 1;
      i--;
      j--;
    } else if (here === cost[at(i - 1, j)] + OWN_COST) {
      run++;
      i--;
    } else {
      j--;
    }
    longest = Math.max(longest, run);
  }
  return longest;
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

/** Whether a credit closes the text under a headline before the next title: a copy of an article printed in part often lacks it. */
function creditUnder(pieces: readonly Piece[], index: number): boolean {
  for (let i = index + 1; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.removed) continue;
    if (piece.role === 'byline') return true;
    if (isTitleRole(piece.role) && i > index + 1) return false;
  }
  return false;
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
    if (best === -1 || bestCount < samples[index].size * MIN_PARTIAL_SHARE * 0.5 || texts[index] === texts[best])
      return;
    const own = shingleHashes(texts[index], 0);
    const theirs = shingleHashes(texts[best], 0);
    let common = 0;
    for (const shingle of own) if (theirs.has(shingle)) common++;
    const forward = common / own.size;
    if (forward < MIN_PARTIAL_SHARE) return;
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
