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

/**
 * The clean page each analysis was last derived into. Analyses are values (an action makes a new
 * one), so the desk showing a page and the action run on it share one derivation: on the largest
 * page `materialize` takes most of a second.
 */
const derived = new WeakMap<PageAnalysis, { raw: string; clean: CleanPage }>();

/** The page's clean articles, derived once per analysis; treat the result as read-only, it is shared. */
export function cleanOf(page: ReviewPage): CleanPage {
  const known = derived.get(page.analysis);
  if (known?.raw === page.raw) return known.clean;
  const clean = materialize(page.raw, page.analysis);
  derived.set(page.analysis, { raw: page.raw, clean });
  return clean;
}

export function findArticle(clean: CleanPage, articleId: string): Article {
  const article = clean.articles.find((a) => a.id === articleId);
  if (!article) throw new RangeError(`no article ${articleId} on this page (${clean.articles.length} articles)`);
  return article;
}
