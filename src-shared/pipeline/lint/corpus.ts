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
 * Name variants across pages: a place name spelled with a look-alike character on one page and
 * the other way elsewhere (荣经县 / 荥经县). Variants on the same page are the page check's job.
 */
function findCorpusNameVariants(
  pages: readonly CorpusPage[],
  tokensOf: readonly NameToken[][],
  out: Finding[][],
): void {
  const total = new Map<string, number>();
  for (const tokens of tokensOf) for (const token of tokens) total.set(token.key, (total.get(token.key) ?? 0) + 1);
  const count = (key: string) => total.get(key) ?? 0;
  pages.forEach((_, p) => {
    const tokens = tokensOf[p];
    const local = new Set(tokens.map((token) => token.key));
    const flagged = new Set<number>();
    for (const token of tokens) {
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

interface Fingerprint {
  page: number;
  chunk: Chunk;
  samples: number[];
}

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

/**
 * Which pages hold a sample: the first page in one map, later ones (up to the boilerplate limit)
 * in another, so the common case of a sample seen once costs one map entry.
 */
class Postings {
  private readonly first = new Map<number, number>();
  private readonly more = new Map<number, number[]>();

  add(sample: number, page: number): void {
    const first = this.first.get(sample);
    if (first === undefined) return void this.first.set(sample, page);
    if (first === page) return;
    const more = this.more.get(sample);
    if (!more) this.more.set(sample, [page]);
    else if (more.length < MAX_POSTINGS && more[more.length - 1] !== page) more.push(page);
  }

  /** Pages holding the sample, or null when it is boilerplate (on more than MAX_POSTINGS pages). */
  pages(sample: number): readonly number[] | null {
    const first = this.first.get(sample);
    if (first === undefined) return [];
    const more = this.more.get(sample);
    if (!more) return [first];
    return more.length >= MAX_POSTINGS ? null : [first, ...more];
  }
}

/** The same paragraph printed on two pages: each copy is flagged, naming the other page. */
function findRepeatedParagraphs(pages: readonly CorpusPage[], out: Finding[][]): void {
  const prints: Fingerprint[] = [];
  const postings = new Postings();
  const window = new Int32Array(SHINGLE);
  pages.forEach((page, p) => {
    for (const chunk of page.chunks) {
      if (chunk.role !== 'paragraph') continue;
      const samples = fingerprint(page.raw, chunk, window);
      if (samples.length < 3) continue;
      prints.push({ page: p, chunk, samples });
      for (const sample of samples) postings.add(sample, p);
    }
  });
  for (const print of prints) {
    const shared = new Map<number, number>();
    for (const sample of print.samples) {
      for (const other of postings.pages(sample) ?? []) {
        if (other !== print.page) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    let bestPage = -1;
    let bestShare = 0;
    for (const [other, hits] of shared) {
      const share = hits / print.samples.length;
      if (share > bestShare) [bestPage, bestShare] = [other, share];
    }
    if (bestShare < REPEAT_SHARE) continue;
    out[print.page].push({
      kind: 'repeated-elsewhere',
      rule: 'corpus.repeated',
      start: print.chunk.start,
      end: print.chunk.end,
      message: `This paragraph is also printed on page ${pages[bestPage].id} (${Math.round(Math.min(1, bestShare) * 100)}% of it matches).`,
      suggestion: null,
      confidence: Math.min(0.95, bestShare),
    });
  }
}

/**
 * Checks that need every page of the batch at once. Index-based (name tokens, sampled shingles),
 * so the cost grows with the batch's size, not with the number of page pairs.
 */
export function lintCorpus(pages: CorpusPage[]): Map<string, Flag[]> {
  const findings: Finding[][] = pages.map(() => []);
  const tokensOf = pages.map((page) => nameTokens(page.raw, bodyChunks(page.chunks)));
  findCorpusNameVariants(pages, tokensOf, findings);
  findRepeatedParagraphs(pages, findings);
  const result = new Map<string, Flag[]>();
  pages.forEach((page, p) => {
    const flags = findings[p].sort((a, b) => a.start - b.start).map((finding) => toFlag(page.raw, finding));
    result.set(page.id, [...(result.get(page.id) ?? []), ...flags]);
  });
  return result;
}
