import { diffChars } from 'diff';
import type { GoldPage } from './evaluate';

/**
 * What a real OCR engine got wrong on a page, found by aligning its raw text with the gold page:
 * the OCR suspects a lint should flag on eval-ocr. Only small edits between agreeing stretches
 * count: a long run on one side is text read in another order (columns, headlines), not a
 * misread. Punctuation read at the other width (`（` as `(`) is layout, not a character error.
 */
export interface EngineError {
  /** Raw offsets of what the engine wrote, [start, end); start === end for a lost character. */
  start: number;
  end: number;
  read: string;
  expected: string;
}

/** The widest edit still taken as a misread (`蚕桑` → `短桑` is one, a moved line is not). */
const MAX_EDIT = 3;
/** Agreeing characters needed on each side for an edit to be an alignment of the same text. */
const ANCHOR = 4;

const WIDTH: Record<string, string> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '；': ';',
  '，': ',',
  '？': '?',
  '！': '!',
  '〈': '(',
  '《': '(',
};
const normal = (ch: string) => WIDTH[ch] ?? ch;
/** A character the lint reads: Han, a letter or a digit (punctuation and layout are reflow's). */
const READABLE = /[\p{Script=Han}A-Za-z0-9]/u;

/** The gold page's text in print order, each field on its own. */
function goldText(gold: GoldPage): string {
  return gold.articles
    .flatMap((article) => [
      article.kicker,
      article.title,
      ...article.blocks.map((block) => block.text),
      ...article.captions,
      article.byline,
    ])
    .concat(gold.furniture)
    .filter((text): text is string => !!text)
    .join('');
}

export function engineErrors(raw: string, gold: GoldPage): EngineError[] {
  const offsets: number[] = [];
  let read = '';
  for (let i = 0; i < raw.length; i++) {
    if (/\s/.test(raw[i])) continue;
    offsets.push(i);
    read += normal(raw[i]);
  }
  const expected = Array.from(goldText(gold).replace(/\s+/g, ''), normal).join('');
  const parts = diffChars(expected, read);
  const errors: EngineError[] = [];
  let at = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    if (!part.added && !part.removed) {
      at += part.value.length;
      continue;
    }
    // One edit: a removal, an addition, or a removal followed by an addition (a substitution).
    let removed = '';
    let added = '';
    let q = p;
    for (; q < parts.length && (parts[q].added || parts[q].removed); q++) {
      if (parts[q].added) added += parts[q].value;
      else removed += parts[q].value;
    }
    const before = parts[p - 1];
    const after = parts[q];
    const anchored = before && after && before.value.length >= ANCHOR && after.value.length >= ANCHOR;
    if (anchored && removed.length <= MAX_EDIT && added.length <= MAX_EDIT && READABLE.test(removed + added)) {
      const start = added ? offsets[at] : offsets[at - 1] + 1;
      const end = added ? offsets[at + added.length - 1] + 1 : start;
      errors.push({ start, end, read: raw.slice(start, end), expected: removed });
    }
    at += added.length;
    p = q - 1;
  }
  return errors;
}

/** How the OCR lint's suspects on one real-engine page meet the engine's errors. */
export interface EngineSuspectScore {
  errors: EngineError[];
  /** Per error, whether a suspect overlaps it (a lost character: one beside the gap). */
  found: boolean[];
  suspects: number;
  suspectsRight: number;
}

export function scoreEngineSuspects(
  errors: EngineError[],
  suspects: readonly { start: number; end: number }[],
): EngineSuspectScore {
  const reach = (error: EngineError) =>
    error.start === error.end ? { start: error.start - 1, end: error.end + 1 } : error;
  const meets = (suspect: { start: number; end: number }, error: EngineError) =>
    suspect.start < reach(error).end && reach(error).start < suspect.end;
  return {
    errors,
    found: errors.map((error) => suspects.some((suspect) => meets(suspect, error))),
    suspects: suspects.length,
    suspectsRight: suspects.filter((suspect) => errors.some((error) => meets(suspect, error))).length,
  };
}
