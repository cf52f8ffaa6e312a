import { distance } from 'fastest-levenshtein';
import type { Article, EditKind, FlagKind, SplitStatus } from '../model';
import { inline } from './markdown';
import { exportText } from './text-utils';
import type { ExportablePage } from './types';

export interface EditCounts {
  applied: number;
  proposed: number;
  reverted: number;
  auto: number;
  editor: number;
}

/** What review did to one page, in numbers: shown in the app and written into every export. */
export interface ChangeReport {
  pageId: string;
  source: string;
  articles: number;
  furniture: number;
  edits: { total: EditCounts; byKind: Partial<Record<EditKind, EditCounts>> };
  /**
   * Character error rate raw → clean: the Levenshtein distance between the articles' raw text and
   * their clean text (whitespace ignored, since line wraps are layout), over the longer of the
   * two. The distance is at most that length, so the rate stays within 0–100 % even on a page
   * whose repeats were removed: over the clean length alone it read 3814 % there.
   */
  characters: { raw: number; clean: number; distance: number; errorRate: number };
  flags: { open: number; closed: number; openByKind: Partial<Record<FlagKind, number>> };
  splits: Record<SplitStatus, number> & { undecided: number };
}

export function changeReport({ page, analysis, clean }: ExportablePage): ChangeReport {
  const total = emptyCounts();
  const byKind: Partial<Record<EditKind, EditCounts>> = {};
  for (const edit of analysis.edits) {
    const kind = (byKind[edit.kind] ??= emptyCounts());
    for (const counts of [total, kind]) {
      counts[edit.status]++;
      counts[edit.origin]++;
    }
  }

  const openByKind: Partial<Record<FlagKind, number>> = {};
  let open = 0;
  for (const flag of analysis.flags) {
    if (flag.status !== 'open') continue;
    open++;
    openByKind[flag.kind] = (openByKind[flag.kind] ?? 0) + 1;
  }

  const splits = { proposed: 0, approved: 0, rejected: 0 };
  for (const boundary of analysis.boundaries) splits[boundary.status]++;

  const rawText = withoutWhitespace(clean.articles.map((article) => article.spans.map((span) => page.raw.slice(span.start, span.end)).join('')).join(''));
  const cleanText = withoutWhitespace(clean.articles.map(articleText).join(''));
  const editDistance = distance(rawText, cleanText);

  return {
    pageId: page.id,
    source: page.name,
    articles: clean.articles.length,
    furniture: clean.furniture.length,
    edits: { total, byKind },
    characters: {
      raw: rawText.length,
      clean: cleanText.length,
      distance: editDistance,
      errorRate: roundRate(editDistance / Math.max(rawText.length, cleanText.length, 1)),
    },
    flags: { open, closed: analysis.flags.length - open, openByKind },
    splits: { ...splits, undecided: splits.proposed },
  };
}

/** The article's text in the order a reader meets it on paper: kicker, title, body, captions, credit. */
function articleText(article: Article): string {
  return [article.kicker ?? '', article.title, ...article.blocks.map((block) => block.text), ...article.captions, article.byline ?? ''].join('\n');
}

function emptyCounts(): EditCounts {
  return { applied: 0, proposed: 0, reverted: 0, auto: 0, editor: 0 };
}

function withoutWhitespace(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, '');
}

/** Four decimals: enough for a rate shown as a percentage, and stable across machines. */
function roundRate(rate: number): number {
  return Math.round(rate * 10000) / 10000;
}

/** The batch's report.md: one table row per page, then each page's edits and open flags by kind. */
export function reportMarkdown(reports: readonly ChangeReport[]): string {
  const lines = [
    '# Change report',
    '',
    '| # | page | articles | edits applied | proposed | reverted | CER raw → clean | open flags | undecided splits |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  reports.forEach((report, index) => {
    const { edits, characters, flags, splits } = report;
    const cells = [index + 1, inline(report.source), report.articles, edits.total.applied, edits.total.proposed, edits.total.reverted, percent(characters.errorRate), flags.open, splits.undecided];
    lines.push(`| ${cells.join(' | ')} |`);
  });
  for (const report of reports) {
    lines.push('', `## ${inline(report.source)}`, '');
    lines.push(`- characters: raw ${report.characters.raw}, clean ${report.characters.clean}, distance ${report.characters.distance}`);
    lines.push(`- splits: ${report.splits.approved} approved, ${report.splits.rejected} rejected, ${report.splits.undecided} undecided`);
    for (const [kind, counts] of Object.entries(report.edits.byKind)) {
      lines.push(`- edits \`${kind}\`: ${counts.applied} applied, ${counts.proposed} proposed, ${counts.reverted} reverted (${counts.auto} automatic, ${counts.editor} by the editor)`);
    }
    for (const [kind, count] of Object.entries(report.flags.openByKind)) lines.push(`- open flags \`${kind}\`: ${count}`);
  }
  return exportText(`${lines.join('\n')}\n`);
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}
