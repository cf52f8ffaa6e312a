import type { Chunk, Flag } from '../../model/analysis';
import { isHanCode } from '../../text';
import { bodyChunks, toFlag, type Finding } from './findings';
import { betterVariant, nameTokens, variantConfidence, type NameToken } from './names';

export interface CorpusPage {
  id: string;
  raw: string;
  chunks: Chunk[];
}

/**
 * What the corpus checks read of one page, taken while the page is at hand: its name tokens that
 * hold a look-alike character and its long paragraphs' sampled shingle hashes. A few KB in typed
 * arrays, so a run over many pages can keep every page's digest and let the pages themselves go.
 */
export interface CorpusDigest {
  id: string;
  names: NameToken[];
  /** Each long paragraph as three numbers: its raw start and end, and where its samples end in `samples`. */
  paragraphs: Uint32Array;
  samples: Uint32Array;
}

/** A paragraph of a digest, its samples a view into the digest's. */
interface ParagraphPrint {
  start: number;
  end: number;
  samples: Uint32Array;
}

function* paragraphPrints({ paragraphs, samples }: CorpusDigest): Generator<ParagraphPrint> {
  let from = 0;
  for (let i = 0; i < paragraphs.length; i += 3) {
    yield { start: paragraphs[i], end: paragraphs[i + 1], samples: samples.subarray(from, paragraphs[i + 2]) };
    from = paragraphs[i + 2];
  }
}

/**
 * Name variants across pages: a place name spelled with a look-alike character on one page and
 * the other way elsewhere (荣经县 / 荥经县). Variants on the same page are the page check's job.
 */
function findCorpusNameVariants(digests: readonly CorpusDigest[], out: Finding[][]): void {
  const total = new Map<string, number>();
  for (const { names } of digests) for (const token of names) total.set(token.key, (total.get(token.key) ?? 0) + 1);
  const count = (key: string) => total.get(key) ?? 0;
  digests.forEach(({ names }, p) => {
    const local = new Set(names.map((token) => token.key));
    const flagged = new Set<number>();
    for (const token of names) {
      const judgement = betterVariant(token.key, count);
      if (!judgement || local.has(judgement.variant) || flagged.has(token.start + judgement.offset)) continue;
      flagged.add(token.start + judgement.offset);
      out[p].push({
        kind: 'name-variant',
        rule: 'corpus.name-variant',
        start: token.start,
        end: token.end,
        message: `“${token.key}” (${count(token.key)}× in the batch) differs from “${judgement.variant}” (${count(judgement.variant)}× on other pages) by one look-alike character.`,
        suggestion: judgement.variant,
        confidence: variantConfidence(judgement.score),
      });
    }
  });
}

/** Shingle length in Han characters and the sampling mask: about one shingle in eight is kept. */
const SHINGLE = 12;
const SAMPLE_MASK = 7;
/** Paragraphs shorter than this (in Han characters) are formulae, not evidence of a repeat. */
const MIN_PARAGRAPH = 40;
/** A shingle seen on more pages than this is boilerplate (a slogan, a standard phrase). */
const MAX_POSTINGS = 4;
/** Share of a paragraph's sampled shingles that one other page must hold. */
const REPEAT_SHARE = 0.6;

const BASE = 0x01000193;
/** BASE^SHINGLE mod 2^32: what the character leaving the window contributed. */
const BASE_POW = Array.from({ length: SHINGLE }).reduce<number>((power) => Math.imul(power, BASE), 1);

/** Spreads a rolling hash's bits so that sampling by its low bits is fair. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Sampled shingle hashes of a paragraph's Han characters (punctuation and spaces are ignored, so
 * OCR spacing does not hide a copy). A rolling hash keeps this linear; sampling by hash value keeps
 * the same shingles on both copies of a paragraph.
 */
function fingerprint(raw: string, chunk: Chunk, window: Int32Array): number[] {
  const samples: number[] = [];
  let hash = 0;
  let seen = 0;
  for (let i = chunk.start; i < chunk.end; i++) {
    const code = raw.charCodeAt(i);
    if (!isHanCode(code)) continue;
    const slot = seen % SHINGLE;
    hash = (Math.imul(hash, BASE) + code - (seen >= SHINGLE ? Math.imul(window[slot], BASE_POW) : 0)) | 0;
    window[slot] = code;
    seen++;
    if (seen >= SHINGLE) {
      const sample = mix(hash);
      if ((sample & SAMPLE_MASK) === 0) samples.push(sample);
    }
  }
  return seen >= MIN_PARAGRAPH ? samples : [];
}

/** Page numbers are packed below a sample's 32 bits in one exact double, so a batch holds at most this many. */
const PAGE_BITS = 21;
const PAGE_LIMIT = 2 ** PAGE_BITS;

/**
 * Which pages hold each sample, as sorted typed arrays: about 12 bytes a sample, where maps of
 * the samples took about 40, and the batch's samples are most of what the checks hold.
 */
class Postings {
  /** The distinct samples, ascending. */
  private readonly keys: Uint32Array;
  /** The pages of keys[i] are pageList[starts[i]] up to pageList[starts[i + 1]], ascending. */
  private readonly starts: Uint32Array;
  private readonly pageList: Uint32Array;

