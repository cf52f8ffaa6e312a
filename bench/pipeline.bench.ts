import { analyzePage } from '../src-shared/pipeline';
import { decodePage } from '../src-shared/pipeline/decode';
import { measure, ms, printTable } from './measure';
import { seedPage } from './pages';

/**
 * `npx tsx bench/pipeline.bench.ts`: the pipeline's median time per 15 KB page (target ≤ 3 ms),
 * its linearity (a 100× larger input in ≤ 120× the time) and the floor: decoding the same bytes
 * and splitting them into blocks, which no pipeline can beat.
 */
const PAGE_BYTES = 15 * 1024;
const SCALE = 100;
const encoder = new TextEncoder();

function floor(bytes: Uint8Array): number {
  const { text } = decodePage(bytes, 'bench.txt');
  return text.split(/\r?\n[ \t\u3000]*\r?\n/).length;
}

const page = seedPage(PAGE_BYTES);
const large = Array.from({ length: SCALE }, () => page).join('\n');
const pageBytes = encoder.encode(page);
const largeBytes = encoder.encode(large);

const small = measure(() => analyzePage(page), 200, 3000);
const smallFloor = measure(() => floor(pageBytes), 200, 1000);
const big = measure(() => analyzePage(large), 5, 5000);
const bigFloor = measure(() => floor(largeBytes), 5, 2000);

printTable([
  ['input', 'bytes', 'pipeline wall', 'pipeline cpu', 'floor wall (decode + split)'],
  ['one page', String(pageBytes.length), `${ms(small.wall)} ms`, `${ms(small.cpu)} ms`, `${ms(smallFloor.wall)} ms`],
  [
    `${SCALE}× the page`,
    String(largeBytes.length),
    `${ms(big.wall)} ms`,
    `${ms(big.cpu)} ms`,
    `${ms(bigFloor.wall)} ms`,
  ],
]);
const verdict = (ok: boolean) => (ok ? 'OK' : 'OVER');
console.log(
  `per 15 KB page: ${ms(small.wall)} ms wall, ${ms(small.cpu)} ms cpu (target ≤ 3 ms) ${verdict(small.wall <= 3)}`,
);
console.log(
  `linearity: ${SCALE}× input took ${(big.wall / small.wall).toFixed(1)}× the wall time, ${(big.cpu / small.cpu).toFixed(1)}× the cpu time (target ≤ 120×) ${verdict(big.wall / small.wall <= 120)}`,
);
