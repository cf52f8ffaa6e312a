/**
 * eval-ocr scored by group, never pooled: the pages reflow's rules were tuned on apart from the
 * ones nobody tuned on (test/fixtures/eval-ocr/README.md, "Which pages are held out"). Aggregates
 * only, so a held-out batch can be measured without reading its pages' parse.
 * Run: `npx tsx test/ocr-set/score.ts`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateDir, summarize } from '../eval/evaluate';

const DIR = fileURLToPath(new URL('../fixtures/eval-ocr', import.meta.url));

export const GROUPS = [
  { name: 'ocr-01…12 (tuned on)', from: 1, to: 12 },
  { name: 'ocr-13…24 (held out)', from: 13, to: 24 },
  { name: 'ocr-25…36 (held out, session 4)', from: 25, to: 36 },
] as const;

const pageNumber = (name: string) => Number(/^ocr-(\d+)/.exec(name)?.[1] ?? NaN);

function engineCer(names: readonly string[]): number {
  let errors = 0;
  let chars = 0;
  for (const name of names) {
    const engine = JSON.parse(readFileSync(join(DIR, `${name}.engine.json`), 'utf8')) as {
      bodyChars: number;
      engineErrors: number;
    };
    errors += engine.engineErrors;
    chars += engine.bodyChars;
  }
  return chars ? errors / chars : 0;
}

const scores = evaluateDir(DIR);
const pct = (n: number) => `${(n * 100).toFixed(2)}%`;
console.log(
  '| pages | n | title F1 | body CER | engine CER | para F1 | byline | section | kicker | captions | repeats | furniture |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const group of GROUPS) {
  const inGroup = scores.filter((score) => pageNumber(score.name) >= group.from && pageNumber(score.name) <= group.to);
  if (inGroup.length === 0) continue;
  const s = summarize(inGroup);
  const fields = (['byline', 'section', 'kicker', 'captions'] as const).map((field) => pct(s.fields[field]));
  console.log(
    `| ${group.name} | ${s.pages} | ${s.titleF1.toFixed(3)} | ${pct(s.cer)} | ${pct(engineCer(inGroup.map((score) => score.name)))} | ${s.boundaryF1.toFixed(3)} | ${fields.join(' | ')} | ${s.repeated} | ${s.furnitureInArticles} |`,
  );
}
