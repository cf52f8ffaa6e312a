import { distance } from 'fastest-levenshtein';
import {
  mergeSpans,
  subtractSpans,
  type Article,
  type EditKind,
  type Flag,
  type FlagKind,
  type Span,
  type SplitStatus,
} from '../model';
import { inline } from './markdown';
import { exportText } from './text-utils';
import { issueEntries, issueTitle, pageLabel } from './issue';
import type { ExportableIssue, ExportablePage } from './types';

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
   * two, so that it stays within 0–100 % even on a page whose repeats were removed (over the clean
   * length alone it read 3814 % there). The distance is taken block by block (each paragraph
   * against the raw it was made from, the article's title, credit and captions against the rest of
   * its raw) and summed: one distance over a whole 8 MB page is quadratic, minutes of work.
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

  let rawLength = 0;
  let cleanLength = 0;
  let editDistance = 0;
  for (const [rawPart, cleanPart] of clean.articles.flatMap((article) => comparedParts(page.raw, article))) {
    const [rawText, cleanText] = [withoutWhitespace(rawPart), withoutWhitespace(cleanPart)];
    rawLength += rawText.length;
    cleanLength += cleanText.length;
    editDistance += distance(rawText, cleanText);
  }

  return {
    pageId: page.id,
    source: page.name,
    articles: clean.articles.length,
    furniture: clean.furniture.length,
    edits: { total, byKind },
    characters: {
      raw: rawLength,
      clean: cleanLength,
      distance: editDistance,
      // Summed by parts, the distance can pass the longer length only where some parts grew and others shrank.
      errorRate: roundRate(Math.min(1, editDistance / Math.max(rawLength, cleanLength, 1))),
    },
    flags: { open, closed: analysis.flags.length - open, openByKind },
    splits: { ...splits, undecided: splits.proposed },
  };
}

/**
 * What the error rate compares, raw against clean: each block against the raw it was made from,
 * then the article's kicker, title, captions and credit against the rest of its raw.
 */
function comparedParts(raw: string, article: Article): [string, string][] {
  const text = (spans: readonly Span[]) => spans.map((span) => raw.slice(span.start, span.end)).join('');
  const inBlocks = mergeSpans(article.blocks.flatMap((block) => block.spans));
  const fields = [article.kicker ?? '', article.title, ...article.captions, article.byline ?? ''].join('');
  return [
    ...article.blocks.map((block): [string, string] => [text(block.spans), block.text]),
    [text(subtractSpans(article.spans, inBlocks)), fields],
  ];
}

/** One name spelled two ways in an issue: where, and how many of its flags are still open. */
export interface NameVariant {
  text: string;
  suggestion: string | null;
  /** Labels of the pages it is flagged on (`第3版 地方科协`), in page order. */
  pages: string[];
  count: number;
  open: number;
}

/** The change report of a whole issue: each page's, their sums, and the names spelled two ways across it. */
export interface IssueChangeReport {
  title: string;
  paper: string | null;
  date: string | null;
  number: string | null;
  pages: Array<ChangeReport & { label: string }>;
  articles: number;
  edits: ChangeReport['edits'];
  characters: ChangeReport['characters'];
  flags: ChangeReport['flags'];
  splits: ChangeReport['splits'];
  nameVariants: NameVariant[];
}

/**
 * Sums over the pages; the issue's CER is its total distance over the sum of the pages'
 * denominators, so a long page weighs as much as its text, not as one page.
 */
export function issueChangeReport(exportable: ExportableIssue): IssueChangeReport {
  const entries = issueEntries(exportable);
  const pages = entries.map(({ entry, page }) => ({ ...changeReport(page), label: pageLabel(entry, page) }));
  const total = emptyCounts();
  const byKind: Partial<Record<EditKind, EditCounts>> = {};
  const openByKind: Partial<Record<FlagKind, number>> = {};
  const characters = { raw: 0, clean: 0, distance: 0, errorRate: 0 };
  const flags = { open: 0, closed: 0, openByKind };
  const splits = { proposed: 0, approved: 0, rejected: 0, undecided: 0 };
  let denominator = 0;
  for (const report of pages) {
    addCounts(total, report.edits.total);
    for (const [kind, counts] of Object.entries(report.edits.byKind) as [EditKind, EditCounts][])
      addCounts((byKind[kind] ??= emptyCounts()), counts);
    for (const [kind, count] of Object.entries(report.flags.openByKind) as [FlagKind, number][])
      openByKind[kind] = (openByKind[kind] ?? 0) + count;
    characters.raw += report.characters.raw;
    characters.clean += report.characters.clean;
    characters.distance += report.characters.distance;
    denominator += Math.max(report.characters.raw, report.characters.clean, 1);
    flags.open += report.flags.open;
    flags.closed += report.flags.closed;
    for (const status of ['proposed', 'approved', 'rejected', 'undecided'] as const)
      splits[status] += report.splits[status];
  }
  characters.errorRate = roundRate(characters.distance / Math.max(denominator, 1));
  const { issue } = exportable;
  return {
    title: issueTitle(issue),
    paper: issue.paper,
    date: issue.date,
    number: issue.number,
    pages,
    articles: pages.reduce((sum, report) => sum + report.articles, 0),
    edits: { total, byKind },
    characters,
    flags,
    splits,
    nameVariants: nameVariants(
      entries.map(({ entry, page }) => ({ label: pageLabel(entry, page), flags: page.analysis.flags })),
    ),
  };
}

