/**
 * A large, deterministic corpus for the benchmarks, made from the seed pages' own text: blocks are
 * shuffled across seeds and roughened with the kinds of noise a real archive carries (doubled
 * characters, repeated paragraphs, markup residue, column breaks, stray Latin words, CRLF, BOM).
 * The same seed number always yields the same bytes, so runs are comparable.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../test/sim/random';

export interface CorpusOptions {
  pages: number;
  /** PRNG seed; the same value gives the same corpus. */
  seed: number;
  /** The seed pages' text, the only source of content. */
  sources: readonly string[];
}

export interface CorpusPage {
  name: string;
  bytes: Uint8Array;
}

/** The simulator's seeded generator (mulberry32): floats in [0, 1), the same for the same seed. */
export function prng(seed: number): () => number {
  return mulberry32(seed).next;
}

/** Blocks are what the seeds separate with blank lines: headlines, paragraphs, bylines, furniture. */
export function sourceBlocks(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
}

const LATIN_INTRUDERS = ['and', 'the', 'of', 'in', 'to'];
const CJK = /[\u4e00-\u9fff]/;

/** Real pages run from about 9 to 17 KB of UTF-8; aim for the same spread (in UTF-16 units). */
const MIN_PAGE_CHARS = 2800;
const MAX_PAGE_CHARS = 5800;

/**
 * The name of the corpus's `n`th page (from 1), without `.txt`: five digits at least, so the
 * 100,000th is `bench-100000`. A name with its `.txt` is no other page's prefix, so searching for
 * it lists that page alone; without it, `bench-10000` also finds `bench-100000`.
 */
export function corpusPageName(n: number): string {
  return `bench-${String(n).padStart(5, '0')}`;
}

export function* generateCorpus(options: CorpusOptions): Generator<CorpusPage> {
  const random = prng(options.seed);
  const pick = (n: number) => Math.floor(random() * n);
  const seeds = options.sources.map(sourceBlocks).filter((blocks) => blocks.length > 0);
  if (seeds.length === 0) throw new Error('generateCorpus: the sources hold no text');
  const encoder = new TextEncoder();

  for (let index = 0; index < options.pages; index++) {
    const target = MIN_PAGE_CHARS + pick(MAX_PAGE_CHARS - MIN_PAGE_CHARS);
    // A page number in the masthead keeps every page's bytes, hence its content hash, distinct.
    const blocks = [`四川科技报 第${index + 1}期`];
    let length = blocks[0].length;
    while (length < target) {
      // Runs of consecutive blocks keep articles recognisable; runs from several seeds mix them.
      const seed = seeds[pick(seeds.length)];
      const start = pick(seed.length);
      const run = seed.slice(start, start + 2 + pick(6));
      for (const block of run) {
        const noisy = roughen(block, random);
        blocks.push(...noisy);
        length += noisy.reduce((sum, b) => sum + b.length + 2, 0);
      }
    }
    const newline = random() < 0.1 ? '\r\n' : '\n';
    const text = blocks.join(newline + newline) + newline;
    const body = encoder.encode(text);
    const bytes = random() < 0.05 ? withBom(body) : body;
    yield { name: `${corpusPageName(index + 1)}.txt`, bytes };
  }
}

/** One source block → one or more noisy blocks. */
export function roughen(block: string, random: () => number): string[] {
  let text = block;
  if (random() < 0.08) text = doubleOneChar(text, random);
  if (random() < 0.02) text = insertLatin(text, random);
  if (text.length < 40 && random() < 0.15) text = `${['#', '##', '###', '-'][Math.floor(random() * 4)]} ${text}`;
  if (random() < 0.05) text += '  ';
  const parts = text.length > 60 && random() < 0.1 ? columnBreak(text, random) : [text];
  if (random() < 0.03) parts.push(...parts);
  return parts;
}

function cjkPositions(text: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) if (CJK.test(text[i])) positions.push(i);
  return positions;
}

function doubleOneChar(text: string, random: () => number): string {
  const positions = cjkPositions(text);
  if (positions.length === 0) return text;
  const at = positions[Math.floor(random() * positions.length)];
  return text.slice(0, at + 1) + text[at] + text.slice(at + 1);
}

function insertLatin(text: string, random: () => number): string {
  const positions = cjkPositions(text);
  if (positions.length < 2) return text;
  const at = positions[Math.floor(random() * positions.length)];
  const word = LATIN_INTRUDERS[Math.floor(random() * LATIN_INTRUDERS.length)];
  return `${text.slice(0, at)} ${word} ${text.slice(at)}`;
}

/** Cuts a paragraph where a column ended; half the time the cut character is printed twice. */
function columnBreak(text: string, random: () => number): string[] {
  const at = 20 + Math.floor(random() * (text.length - 40));
  const tail = random() < 0.5 ? text[at - 1] + text.slice(at) : text.slice(at);
  return [text.slice(0, at), tail];
}

function withBom(body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

const SEEDS_DIR = join(import.meta.dirname, '..', 'seeds');

/**
 * The corpus as files on disk, as a user would pick them, in name order; written once into the
 * system temp folder and reused by every run with the same size and seed.
 */
export function corpusFiles(pages: number, seed: number): string[] {
  const dir = join(tmpdir(), `galley-bench-${pages}-${seed}`);
  if (!existsSync(join(dir, '.complete'))) {
    mkdirSync(dir, { recursive: true });
    const sources = readdirSync(SEEDS_DIR)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(join(SEEDS_DIR, name), 'utf8'));
    for (const page of generateCorpus({ pages, seed, sources })) writeFileSync(join(dir, page.name), page.bytes);
    writeFileSync(join(dir, '.complete'), '');
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(dir, name))
    .sort();
}
