import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isHan } from '../../src-shared/text';
import { engineErrors } from '../eval/engine-errors';
import type { GoldPage } from '../eval/evaluate';

/**
 * Prints the confusion table of src-shared/text/data/ocr-confusions.ts: Tesseract's character
 * substitutions on the tuning half of eval-ocr (ocr-01…12; 13…24 stay held out), each with how
 * often the right character was printed on those pages, so a count over occurrences is its
 * misread rate. Run: `npx tsx test/sim/measure-confusions.ts`.
 */
const TUNING_PAGES = Array.from({ length: 12 }, (_, i) => `ocr-${String(i + 1).padStart(2, '0')}`);
const dir = fileURLToPath(new URL('../fixtures/eval-ocr/', import.meta.url));

/** Characters misread side by side that still count one by one. */
const MAX_CONFUSED = 2;

const counts = new Map<string, number>();
const printed = new Map<string, number>();
for (const name of TUNING_PAGES) {
  const raw = readFileSync(`${dir}${name}.raw.txt`, 'utf8');
  const gold = JSON.parse(readFileSync(`${dir}${name}.gold.json`, 'utf8')) as GoldPage;
  for (const ch of JSON.stringify(gold.articles)) if (isHan(ch)) printed.set(ch, (printed.get(ch) ?? 0) + 1);
  for (const error of engineErrors(raw, gold)) {
    const read = Array.from(error.read.replace(/\s+/g, ''));
    const right = Array.from(error.expected);
    // A substitution of equal length is read character by character (蚕桑 → 虱煞); a longer
    // one (技术服 → 愉人有) is a smudge, not a confusion of characters.
    if (read.length !== right.length || right.length > MAX_CONFUSED) continue;
    right.forEach((ch, i) => {
      if (ch !== read[i] && isHan(ch) && isHan(read[i])) counts.set(ch + read[i], (counts.get(ch + read[i]) ?? 0) + 1);
    });
  }
}
const rows = [...counts].sort(([a], [b]) => a.localeCompare(b, 'zh'));
console.log(rows.map(([pair, count]) => `${pair} ${count} ${printed.get(pair[0]) ?? count}`).join('\n'));
