import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from 'fastest-levenshtein';
import { cleanPage, type PageResult, type ResultArticle } from '../../src-shared/pipeline';

/**
 * Measures the pipeline against pages a careful editor cleaned by hand (issue 3, "How quality
 * will be judged"). Each `<name>.raw.txt` in test/fixtures/eval has a `<name>.gold.json`.
 * Run: `npx tsx test/eval/evaluate.ts` (add `--verbose` for every mismatch, `--dir <folder>` for another
 * annotated folder such as test/fixtures/eval-blind).
 */

export interface GoldArticle {
  section: string | null;
  kicker: string | null;
  title: string;
  byline: string | null;
  captions: string[];
  blocks: { type: 'paragraph' | 'subhead'; text: string }[];
}

export interface GoldPage {
  /** Written for this evaluation, never seen while the rules were written (the seeds are not). */
  heldOut: boolean;
  articles: GoldArticle[];
  /** Furniture texts: none of them may appear inside an article. */
  furniture: string[];
}

export interface PageScore {
  name: string;
  heldOut: boolean;
  titles: Counts;
  boundaries: Counts;
  /** Edit distance of the articles' block text and the editor's length, whitespace ignored. */
  bodyErrors: number;
  /** The part of bodyErrors from whole articles: gold ones no clean title matched, clean ones matching no gold title. */
  unmatchedErrors: number;
  bodyLength: number;
  fields: Record<Field, { right: number; total: number }>;
  repeated: number;
  furnitureInArticles: number;
  mismatches: string[];
}

type Field = 'byline' | 'section' | 'kicker' | 'captions';
const FIELDS: Field[] = ['byline', 'section', 'kicker', 'captions'];

interface Counts {
  matched: number;
  predicted: number;
  gold: number;
}

const TITLE_SIMILARITY = 0.8;
/** A paragraph boundary is recognised by the first characters of the block that follows it. */
const BOUNDARY_KEY = 8;
const SHINGLE = 4;

export const flat = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, '');

