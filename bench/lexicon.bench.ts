import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { analyzePage } from '../src-shared/pipeline';
import { wordAcrossCut } from '../src-shared/pipeline/cues';
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

const start = performance.now();
const words = lexicon();
const loadMs = performance.now() - start;

const data = Buffer.from(JIEBA_WORDS + DOMAIN_WORDS, 'utf8');
console.log(`lexicon data   ${data.length} bytes raw, ${gzipSync(data, { level: 9 }).length} bytes gzip`);
console.log(`first load     ${loadMs.toFixed(1)} ms (parse into the lookup map), longest word ${words.longest}`);

let seams = 0;
let crossed = 0;
for (const dir of PAGE_DIRS) {
  for (const file of readdirSync(join(root, dir)).filter((name) => /(?:^|\.raw)\.txt$|^[^.]+\.txt$/.test(name))) {
    const raw = readFileSync(join(root, dir, file), 'utf8');
    for (const edit of analyzePage(raw).edits) {
      if (edit.kind !== 'join' || edit.rule === 'join.caption') continue;
      seams++;
      if (wordAcrossCut(raw.slice(Math.max(0, edit.start - SEAM_CONTEXT), edit.start), raw.slice(edit.end, edit.end + SEAM_CONTEXT))) crossed++;
    }
  }
}
console.log(`seams          ${crossed} of ${seams} join cuts have a word of 3+ characters across them`);
