import type { IssueGuess, IssueRecord } from '../model/issue';

/** A stored page as the issue record needs it. */
export interface GuessedPage {
  pageId: string;
  /** The proposed page name (`proposePageName`), or null. */
  pageName: string | null;
}

/**
 * The record for a grouping guess the editor confirmed: the guess's fields, its pages in its
 * order. `pages` maps each input key of the guess to its stored page.
 */
export function issueRecordFromGuess(
  guess: IssueGuess,
  pages: ReadonlyMap<string, GuessedPage>,
  { id, now }: { id: string; now: number },
): IssueRecord {
  return {
    id,
    paper: guess.paper,
    date: guess.date,
    number: guess.number,
    pages: guess.pages.map(({ input, pageNumber }) => {
      const page = pages.get(input);
      if (!page) throw new Error(`no page for the input ${input} of issue ${guess.key}`);
      return { pageId: page.pageId, pageNumber, pageName: page.pageName };
    }),
    createdAt: now,
    updatedAt: now,
  };
}
