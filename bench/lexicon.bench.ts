import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { analyzePage } from '../src-shared/pipeline';
import { SEAM_REACH, wordAcrossCut } from '../src-shared/pipeline/cues';
import { compact } from '../src-shared/pipeline/text';
import { lexicon } from '../src-shared/text';
import { DOMAIN_WORDS } from '../src-shared/text/data/domain-words';
import { JIEBA_WORDS } from '../src-shared/text/data/jieba-words';

/**
 * `npx tsx bench/lexicon.bench.ts`: the lexicon's data size (raw and gzip), its first load (parse
 * into the lookup map, once per process), and the seam figure: of the join stage's cuts on the
 * seeds and the annotated pages, how many a dictionary word of three or more characters crosses.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const PAGE_DIRS = ['seeds', 'test/fixtures/eval', 'test/fixtures/eval-blind'];
/** Characters read on each side of a cut: more than any word, fewer than a sentence. */
const SEAM_CONTEXT = 12;

const startCpu = process.cpuUsage();
const start = performance.now();
const words = lexicon();
const loadMs = performance.now() - start;
const used = process.cpuUsage(startCpu);

const data = Buffer.from(JIEBA_WORDS + DOMAIN_WORDS, 'utf8');
console.log(`lexicon data   ${data.length} bytes raw, ${gzipSync(data, { level: 9 }).length} bytes gzip`);
console.log(
  `first load     ${loadMs.toFixed(1)} ms wall, ${((used.user + used.system) / 1000).toFixed(1)} ms cpu (parse into the lookup map)`,
);

let seams = 0;
let crossed = 0;
/** Two-character words too, which the join does not take as evidence (they meet by chance). */
let crossedByPair = 0;
for (const dir of PAGE_DIRS) {
  for (const file of readdirSync(join(root, dir)).filter((name) => /(?:^|\.raw)\.txt$|^[^.]+\.txt$/.test(name))) {
    const raw = readFileSync(join(root, dir, file), 'utf8');
    for (const edit of analyzePage(raw).edits) {
      if (edit.kind !== 'join' || edit.rule === 'join.caption') continue;
      seams++;
      const [head, tail] = [
        raw.slice(Math.max(0, edit.start - SEAM_CONTEXT), edit.start),
        raw.slice(edit.end, edit.end + SEAM_CONTEXT),
      ];
      if (wordAcrossCut(head, tail)) crossed++;
      if (words.wordAcross(compact(head).slice(-SEAM_REACH), compact(tail).slice(0, SEAM_REACH), 2)) crossedByPair++;
    }
  }
}
console.log(
  `seams          ${crossed} of ${seams} join cuts have a word of 3+ characters across them, ${crossedByPair} one of 2+`,
);
