/**
 * A newspaper issue (期): one dated number of the paper with its pages in page order. Pages stay
 * records of their own; an issue only lists them, so a page belongs to at most one issue and a
 * loose page is simply one no issue lists.
 */
export interface IssueRecord {
  id: string;
  /** The newspaper's title (e.g. 四川科技报), when the evidence names it. */
  paper: string | null;
  /** ISO date `YYYY-MM-DD`, when known. */
  date: string | null;
  /** The issue number (期号) as printed, when known. */
  number: string | null;
  pages: IssuePage[];
  createdAt: number;
  updatedAt: number;
}

export interface IssuePage {
  pageId: string;
  /** The page number (第3版 → 3), when known; the list order is the page order either way. */
  pageNumber: number | null;
  /** The page name (版名, e.g. 地方科协), when known. */
  pageName: string | null;
}

/** What grouping found for one issue before anything is stored: the editor confirms or corrects it. */
export interface IssueGuess {
  /** Stable within one grouping run: inputs with the same key belong to the same issue. */
  key: string;
  paper: string | null;
  date: string | null;
  number: string | null;
  /** Inputs (by the caller's key) in page order. */
  pages: { input: string; pageNumber: number | null }[];
  /** Which evidence grouped them, for the import summary (e.g. the folder name or the file-name pattern). */
  evidence: 'folder' | 'file-name';
}
