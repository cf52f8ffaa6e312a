import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LAYOUTS, NOISE_KINDS, simulatePages } from '../sim';
import { analyzePage } from '../../src-shared/pipeline';
import { OCR_CONFUSIONS } from '../../src-shared/text/data/ocr-confusions';
import { reliability, type Reliability } from './calibration';
import { engineErrors, scoreEngineSuspects, type EngineSuspectScore } from './engine-errors';
import { EVAL_DIR, evaluateDir, summarize, type Summary } from './evaluate';
import {
  byLayout,
  byNoiseKind,
  HIGH_CONFIDENCE,
  ocrSuspects,
  scoreSimPage,
  summarizeSim,
  type SimSummary,
} from './simulated';

/**
 * `npm run eval`: the pipeline against the annotated pages (test/fixtures/eval, eval-blind,
 * eval-ocr when present) and against simulated pages (test/sim), as markdown tables on stdout.
 * Options: `--count N` simulated pages (default 600), `--seed S` first seed (default 1),
 * `--json FILE` everything as JSON as well. docs/evaluation.md explains the figures.
 */
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const count = Number(option('--count', '600'));
const seed = Number(option('--seed', '1'));
const jsonFile = option('--json', '');

const annotated: [string, Summary][] = [];
const evalScores = evaluateDir(EVAL_DIR);
annotated.push(['eval (held out)', summarize(evalScores.filter((s) => s.heldOut))]);
annotated.push(['eval (seeds)', summarize(evalScores.filter((s) => !s.heldOut))]);
for (const dir of ['eval-blind', 'eval-ocr']) {
  if (existsSync(fixture(dir))) annotated.push([dir, summarize(evaluateDir(fixture(dir)))]);
}

/**
 * OCR suspects on eval-ocr, where the true suspects are the engine's own errors (raw aligned with
 * gold). The confusion table was measured on ocr-01…12, so 13…24 are the held-out figure; their
 * errors on character pairs the table never saw are the figure that owes nothing to it.
 */
const TUNED_OCR_PAGES = 12;
const measuredPairs = new Set(
  OCR_CONFUSIONS.trim()
    .split(/\s+/)
    .filter((_, i) => i % 3 === 0),
);
const engineScores: { name: string; tuned: boolean; score: EngineSuspectScore }[] = [];
if (existsSync(fixture('eval-ocr'))) {
  for (let page = 1; page <= 24; page++) {
    const name = `ocr-${String(page).padStart(2, '0')}`;
    const raw = readFileSync(fixture(`eval-ocr/${name}.raw.txt`), 'utf8');
    const gold = JSON.parse(readFileSync(fixture(`eval-ocr/${name}.gold.json`), 'utf8'));
    engineScores.push({
      name,
      tuned: page <= TUNED_OCR_PAGES,
      score: scoreEngineSuspects(engineErrors(raw, gold), ocrSuspects(analyzePage(raw))),
    });
  }
}

const started = Date.now();
const scores = simulatePages({ seed, count }).map(scoreSimPage);
const layouts = byLayout(scores);
const kinds = byNoiseKind(scores);
const all = summarizeSim(scores);
const perLayout: [string, SimSummary][] = [
  ...LAYOUTS.filter((layout) => layouts.has(layout)).map((layout): [string, SimSummary] => [
    layout,
    summarizeSim(layouts.get(layout)!),
  ]),
  ['all', all],
];
/**
 * Per kind: the pages holding it, and for contrast the pages of the same layouts without it (a
 * page holds many kinds, so the difference is the telling figure).
 */
const perKind: [string, SimSummary, number, SimSummary][] = NOISE_KINDS.filter((kind) => kinds.has(kind)).map(
  (kind) => {
    const pages = kinds.get(kind)!;
    const instances = pages.reduce((n, score) => n + score.page.noise.filter((noise) => noise.kind === kind).length, 0);
    const layoutsHolding = new Set(pages.map((score) => score.page.layout));
    const without = scores.filter((score) => layoutsHolding.has(score.page.layout) && !pages.includes(score));
    return [kind, summarizeSim(pages, kind), instances, summarizeSim(without, kind)];
  },
);

const fixed = (digits: number) => (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(digits));
const pct = (n: number) => (Number.isNaN(n) ? '–' : `${(n * 100).toFixed(1)}%`);
const cer = (n: number) => `${(n * 100).toFixed(2)}%`;
const f3 = fixed(3);