export function similarity(a: string, b: string): number {
  const x = flat(a);
  const y = flat(b);
  if (!x && !y) return 1;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

export function scorePage(name: string, gold: GoldPage, result: PageResult): PageScore {
  const mismatches: string[] = [];
  const pairs = matchArticles(gold.articles, result.articles);
  const score: PageScore = {
    name,
    heldOut: gold.heldOut,
    titles: { matched: pairs.length, predicted: result.articles.length, gold: gold.articles.length },
    boundaries: { matched: 0, predicted: 0, gold: 0 },
    bodyErrors: 0,
    unmatchedErrors: 0,
    bodyLength: 0,
    fields: Object.fromEntries(FIELDS.map((field) => [field, { right: 0, total: 0 }])) as PageScore['fields'],
    repeated: repeatedBlocks(result),
    furnitureInArticles: furnitureInArticles(gold, result),
    mismatches,
  };

  const matchedGold = new Set(pairs.map(([g]) => g));
  const matchedPredicted = new Set(pairs.map(([, p]) => p));
  for (const article of gold.articles) {
    const text = bodyText(article);
    score.bodyLength += text.length;
    if (!matchedGold.has(article)) {
      score.bodyErrors += text.length;
      score.unmatchedErrors += text.length;
      score.boundaries.gold += article.blocks.length;
      mismatches.push(`missing article "${article.title}"`);
    }
  }
  for (const article of result.articles) {
    if (matchedPredicted.has(article)) continue;
    score.bodyErrors += bodyText(article).length;
    score.unmatchedErrors += bodyText(article).length;
    score.boundaries.predicted += article.blocks.length;
    mismatches.push(`extra article "${article.title}"`);
  }
  for (const [g, p] of pairs) {
    const errors = distance(bodyText(g), bodyText(p));
    score.bodyErrors += errors;
    if (errors) mismatches.push(`body of "${g.title}": ${errors} character edits`);
    const goldKeys = g.blocks.map(boundaryKey);
    const predictedKeys = p.blocks.map(boundaryKey);
    const hits = multisetIntersection(goldKeys, predictedKeys);
    score.boundaries.matched += hits;
    score.boundaries.gold += goldKeys.length;
    score.boundaries.predicted += predictedKeys.length;
    if (hits !== goldKeys.length || hits !== predictedKeys.length) {
      mismatches.push(
        `paragraphs of "${g.title}": ${goldKeys.length} expected, ${predictedKeys.length} found, ${hits} agree`,
      );
    }
    for (const field of FIELDS) {
      const expected = field === 'captions' ? g.captions.map(flat).sort().join('|') : flat(g[field]);
      const actual = field === 'captions' ? p.captions.map(flat).sort().join('|') : flat(p[field]);
      score.fields[field].total++;
      if (expected === actual) score.fields[field].right++;
      else mismatches.push(`${field} of "${g.title}": expected "${expected}", got "${actual}"`);
    }
  }
  return score;
}

/** Greedy one-to-one matching of articles by title similarity, best pairs first. */
function matchArticles(
  gold: readonly GoldArticle[],
  predicted: readonly ResultArticle[],
): [GoldArticle, ResultArticle][] {
  const candidates: { g: GoldArticle; p: ResultArticle; s: number }[] = [];
  for (const g of gold) {
    for (const p of predicted) {
      const s = similarity(g.title, p.title);
      if (s >= TITLE_SIMILARITY) candidates.push({ g, p, s });
    }
  }
  candidates.sort((a, b) => b.s - a.s);
  const usedGold = new Set<GoldArticle>();
  const usedPredicted = new Set<ResultArticle>();
  const pairs: [GoldArticle, ResultArticle][] = [];
  for (const { g, p } of candidates) {
    if (usedGold.has(g) || usedPredicted.has(p)) continue;
    usedGold.add(g);
    usedPredicted.add(p);
    pairs.push([g, p]);
  }
  return pairs;
}

function bodyText(article: Pick<GoldArticle, 'blocks'>): string {
  return article.blocks.map((block) => flat(block.text)).join('');
}

function boundaryKey(block: { type: string; text: string }): string {
  return `${block.type}:${flat(block.text).slice(0, BOUNDARY_KEY)}`;
}

function multisetIntersection(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const key of a) counts.set(key, (counts.get(key) ?? 0) + 1);
  let hits = 0;
  for (const key of b) {
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      hits++;
      counts.set(key, left - 1);
    }
  }
  return hits;
}

function shingles(text: string): Set<string> {
  const chars = Array.from(flat(text));
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE <= chars.length; i++) result.add(chars.slice(i, i + SHINGLE).join(''));
  return result;
}

/** Blocks printed twice on the page, or mostly (≥ 90% of their shingles) inside another block. */
function repeatedBlocks(result: PageResult): number {
  const blocks = result.articles.flatMap((article) => article.blocks).filter((block) => flat(block.text).length >= 12);
  const sets = blocks.map((block) => shingles(block.text));
  let repeated = 0;
  blocks.forEach((block, i) => {
    const own = sets[i];
    const copied = blocks.some((other, j) => {
      if (j === i || flat(other.text).length < flat(block.text).length) return false;
      if (j < i && flat(other.text) === flat(block.text)) return true;
      if (flat(other.text) === flat(block.text)) return false;
      let shared = 0;
      for (const shingle of own) if (sets[j].has(shingle)) shared++;
      return own.size > 0 && shared / own.size >= 0.9;
    });
    if (copied) repeated++;
  });
  return repeated;
}

function furnitureInArticles(gold: GoldPage, result: PageResult): number {
  const furniture = gold.furniture.map(flat).filter((text) => text.length >= 4);
  let found = 0;
  for (const article of result.articles) {
    // A roundup's subhead may name a sponsor of the page (四川省气象学会): the name is no leak.
    const body = article.blocks.filter((block) => block.type === 'paragraph').map((block) => block.text);
    const texts = [article.title, article.kicker ?? '', ...article.captions, ...body].map(flat);
    for (const item of furniture) if (texts.some((text) => holdsFurniture(text, item))) found++;
  }
  return found;
}

/** Longer furniture (a promo, a sponsor line) inside a block is a leak; a short sponsor's name (四川省农学会) may be the article's own words. */
const FURNITURE_INSIDE_TEXT = 12;