  constructor(digests: readonly CorpusDigest[]) {
    if (digests.length > PAGE_LIMIT) throw new RangeError(`the corpus checks take at most ${PAGE_LIMIT} pages at once`);
    const packed = new Float64Array(digests.reduce((sum, { samples }) => sum + samples.length, 0));
    let at = 0;
    digests.forEach(({ samples }, page) => {
      for (const sample of samples) packed[at++] = sample * PAGE_LIMIT + page;
    });
    packed.sort();
    const keys = new Uint32Array(packed.length);
    const starts = new Uint32Array(packed.length + 1);
    const pageList = new Uint32Array(packed.length);
    let distinct = 0;
    let listed = 0;
    let previous = -1;
    for (const value of packed) {
      const sample = Math.floor(value / PAGE_LIMIT);
      const page = value - sample * PAGE_LIMIT;
      if (distinct === 0 || keys[distinct - 1] !== sample) {
        keys[distinct] = sample;
        starts[distinct++] = listed;
      } else if (page === previous) continue;
      previous = page;
      // Past the boilerplate limit the pages no longer matter, only that there are that many.
      if (listed - starts[distinct - 1] <= MAX_POSTINGS) pageList[listed++] = page;
    }
    starts[distinct] = listed;
    this.keys = keys.slice(0, distinct);
    this.starts = starts.slice(0, distinct + 1);
    this.pageList = pageList.slice(0, listed);
  }

  /** Pages holding the sample, or null when it is boilerplate (on more than MAX_POSTINGS pages). */
  pages(sample: number): Uint32Array | null {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.keys[middle] < sample) low = middle + 1;
      else high = middle;
    }
    if (this.keys[low] !== sample) return this.pageList.subarray(0, 0);
    const from = this.starts[low];
    const to = this.starts[low + 1];
    return to - from > MAX_POSTINGS ? null : this.pageList.subarray(from, to);
  }
}

/** The same paragraph printed on two pages: each copy is flagged, naming the other page. */
function findRepeatedParagraphs(digests: readonly CorpusDigest[], out: Finding[][]): void {
  const postings = new Postings(digests);
  digests.forEach((digest, p) => {
    for (const print of paragraphPrints(digest)) {
      const shared = new Map<number, number>();
      for (const sample of print.samples) {
        for (const other of postings.pages(sample) ?? []) {
          if (other !== p) shared.set(other, (shared.get(other) ?? 0) + 1);
        }
      }
      let bestPage = -1;
      let bestShare = 0;
      for (const [other, hits] of shared) {
        const share = hits / print.samples.length;
        if (share > bestShare) [bestPage, bestShare] = [other, share];
      }
      if (bestShare < REPEAT_SHARE) continue;
      out[p].push({
        kind: 'repeated-elsewhere',
        rule: 'corpus.repeated',
        start: print.start,
        end: print.end,
        message: `This paragraph is also printed on page ${digests[bestPage].id} (${Math.round(Math.min(1, bestShare) * 100)}% of it matches).`,
        suggestion: null,
        confidence: Math.min(0.95, bestShare),
      });
    }
  });
}

/** The page's digest for the corpus checks (see `CorpusDigest`). */
export function corpusDigest(page: CorpusPage): CorpusDigest {
  const window = new Int32Array(SHINGLE);
  const paragraphs: number[] = [];
  const samples: number[] = [];
  for (const chunk of page.chunks) {
    if (chunk.role !== 'paragraph') continue;
    const own = fingerprint(page.raw, chunk, window);
    if (own.length < 3) continue;
    samples.push(...own);
    paragraphs.push(chunk.start, chunk.end, samples.length);
  }
  return {
    id: page.id,
    names: nameTokens(page.raw, bodyChunks(page.chunks)),
    paragraphs: Uint32Array.from(paragraphs),
    samples: Uint32Array.from(samples),
  };
}

/**
 * The corpus checks' findings for each digest, in their order, each page's sorted by offset.
 * Index-based (name tokens, sampled shingles), so the cost grows with the batch's size, not with
 * the number of page pairs.
 */
export function corpusFindings(digests: readonly CorpusDigest[]): Finding[][] {
  const findings: Finding[][] = digests.map(() => []);
  findCorpusNameVariants(digests, findings);
  findRepeatedParagraphs(digests, findings);
  for (const list of findings) list.sort((a, b) => a.start - b.start);
  return findings;
}

/** A page's corpus findings as flags on its raw text. */
export function corpusFindingFlags(raw: string, findings: readonly Finding[]): Flag[] {
  return findings.map((finding) => toFlag(raw, finding));
}

/** Checks that need every page of the batch at once, over pages held in memory (the app's library). */
export function lintCorpus(pages: CorpusPage[]): Map<string, Flag[]> {
  const findings = corpusFindings(pages.map(corpusDigest));
  const result = new Map<string, Flag[]>();
  pages.forEach((page, p) =>
    result.set(page.id, [...(result.get(page.id) ?? []), ...corpusFindingFlags(page.raw, findings[p])]),
  );
  return result;
}
