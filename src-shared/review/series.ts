import type { Span } from '../model';
import { charFixOps } from './actions';
import { entry, patch, type HistoryEntry } from './history';
import { applyOps, type ReviewOp } from './ops';
import type { ReviewPage } from './page';

/** One place the searched text occurs, with a little raw text around it for the preview list. */
export interface Occurrence extends Span {
  pageId: string;
  /** `before` + match + `after` is the raw text around the match, line breaks shown as spaces. */
  context: { before: string; match: string; after: string };
}

const CONTEXT = 12;

/**
 * Every occurrence of `text` in the raw text of `pages` that still reads as printed: a match
 * under an applied text edit (a removed duplicate, a fix already made) is left out, because
 * correcting it would change nothing the reader sees.
 */
export function findOccurrences(pages: readonly ReviewPage[], text: string): Occurrence[] {
  if (text === '') return [];
  const found: Occurrence[] = [];
  for (const page of pages) {
    const covered = page.analysis.edits.filter((e) => e.status === 'applied' && (e.op.type === 'replace' || e.op.type === 'extract'));
    for (let at = page.raw.indexOf(text); at !== -1; at = page.raw.indexOf(text, at + text.length)) {
      const end = at + text.length;
      if (covered.some((e) => e.start < end && at < e.end)) continue;
      found.push({
        pageId: page.pageId,
        start: at,
        end,
        context: {
          before: oneLine(page.raw.slice(Math.max(0, at - CONTEXT), at)),
          match: text,
          after: oneLine(page.raw.slice(end, end + CONTEXT)),
        },
      });
    }
  }
  return found;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * Replaces each chosen occurrence with `replacement`, as one history entry across all their
 * pages. Only the characters that differ are replaced, so searching 荣经县 and typing 荥经县 fixes
 * the one character 荣 and leaves 经县 as printed. Open flags on exactly the fixed span are closed.
 */
export function seriesCorrection(pages: readonly ReviewPage[], chosen: readonly Occurrence[], replacement: string): HistoryEntry {
  const byPage = new Map(pages.map((p) => [p.pageId, p]));
  const patches = [];
  for (const pageId of new Set(chosen.map((o) => o.pageId))) {
    const page = byPage.get(pageId);
    if (!page) throw new RangeError(`occurrence on page ${pageId}, which was not given`);
    let working = page;
    const ops: ReviewOp[] = [];
    for (const occurrence of chosen.filter((o) => o.pageId === pageId)) {
      const search = page.raw.slice(occurrence.start, occurrence.end);
      const { offset, removed, inserted } = narrowChange(search, replacement);
      if (removed === 0 && inserted === '') continue;
      const span = { start: occurrence.start + offset, end: occurrence.start + offset + removed };
      const fix = charFixOps(working, span, inserted, `series correction ${search} → ${replacement}`);
      const closeFlags = working.analysis.flags
        .filter((f) => f.status === 'open' && f.start === span.start && f.end === span.end)
        .map((f) => ({ type: 'flag-status', id: f.id, from: f.status, to: 'corrected' }) as const);
      ops.push(...fix, ...closeFlags);
      // Later occurrences on the page are indexed against the state these ops leave.
      working = { ...working, analysis: applyOps(working.analysis, [...fix, ...closeFlags]) };
    }
    patches.push(patch(pageId, ops));
  }
  return entry('series.correct', `${chosen[0]?.context.match ?? ''} → ${replacement} ×${chosen.length}`, patches);
}

/** The smallest change turning `from` into `to`: common prefix and suffix are kept. */
export function narrowChange(from: string, to: string): { offset: number; removed: number; inserted: string } {
  let prefix = 0;
  while (prefix < from.length && prefix < to.length && from[prefix] === to[prefix]) prefix++;
  let suffix = 0;
  while (suffix < from.length - prefix && suffix < to.length - prefix && from[from.length - 1 - suffix] === to[to.length - 1 - suffix]) suffix++;
  return { offset: prefix, removed: from.length - prefix - suffix, inserted: to.slice(prefix, to.length - suffix) };
}