function table(header: string[], rows: (string | number)[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

const QUALITY = [
  'pages',
  'title F1',
  'body CER',
  'para F1',
  'byline',
  'section',
  'kicker',
  'captions',
  'repeats',
  'furniture',
];
const quality = (s: Summary) => [
  s.pages,
  f3(s.titleF1),
  cer(s.cer),
  f3(s.boundaryF1),
  pct(s.fields.byline),
  pct(s.fields.section),
  pct(s.fields.kicker),
  pct(s.fields.captions),
  s.repeated,
  s.furnitureInArticles,
];
const simulated = (s: SimSummary) => [
  ...quality(s),
  pct(s.ocrRecall),
  pct(s.ocrPrecision),
  s.calibration.count,
  f3(s.calibration.brier),
  f3(s.calibration.ece),
  pct(s.rightAtHighConfidence),
  pct(s.splitRecall),
];
const SIMULATED = [
  ...QUALITY,
  'OCR recall',
  'OCR precision',
  'splits',
  'Brier',
  'ECE',
  `right ≥ ${HIGH_CONFIDENCE}`,
  'starts found',
];

function reliabilityTable(calibration: Reliability): string {
  return table(
    ['bin', 'count', 'mean confidence', 'fraction right'],
    calibration.bins.map((bin) => [
      `${bin.lo.toFixed(1)}–${bin.hi.toFixed(1)}`,
      bin.count,
      f3(bin.meanConfidence),
      f3(bin.fractionRight),
    ]),
  );
}

console.log('## Annotated pages\n');
console.log(
  table(
    ['set', ...QUALITY],
    annotated.map(([name, s]) => [name, ...quality(s)]),
  ),
);
if (engineScores.length) {
  const engineRow = (label: string, picked: typeof engineScores, unmeasuredOnly = false) => {
    const errors = picked.flatMap(({ score }) => score.errors.map((error, i) => ({ error, found: score.found[i] })));
    const counted = unmeasuredOnly
      ? errors.filter(({ error }) => !measuredPairs.has(error.expected + error.read))
      : errors;
    const suspects = picked.reduce((n, { score }) => n + score.suspects, 0);
    const right = picked.reduce((n, { score }) => n + score.suspectsRight, 0);
    const found = counted.filter(({ found }) => found).length;
    return [
      label,
      counted.length,
      found,
      pct(found / counted.length),
      unmeasuredOnly ? '–' : suspects,
      unmeasuredOnly ? '–' : pct(right / suspects),
    ];
  };
  console.log("\n## OCR suspects on eval-ocr (the engine's own errors)\n");
  console.log(
    table(
      ['pages', 'engine errors', 'found', 'recall', 'suspects', 'precision'],
      [
        engineRow(
          'ocr-01…12 (confusions measured here)',
          engineScores.filter((s) => s.tuned),
        ),
        engineRow(
          'ocr-13…24 (held out)',
          engineScores.filter((s) => !s.tuned),
        ),
        engineRow(
          'ocr-13…24, pairs not in the table',
          engineScores.filter((s) => !s.tuned),
          true,
        ),
      ],
    ),
  );
}
console.log(`\n## Simulated pages (seed ${seed}, ${count} pages, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
console.log('### By layout\n');
console.log(
  table(
    ['layout', ...SIMULATED],
    perLayout.map(([name, s]) => [name, ...simulated(s)]),
  ),
);
console.log('\n### Where the body CER comes from\n');
console.log(
  'A gold article no clean title matches counts its whole body as errors, and so does a clean article matching no gold\n' +
    'title: a missed or invented headline costs an article. The rest is inside articles that were found.\n',
);
console.log(
  table(
    ['pages', 'body CER', 'whole articles missed or invented', 'inside found articles'],
    [...perLayout.map(([name, s]): [string, Summary] => [`simulated, ${name}`, s]), ...annotated].map(([name, s]) => [
      name,
      cer(s.cer),
      cer(s.cerUnmatched),
      cer(s.cer - s.cerUnmatched),
    ]),
  ),
);
console.log('\n### By noise kind (pages holding the kind; in brackets the pages of the same layouts without it)\n');
console.log(
  table(
    ['noise kind', 'instances', 'undone', ...SIMULATED],
    perKind.map(([name, s, n, without]) => {
      const cells = simulated(s);
      const contrast = simulated(without);
      // title F1, body CER and paragraph F1 with their contrast
      for (const column of [1, 2, 3]) cells[column] = `${cells[column]} (${contrast[column]})`;
      return [name, n, pct(s.repaired), ...cells];
    }),
  ),
);
console.log('\n### Noise undone, by kind and layout\n');
const layoutGroups = LAYOUTS.filter((layout) => layouts.has(layout));
console.log(
  table(
    ['noise kind', ...layoutGroups],
    perKind
      .filter(([, s]) => !Number.isNaN(s.repaired))
      .map(([kind]) => [kind, ...layoutGroups.map((layout) => pct(summarizeSim(layouts.get(layout)!, kind).repaired))]),
  ),
);
console.log('\n### OCR suspects: the confidence of look-alike suspects, all simulated pages\n');
console.log(reliabilityTable(reliability(scores.flatMap((score) => score.lookalikePredictions))));
console.log('\n### Split calibration, all simulated pages\n');
console.log(reliabilityTable(all.calibration));
for (const [layout, s] of perLayout.slice(0, -1)) {
  console.log(`\n#### ${layout}: Brier ${f3(s.calibration.brier)}, ECE ${f3(s.calibration.ece)}\n`);
  console.log(reliabilityTable(s.calibration));
}

if (jsonFile) {
  const entries = (rows: [string, ...unknown[]][]) => Object.fromEntries(rows.map(([name, s]) => [name, s]));
  writeFileSync(
    jsonFile,
    `${JSON.stringify(
      {
        annotated: entries(annotated),
        simulated: {
          seed,
          count,
          layouts: entries(perLayout),
          noiseKinds: Object.fromEntries(
            perKind.map(([name, s, instances, without]) => [name, { instances, holding: s, without }]),
          ),
        },
      },
      null,
      1,
    )}\n`,
  );
}
