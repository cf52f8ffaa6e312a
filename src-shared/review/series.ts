import type { Edit, Flag, Span } from '../model';
import { charFixOps } from './actions';
import { entry, patch, type HistoryEntry } from './history';
import { applyOps, type ReviewOp } from './ops';
import type { ReviewPage } from './page';
import { narrowChange } from './typing';

/** One place the searched text occurs, with a little raw text around it for the preview list. */
export interface Occurrence extends Span {
  pageId: string;
  /** `before` + match + `after` is the raw text around the match, line breaks shown as spaces. */
  context: { before: string; match: string; after: string };
  /**
   * Set when the match is in a field taken out of the body (a byline, a caption): the extract
   * edit holding it and the match's offset in its value. The span is then the edit's raw span.
   */
  field?: { edit: string; at: number };
}

const CONTEXT = 12;

/** `text`'s match at [start, end) with a little text on each side, line breaks shown as spaces. */
export function contextAround(text: string, start: number, end: number): Occurrence['context'] {
  return {
    before: oneLine(text.slice(Math.max(0, start - CONTEXT), start)),
    match: text.slice(start, end),
    after: oneLine(text.slice(end, end + CONTEXT)),
  };
}

/**
 * Every occurrence of `text` in the raw text of `pages` that still reads as printed: a match
 * under an applied text edit (a removed duplicate, a fix already made) is left out, because
 * correcting it would change nothing the reader sees.
 */
export function findOccurrences(pages: readonly ReviewPage[], text: string): Occurrence[] {
  if (text === '') return [];
  const found: Occurrence[] = [];
  for (const page of pages) {
    const covered = page.analysis.edits.filter(
      (e) => e.status === 'applied' && (e.op.type === 'replace' || e.op.type === 'extract'),
    );
    for (const edit of covered) found.push(...fieldOccurrences(page.pageId, edit, text));
    for (let at = page.raw.indexOf(text); at !== -1; at = page.raw.indexOf(text, at + text.length)) {
      const end = at + text.length;
      if (covered.some((e) => e.start < end && at < e.end)) continue;
      found.push({ pageId: page.pageId, start: at, end, context: contextAround(page.raw, at, end) });
    }
  }
  return found;
}

/** Matches inside the value of an applied extract edit: the byline or caption as the reader sees it. */
function fieldOccurrences(pageId: string, edit: Edit, text: string): Occurrence[] {
  if (edit.op.type !== 'extract') return [];
  const { value } = edit.op;
  const found: Occurrence[] = [];
  for (let at = value.indexOf(text); at !== -1; at = value.indexOf(text, at + text.length)) {
    found.push({
      pageId,
      start: edit.start,
      end: edit.end,
      context: contextAround(value, at, at + text.length),
      field: { edit: edit.id, at },
    });
  }
  return found;
}

/** The field occurrences of one page rewritten in their extract edits (last match first, so earlier offsets hold). */
function fieldCorrectionOps(page: ReviewPage, occurrences: readonly Occurrence[], replacement: string): ReviewOp[] {
  const ops: ReviewOp[] = [];
  const edits = new Map(page.analysis.edits.map((edit) => [edit.id, edit]));
  const ordered = [...occurrences].sort((a, b) => b.field!.at - a.field!.at);
  for (const { field, context } of ordered) {
    const from = edits.get(field!.edit);
    if (!from || from.op.type !== 'extract') continue;
    const value =
      from.op.value.slice(0, field!.at) + replacement + from.op.value.slice(field!.at + context.match.length);
    const to: Edit = { ...from, op: { ...from.op, value } };
    ops.push({ type: 'update-edit', from, to });
    edits.set(to.id, to);
  }
  return ops;
}

/**
 * Open flags a correction of `occurrence` answers: within the matched text, covering the changed
 * characters, and either exactly on them or suggesting what the text now reads (a name-variant
 * flag spans the whole name 荣经县 while only 荣 changes).
 */
function answeredFlags(flags: readonly Flag[], raw: string, occurrence: Span, changed: Span, inserted: string): Flag[] {
  return flags.filter((f) => {
    if (f.status !== 'open' || f.start > changed.start || f.end < changed.end) return false;
    if (f.start === changed.start && f.end === changed.end) return true;
    const corrected = raw.slice(f.start, changed.start) + inserted + raw.slice(changed.end, f.end);
    return f.start >= occurrence.start && f.end <= occurrence.end && f.suggestion === corrected;
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * Replaces each chosen occurrence with `replacement`, as one history entry across all their
 * pages. Only the characters that differ are replaced, so searching 荣经县 and typing 荥经县 fixes
 * the one character 荣 and leaves 经县 as printed. Open flags the fix answers are closed; a match in
 * a byline or caption is corrected in the field's value.
 */
export function seriesCorrection(
  pages: readonly ReviewPage[],
  chosen: readonly Occurrence[],
  replacement: string,
): HistoryEntry {
  const byPage = new Map(pages.map((p) => [p.pageId, p]));
  const patches = [];
  for (const pageId of new Set(chosen.map((o) => o.pageId))) {
    const page = byPage.get(pageId);
    if (!page) throw new RangeError(`occurrence on page ${pageId}, which was not given`);
    let working = page;
    const onPage = chosen.filter((o) => o.pageId === pageId);
    const ops: ReviewOp[] = fieldCorrectionOps(
      page,
      onPage.filter((o) => o.field),
      replacement,
    );
    if (ops.length > 0) working = { ...working, analysis: applyOps(working.analysis, ops) };
    for (const occurrence of onPage.filter((o) => !o.field)) {
      const search = page.raw.slice(occurrence.start, occurrence.end);
      const { offset, removed, inserted } = narrowChange(search, replacement);
      if (removed === 0 && inserted === '') continue;
      const span = { start: occurrence.start + offset, end: occurrence.start + offset + removed };
      const fix = charFixOps(working, span, inserted, `series correction ${search} → ${replacement}`);
      const closeFlags = answeredFlags(working.analysis.flags, page.raw, occurrence, span, inserted).map(
        (f) => ({ type: 'flag-status', id: f.id, from: f.status, to: 'corrected' }) as const,
      );
      ops.push(...fix, ...closeFlags);
      // Later occurrences on the page are indexed against the state these ops leave.
      working = { ...working, analysis: applyOps(working.analysis, [...fix, ...closeFlags]) };
    }
    patches.push(patch(pageId, ops));
  }
  return entry('series.correct', `${chosen[0]?.context.match ?? ''} → ${replacement} ×${chosen.length}`, patches);
}