function nameVariants(pages: readonly { label: string; flags: readonly Flag[] }[]): NameVariant[] {
  const variants = new Map<string, NameVariant>();
  for (const { label, flags } of pages) {
    for (const flag of flags) {
      if (flag.kind !== 'name-variant') continue;
      const key = `${flag.text}\u0000${flag.suggestion ?? ''}`;
      const variant = variants.get(key) ?? {
        text: flag.text,
        suggestion: flag.suggestion,
        pages: [],
        count: 0,
        open: 0,
      };
      if (!variant.pages.includes(label)) variant.pages.push(label);
      variant.count++;
      if (flag.status === 'open') variant.open++;
      variants.set(key, variant);
    }
  }
  return [...variants.values()];
}

function addCounts(into: EditCounts, counts: EditCounts): void {
  for (const key of Object.keys(into) as (keyof EditCounts)[]) into[key] += counts[key];
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
export function reportMarkdown(reports: readonly ChangeReport[], title = 'Change report'): string {
  const lines = [
    `# ${title}`,
    '',
    '| # | page | articles | edits applied | proposed | reverted | CER raw → clean | open flags | undecided splits |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  reports.forEach((report, index) => {
    const { edits, characters, flags, splits } = report;
    const cells = [
      index + 1,
      inline(report.source),
      report.articles,
      edits.total.applied,
      edits.total.proposed,
      edits.total.reverted,
      percent(characters.errorRate),
      flags.open,
      splits.undecided,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  });
  for (const report of reports) {
    lines.push('', `## ${inline(report.source)}`, '');
    lines.push(
      `- characters: raw ${report.characters.raw}, clean ${report.characters.clean}, distance ${report.characters.distance}`,
    );
    lines.push(
      `- splits: ${report.splits.approved} approved, ${report.splits.rejected} rejected, ${report.splits.undecided} undecided`,
    );
    for (const [kind, counts] of Object.entries(report.edits.byKind)) {
      lines.push(
        `- edits \`${kind}\`: ${counts.applied} applied, ${counts.proposed} proposed, ${counts.reverted} reverted (${counts.auto} automatic, ${counts.editor} by the editor)`,
      );
    }
    for (const [kind, count] of Object.entries(report.flags.openByKind))
      lines.push(`- open flags \`${kind}\`: ${count}`);
  }
  return exportText(`${lines.join('\n')}\n`);
}

/** An issue's report as Markdown: the issue's totals, its pages in order, the names spelled two ways across it. */
export function issueReportMarkdown(report: IssueChangeReport): string {
  const { edits, characters, flags, splits } = report;
  const lines = [
    `# Change report: ${inline(report.title)}`,
    '',
    `- pages: ${report.pages.length}, articles: ${report.articles}`,
    `- CER raw → clean: ${percent(characters.errorRate)} (raw ${characters.raw}, clean ${characters.clean}, distance ${characters.distance})`,
    `- edits: ${edits.total.applied} applied, ${edits.total.proposed} proposed, ${edits.total.reverted} reverted (${edits.total.auto} automatic, ${edits.total.editor} by the editor)`,
    ...Object.entries(edits.byKind).map(
      ([kind, counts]) =>
        `- edits \`${kind}\`: ${counts.applied} applied, ${counts.proposed} proposed, ${counts.reverted} reverted`,
    ),
    `- open flags: ${flags.open}${
      Object.keys(flags.openByKind).length
        ? ` (${Object.entries(flags.openByKind)
            .map(([kind, count]) => `${kind} ${count}`)
            .join(', ')})`
        : ''
    }`,
    `- splits: ${splits.approved} approved, ${splits.rejected} rejected, ${splits.undecided} undecided`,
    '',
    '| # | page | source | articles | edits applied | CER raw → clean | open flags | undecided splits |',
    '|---|---|---|---|---|---|---|---|',
    ...report.pages.map(
      (page, index) =>
        `| ${[index + 1, inline(page.label), inline(page.source), page.articles, page.edits.total.applied, percent(page.characters.errorRate), page.flags.open, page.splits.undecided].join(' | ')} |`,
    ),
  ];
  if (report.nameVariants.length) {
    lines.push(
      '',
      '## Names spelled two ways',
      '',
      '| name | suggested | pages | flags | open |',
      '|---|---|---|---|---|',
    );
    for (const variant of report.nameVariants) {
      lines.push(
        `| ${[inline(variant.text), inline(variant.suggestion ?? '—'), variant.pages.map(inline).join(', '), variant.count, variant.open].join(' | ')} |`,
      );
    }
  }
  return exportText(`${lines.join('\n')}\n`);
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}
