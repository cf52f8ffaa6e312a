import { materialize, type Article, type CleanPage, type PageAnalysis } from '../model';

/** What every review action reads: one page's raw text and its current review state. */
export interface ReviewPage {
  pageId: string;
  raw: string;
  analysis: PageAnalysis;
}

/** Ids for edits and boundaries the editor creates; unique without coordination. */
export function newId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID().slice(0, 13)}`;
}

export function cleanOf(page: ReviewPage): CleanPage {
  return materialize(page.raw, page.analysis);
}

export function findArticle(clean: CleanPage, articleId: string): Article {
  const article = clean.articles.find((a) => a.id === articleId);
  if (!article) throw new RangeError(`no article ${articleId} on this page (${clean.articles.length} articles)`);
  return article;
}