function holdsFurniture(text: string, item: string): boolean {
  return text === item || (item.length >= FURNITURE_INSIDE_TEXT && text.includes(item));
}

export interface Summary {
  pages: number;
  titleF1: number;
  cer: number;
  /** The part of cer that whole articles missed or invented account for (see PageScore.unmatchedErrors). */
  cerUnmatched: number;
  boundaryF1: number;
  fields: Record<Field, number>;
  repeated: number;
  furnitureInArticles: number;
}

function f1(counts: Counts): number {
  if (counts.gold === 0 && counts.predicted === 0) return 1;
  const precision = counts.predicted ? counts.matched / counts.predicted : 0;
  const recall = counts.gold ? counts.matched / counts.gold : 0;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function summarize(scores: readonly PageScore[]): Summary {
  const add = (pick: (s: PageScore) => Counts): Counts =>
    scores.reduce(
      (sum, s) => ({
        matched: sum.matched + pick(s).matched,
        predicted: sum.predicted + pick(s).predicted,
        gold: sum.gold + pick(s).gold,
      }),
      {
        matched: 0,
        predicted: 0,
        gold: 0,
      },
    );
  const bodyLength = scores.reduce((sum, s) => sum + s.bodyLength, 0);
  const fields = Object.fromEntries(
    FIELDS.map((field) => {
      const total = scores.reduce((sum, s) => sum + s.fields[field].total, 0);
      const right = scores.reduce((sum, s) => sum + s.fields[field].right, 0);
      return [field, total ? right / total : 1];
    }),
  ) as Summary['fields'];
  return {
    pages: scores.length,
    titleF1: f1(add((s) => s.titles)),
    cer: bodyLength ? scores.reduce((sum, s) => sum + s.bodyErrors, 0) / bodyLength : 0,
    cerUnmatched: bodyLength ? scores.reduce((sum, s) => sum + s.unmatchedErrors, 0) / bodyLength : 0,
    boundaryF1: f1(add((s) => s.boundaries)),
    fields,
    repeated: scores.reduce((sum, s) => sum + s.repeated, 0),
    furnitureInArticles: scores.reduce((sum, s) => sum + s.furnitureInArticles, 0),
  };
}

export const EVAL_DIR = fileURLToPath(new URL('../fixtures/eval', import.meta.url));

export function evaluateDir(dir = EVAL_DIR): PageScore[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.raw.txt'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.raw.txt'.length);
      const gold = JSON.parse(readFileSync(join(dir, `${name}.gold.json`), 'utf8')) as GoldPage;
      return scorePage(name, gold, cleanPage(file, readFileSync(join(dir, file), 'utf8')));
    });
}

function formatSummary(label: string, summary: Summary): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  return [
    `${label} (${summary.pages} pages)`,
    `  article title F1        ${summary.titleF1.toFixed(3)}   (target ≥ 0.97)`,
    `  body CER                ${(summary.cer * 100).toFixed(2)}%   (target ≤ 1%)`,
    `  paragraph-boundary F1   ${summary.boundaryF1.toFixed(3)}   (target ≥ 0.95)`,
    ...FIELDS.map((field) => `  ${`${field} right`.padEnd(22)}  ${pct(summary.fields[field])}   (target ≥ 95%)`),
    `  repeated paragraphs     ${summary.repeated}   (target 0)`,
    `  furniture in articles   ${summary.furnitureInArticles}   (target 0)`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dirFlag = process.argv.indexOf('--dir');
  const scores = evaluateDir(dirFlag > 0 && process.argv[dirFlag + 1] ? resolve(process.argv[dirFlag + 1]) : EVAL_DIR);
  const verbose = process.argv.includes('--verbose');
  for (const score of scores) {
    console.log(`${score.name}${score.heldOut ? ' (held out)' : ' (seed)'}: ${score.mismatches.length} mismatches`);
    if (verbose) for (const line of score.mismatches) console.log(`    ${line}`);
  }
  console.log();
  console.log(formatSummary('Held-out pages', summarize(scores.filter((s) => s.heldOut))));
  console.log(formatSummary('Seed pages', summarize(scores.filter((s) => !s.heldOut))));
  console.log(formatSummary('All pages', summarize(scores)));
}
