import { stringify } from 'yaml';
import type { Article } from '../model';
import type { OutputFile } from '../ipc/contract';
import { exportText, isoDate, joinLines, padIndex, safeFileName, utf8 } from './text-utils';
import { issueEntries, pageLabel, paperTitle } from './issue';
import type { ExportableIssue, ExportablePage, Exporter } from './types';

/** The front matter of one article file; the same fields describe each article of a page file. */
export interface ArticleFrontMatter {
  id: string;
  source: string;
  page: string;
  section: string | null;
  kicker: string | null;
  title: string;
  byline: string | null;
  captions: string[];
  /** Who approved the page, and when (ISO 8601); null while nobody has. */
  reviewer: string | null;
  reviewed: string | null;
}

export function articleFrontMatter(
  { page, reviewer, reviewedAt }: ExportablePage,
  article: Article,
): ArticleFrontMatter {
  return {
    id: article.id,
    source: page.name,
    page: page.id,
    section: article.section,
    kicker: article.kicker,
    title: article.title,
    byline: article.byline,
    captions: article.captions,
    reviewer: reviewer ?? null,
    reviewed: reviewedAt === undefined ? null : isoDate(reviewedAt),
  };
}

/** One Markdown file for one article: front matter, then title, blocks and captions. */
export function articleMarkdown(page: ExportablePage, article: Article): string {
  return exportText(`${frontMatter(articleFrontMatter(page, article))}\n${articleBody(article, 1)}`);
}

/** One Markdown file for a whole page; the front matter lists every article's fields. */
export function pageMarkdown(page: ExportablePage): string {
  const matter = {
    source: page.page.name,
    page: page.page.id,
    articles: page.clean.articles.map((article) => articleFrontMatter(page, article)),
  };
  return exportText(`${frontMatter(matter)}\n${articlesBody(page, 2)}`);
}

/**
 * One Markdown file for a whole issue: front matter with the paper, date, number and every page
 * (number, name, source, articles), then a level-1 heading per page with its articles under it.
 */
export function issueMarkdown(exportable: ExportableIssue): string {
  const { issue } = exportable;
  const entries = issueEntries(exportable);
  const matter = {
    paper: paperTitle(issue),
    date: issue.date,
    number: issue.number,
    pages: entries.map(({ entry, page }) => ({
      number: entry.pageNumber,
      name: entry.pageName,
      source: page.page.name,
      page: page.page.id,
      articles: page.clean.articles.map((article) => articleFrontMatter(page, article)),
    })),
  };
  const body = entries
    .map(({ entry, page }) => `# ${inline(pageLabel(entry, page))}\n\n${articlesBody(page, 2)}`)
    .join('\n');
  return exportText(`${frontMatter(matter)}\n${body}`);
}

function articlesBody(page: ExportablePage, level: number): string {
  return page.clean.articles.map((article) => articleBody(article, level)).join('\n');
}

function frontMatter(value: object): string {
  // lineWidth 0: no folding, so a long title stays one line and diffs stay readable.
  return `---\n${stringify(value, { lineWidth: 0, minContentWidth: 0 })}---\n`;
}

function articleBody(article: Article, level: number): string {
  const hashes = '#'.repeat(level);
  const lines: string[] = [];
  if (article.kicker) lines.push(`*${inline(article.kicker)}*`, '');
  lines.push(`${hashes} ${inline(article.title || 'Untitled')}`, '');
  for (const block of article.blocks) {
    const text = inline(block.text);
    lines.push(block.type === 'subhead' ? `${hashes}# ${text}` : text, '');
  }
  for (const caption of article.captions) lines.push(`*${inline(caption)}*`, '');
  if (article.byline) lines.push(`（${inline(article.byline)}）`, '');
  return lines.join('\n');
}

/**
 * Text as one Markdown line that renders as written: inner line breaks are joined (they are
 * layout), characters with inline meaning are escaped (`&` too, so `&lt;` stays those four
 * characters, and `|`, so the text is safe in a table cell), and a line start that would open a
 * block (heading, list, quote, numbered item) is escaped too. The one escape for every text put in
 * Markdown, here and in report.md.
 */
export function inline(text: string): string {
  return joinLines(text)
    .replace(/[\\`*_[\]<>|&~]/g, (c) => `\\${c}`)
    .replace(/^[#>+=-]/, (start) => `\\${start}`)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

export const markdownExporter: Exporter = {
  format: 'md',
  label: 'Markdown',
  extension: 'md',
  mime: 'text/markdown',
  async exportPage(page, baseName, options) {
    if (options.markdownLayout === 'page') return [{ name: `${baseName}.md`, data: utf8(pageMarkdown(page)) }];
    const width = Math.max(2, String(page.clean.articles.length).length);
    return page.clean.articles.map((article, index): OutputFile => ({
      name: `${baseName}/${padIndex(index + 1, width)}_${safeFileName(article.title)}.md`,
      data: utf8(articleMarkdown(page, article)),
    }));
  },
  async exportIssue(issue, baseName) {
    return [{ name: `${baseName}.md`, data: utf8(issueMarkdown(issue)) }];
  },
};
