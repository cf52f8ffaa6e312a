import { analyzeCorpus } from '../src-shared/pipeline';
import { toPageResult } from '../src-shared/pipeline/result';
import { measure, ms, printTable } from './measure';
import { seedPage, shortArticlesPage } from './pages';

/**
 * `npx tsx bench/large-page.bench.ts`: what `galley clean --format json` spends on one page
 * (analysis with the corpus checks, then the page result through materialize), per byte, on a
 * normal 15 KB page and on one page of 15,000 short articles (issue 18). Goal: the large page
 * costs at most twice as much per byte, judged on CPU time, which other work on the machine
 * disturbs less than wall time.
 */
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 15_000);
const GOAL = 2;
const encoder = new TextEncoder();

function clean(raw: string): unknown {
  const [analysis] = analyzeCorpus([{ id: 'bench', raw }]);
  return toPageResult('bench.txt', raw, analysis);
}

const normal = seedPage(15 * 1024);
const large = shortArticlesPage(ARTICLES);
const inputs = [
  { name: 'seed page', text: normal, timing: measure(() => clean(normal), 100, 3000) },
  { name: `${ARTICLES} short articles`, text: large, timing: measure(() => clean(large), 1, 0) },
];
const rows = inputs.map(({ name, text, timing }) => {
  const bytes = encoder.encode(text).length;
  return { name, bytes, timing, wallPerByte: (timing.wall * 1e3) / bytes, cpuPerByte: (timing.cpu * 1e3) / bytes };
});

printTable([
  ['input', 'bytes', 'wall', 'cpu', 'wall µs/byte', 'cpu µs/byte'],
  ...rows.map((row) => [
    row.name,
    String(row.bytes),
    `${ms(row.timing.wall)} ms`,
    `${ms(row.timing.cpu)} ms`,
    row.wallPerByte.toFixed(3),
    row.cpuPerByte.toFixed(3),
  ]),
]);
const [small, big] = rows;
const ratio = big.cpuPerByte / small.cpuPerByte;
console.log(
  `large page per byte: ${ratio.toFixed(2)}× the normal page's cpu, ${(big.wallPerByte / small.wallPerByte).toFixed(2)}× its wall (goal ≤ ${GOAL}× cpu) ${ratio <= GOAL ? 'OK' : 'OVER'}`,
);
