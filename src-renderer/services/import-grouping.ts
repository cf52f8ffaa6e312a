import type { SourceFile } from '../../src-shared/ipc/contract';
import { groupByIssue, type GroupProblem } from '../../src-shared/issues/group';
import type { IssueGuess } from '../../src-shared/model';
import { contentHash } from '../../src-shared/pipeline/decode';
import type { GalleyDB, PageRow } from '../db/schema';
import type { IssueDraft } from './issues';

/**
 * After an import: which issues the files' folders and names point to, for the import summary to
 * show and the editor to confirm or correct before anything is stored. A file counts once it is a
 * page in the library, imported now or already there (the same bytes are the same page).
 */

export interface ProposedPage {
  pageId: string;
  name: string;
  /** The path grouping read (the file's path below the folder, or its name). */
  path: string;
  pageNumber: number | null;
}

export interface ProposedIssue extends Omit<IssueGuess, 'pages'> {
  pages: ProposedPage[];
}

export interface GroupingProposal {
  issues: ProposedIssue[];
  loose: ProposedPage[];
  /** Evidence grouping could not use, by file: shown so the editor knows why a page stayed loose. */
  doubts: Array<{ name: string; problem: GroupProblem }>;
}

/** The editor's corrections: issue fields by guess key, and where each page goes (a guess key, or null for loose). */
export interface GroupingCorrection {
  fields: Record<string, Pick<IssueDraft, 'paper' | 'date' | 'number'>>;
  placement: Record<string, string | null>;
}

/** Null when no file points to an issue: there is nothing to ask. */
export async function proposeGrouping(db: GalleyDB, files: readonly SourceFile[]): Promise<GroupingProposal | null> {
  const pages = files.filter((file) => file.refused === undefined && !file.name.toLowerCase().endsWith('.json'));
  const ids = await Promise.all(pages.map((file) => contentHash(file.bytes)));
  const rows = await db.pages.bulkGet(ids);
  const byKey = new Map<string, ProposedPage>();
  const seen = new Set<string>();
  pages.forEach((file, index) => {
    const row: PageRow | undefined = rows[index];
    if (!row || seen.has(row.id)) return;
    seen.add(row.id);
    byKey.set(String(index), { pageId: row.id, name: row.name, path: file.path ?? file.name, pageNumber: null });
  });
  const grouping = groupByIssue([...byKey.entries()].map(([key, page]) => ({ key, path: page.path })));
  if (grouping.issues.length === 0) return null;
  return {
    issues: grouping.issues.map(({ pages: guessed, ...issue }) => ({
      ...issue,
      pages: guessed.map(({ input, pageNumber }) => ({ ...byKey.get(input)!, pageNumber })),
    })),
    loose: grouping.loose.map((key) => byKey.get(key)!),
    doubts: grouping.doubts.map(({ input, problem }) => ({ name: byKey.get(input)?.path ?? input, problem })),
  };
}

/** The proposal with the editor's corrections, as issues to store; a page moved into an issue follows its page number. */
export function correctedDrafts(proposal: GroupingProposal, correction: GroupingCorrection): IssueDraft[] {
  const all = [
    ...proposal.issues.flatMap((issue) => issue.pages.map((page) => ({ page, from: issue.key as string | null }))),
    ...proposal.loose.map((page) => ({ page, from: null })),
  ];
  return proposal.issues.flatMap((issue) => {
    const fields = correction.fields[issue.key] ?? { paper: issue.paper, date: issue.date, number: issue.number };
    const placed = all
      .map((item, position) => ({ ...item, position }))
      .filter(
        ({ page, from }) =>
          (Object.hasOwn(correction.placement, page.pageId) ? correction.placement[page.pageId] : from) === issue.key,
      )
      .sort((a, b) => (a.page.pageNumber ?? Infinity) - (b.page.pageNumber ?? Infinity) || a.position - b.position);
    if (placed.length === 0) return [];
    return [
      {
        ...fields,
        pages: placed.map(({ page }) => ({ pageId: page.pageId, pageNumber: page.pageNumber, pageName: null })),
      },
    ];
  });
}
