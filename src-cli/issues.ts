import type { Io } from './command';
import type { LoadedPage } from './pages';
import type { IssueRecord } from '../src-shared/model';
import { groupByIssue, issueRecordFromGuess, proposePageName, type GuessedPage } from '../src-shared/issues';

export interface GroupedPages {
  /** Each issue's pages are its record's, in its order (an `ExportableIssue`). */
  issues: { issue: IssueRecord; pages: LoadedPage[] }[];
  loose: LoadedPage[];
}

/**
 * The loaded pages grouped into issues by their paths, as the app's import groups them, each
 * page named from its banner. What stays loose, and every doubt the grouping had, is told on
 * stderr, one line each, so nothing is grouped or left out silently.
 */
export function groupLoadedPages(pages: readonly LoadedPage[], command: string, io: Io): GroupedPages {
  const byKey = new Map(pages.map((page, index) => [String(index), page]));
  const grouping = groupByIssue(pages.map((page, index) => ({ key: String(index), path: page.file })));
  for (const doubt of grouping.doubts)
    io.stderr(`galley ${command}: ${byKey.get(doubt.input)!.file}: ${doubt.reason}\n`);
  const guessed = new Map<string, GuessedPage>(
    [...byKey].map(([key, page]) => [
      key,
      { pageId: page.page.id, pageName: proposePageName(page.analysis, page.page.raw) },
    ]),
  );
  const issues = grouping.issues.map((guess) => ({
    issue: issueRecordFromGuess(guess, guessed, { id: guess.key, now: 0 }),
    pages: guess.pages.map(({ input }) => byKey.get(input)!),
  }));
  const loose = grouping.loose.map((key) => byKey.get(key)!);
  for (const page of loose)
    io.stderr(
      `galley ${command}: ${page.file}: in no issue (no date or issue number in its folder or name), kept as a loose page\n`,
    );
  return { issues, loose };
}
