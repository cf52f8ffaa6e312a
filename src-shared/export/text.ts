import type { Article } from '../model';
import { exportText, joinLines, utf8 } from './text-utils';
import { issueEntries, issueTitle, pageLabel } from './issue';
import type { ExportableIssue, ExportablePage, Exporter } from './types';

/**
 * The page as plain reading text, UTF-8, NFC, LF line endings: each article as kicker, title,
 * blocks, captions and credit, articles separated by a blank line. Furniture is left out: it is
 * not part of any article (TEI and JSON keep it).
 */
export function pageText(page: ExportablePage): string {
  return exportText(`${articlesText(page)}\n`);
}

/** A whole issue as reading text: its title, then each page under a `== 第3版 地方科协 ==` line, in page order. */
export function issueText(exportable: ExportableIssue): string {
  const pages = issueEntries(exportable).map(
    ({ entry, page }) => `== ${pageLabel(entry, page)} ==\n\n${articlesText(page)}`,
  );
  return exportText(`${[issueTitle(exportable.issue), ...pages].join('\n\n')}\n`);
}

function articlesText(page: ExportablePage): string {
  return page.clean.articles.map(articleText).join('\n\n');
}

function articleText(article: Article): string {
  const lines: string[] = [];
  if (article.section) lines.push(`【${article.section}】`);
  if (article.kicker) lines.push(article.kicker);
  lines.push(article.title);
  for (const block of article.blocks) lines.push(joinLines(block.text));
  for (const caption of article.captions) lines.push(`〔${caption}〕`);
  if (article.byline) lines.push(`（${article.byline}）`);
  return lines.join('\n');
}

export const textExporter: Exporter = {
  format: 'txt',
  label: 'Plain text',
  extension: 'txt',
  mime: 'text/plain;charset=utf-8',
  async exportPage(page, baseName) {
    return [{ name: `${baseName}.txt`, data: utf8(pageText(page)) }];
  },
  async exportIssue(issue, baseName) {
    return [{ name: `${baseName}.txt`, data: utf8(issueText(issue)) }];
  },
};
