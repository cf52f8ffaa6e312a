import type { PageAnalysis } from './analysis';
import type { Decision } from './decisions';

/**
 * Where a page stands in review: new → in-review (first edit) → approved (signed off, every split
 * decided). Exporting is a separate fact (the library's export state): it never changes this.
 */
export type PageStatus = 'new' | 'in-review' | 'approved';
export const PAGE_STATUSES: readonly PageStatus[] = ['new', 'in-review', 'approved'];

/** Who signed a page off, and when (milliseconds since the epoch). */
export interface Approval {
  by: string;
  at: number;
}

/** One imported page; `raw` is the text exactly as decoded and is never rewritten. */
export interface PageRecord {
  /** SHA-256 of the original bytes, hex: importing the same file twice finds the same page. */
  id: string;
  name: string;
  /** Size of the original file in bytes. */
  size: number;
  encoding: SourceEncoding;
  importedAt: number;
  status: PageStatus;
  /** Present while the page is approved; absent for pages approved before Galley recorded who. */
  approval?: Approval;
  raw: string;
}

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The editor's working state of a page: the analysis with every review decision applied to it. */
export interface ReviewRecord {
  pageId: string;
  analysis: PageAnalysis;
  updatedAt: number;
  /**
   * A later pipeline's analysis of an approved or exported page, with the decisions replayed on
   * it; the page is not changed under the editor until they accept it.
   */
  proposal?: ReanalysisProposal;
}

export interface ReanalysisProposal {
  analysis: PageAnalysis;
  /** The decisions that found no target in it, each marked with why. */
  needsLook: Decision[];
}

/**
 * A page imported again as a copy of one already in the library (the editor kept both): the
 * source's id and a number, so the content hash stays readable from the id.
 */
export function copyPageId(sourceId: string, copy: number): string {
  return `${sourceId}-${copy}`;
}

/** The content hash a page id is made of: the id itself, or a copy's source id. */
export function contentHashOfPageId(pageId: string): string {
  return pageId.replace(/-[1-9]\d*$/, '');
}
