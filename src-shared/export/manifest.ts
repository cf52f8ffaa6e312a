import type { Article } from '../model';
import { isoDate, nfc, textHash } from './text-utils';
import type { ExportablePage, ExportFormat } from './types';

/** What one export of a page contained; the app stores the last one per page to tell what changed since. */
export interface ExportManifest {
  pageId: string;
  format: ExportFormat;
  exportedAt: number;
  articles: ManifestArticle[];
}

export interface ManifestArticle {
  id: string;
  title: string;
  /** Hash of everything the article exports: section, kicker, title, blocks, captions, byline. */
  hash: string;
}

export function exportManifest(page: ExportablePage, format: ExportFormat, exportedAt: number): ExportManifest {
  return {
    pageId: page.page.id,
    format,
    exportedAt,
    articles: page.clean.articles.map((article) => ({
      id: article.id,
      title: article.title,
      hash: articleHash(article),
    })),
  };
}

function articleHash(article: Article): string {
  const content = [
    article.section,
    article.kicker,
    article.title,
    article.blocks.map((block) => [block.type, block.text]),
    article.captions,
    article.byline,
  ];
  return textHash(nfc(JSON.stringify(content)));
}

export interface ExportChanges {
  /** No earlier export of this page is known. */
  firstExport: boolean;
  added: ManifestArticle[];
  removed: ManifestArticle[];
  changed: ManifestArticle[];
  unchanged: number;
  /** One English sentence for the export dialog and the CLI. */
  summary: string;
}

/**
 * What changed in a page since its previous export, by article id (an article keeps its id while
 * its opening split stands; splitting or merging shows as added/removed articles).
 */
export function describeChanges(previous: ExportManifest | undefined, next: ExportManifest): ExportChanges {
  if (!previous) {
    return {
      firstExport: true,
      added: next.articles,
      removed: [],
      changed: [],
      unchanged: 0,
      summary: `First export: ${plural(next.articles.length, 'article')}.`,
    };
  }
  const before = new Map(previous.articles.map((article) => [article.id, article]));
  const after = new Set(next.articles.map((article) => article.id));
  const added = next.articles.filter((article) => !before.has(article.id));
  const changed = next.articles.filter(
    (article) => before.has(article.id) && before.get(article.id)?.hash !== article.hash,
  );
  const removed = previous.articles.filter((article) => !after.has(article.id));
  const unchanged = next.articles.length - added.length - changed.length;
  const since = `since the export of ${isoDate(previous.exportedAt)}`;
  const parts = [listed(added, 'added'), listed(changed, 'changed'), listed(removed, 'removed')].filter(
    (part) => part !== '',
  );
  const summary = parts.length === 0 ? `No change ${since}.` : `Changed ${since}: ${parts.join('; ')}.`;
  return { firstExport: false, added, removed, changed, unchanged, summary };
}

function listed(articles: readonly ManifestArticle[], what: string): string {
  if (articles.length === 0) return '';
  return `${plural(articles.length, 'article')} ${what} (${articles.map((article) => `“${article.title || article.id}”`).join(', ')})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
