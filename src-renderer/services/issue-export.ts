import { exportIssue } from '../../src-shared/export/batch';
import { exportableIssue } from '../../src-shared/export/issue';
import type { ExportFormat } from '../../src-shared/export/types';
import type { GalleyApi } from '../../src-shared/ipc/contract';
import { issueFileStem } from '../../src-shared/issues';
import type { GalleyDB, IssueRow, PageRow } from '../db/schema';
import { ExportError, loadExportable, recordExport } from './export';

/**
 * A whole issue (期) → one document per format, handed to the host. As with pages, the issue's
 * pages count as exported, with their manifests stored, only once the host says it saved.
 */

/** A page of the issue not approved yet, with what is open on it, for the warning before export. */
export interface OpenPage {
  pageId: string;
  position: number;
  name: string;
  pageNumber: number | null;
  pageName: string | null;
  status: PageRow['status'];
  openFlags: number | null;
  undecidedSplits: number | null;
}

/** The pages that keep the issue from being approved; empty once every page is approved. */
export function openPages(issue: IssueRow, pages: readonly (PageRow | undefined)[]): OpenPage[] {
  return issue.pages.flatMap((entry, position) => {
    const page = pages[position];
    if (!page || page.status === 'approved') return [];
    return [
      {
        pageId: page.id,
        position,
        name: page.name,
        pageNumber: entry.pageNumber,
        pageName: entry.pageName,
        status: page.status,
        openFlags: page.stats?.openFlags ?? null,
        undecidedSplits: page.stats?.undecidedSplits ?? null,
      },
    ];
  });
}

export type IssueExportOutcome = { saved: true; location: string; files: number } | { saved: false };

export async function runIssueExport(
  db: GalleyDB,
  host: Pick<GalleyApi, 'saveFiles'>,
  issueId: string,
  format: ExportFormat,
  now: () => number = Date.now,
): Promise<IssueExportOutcome> {
  const issue = await db.issues.get(issueId);
  if (!issue) throw new ExportError('the issue is no longer in the library');
  const pages = await loadExportable(db, issue.pageIds);
  const exportedAt = now();
  const files = await exportIssue(exportableIssue(issue, pages), format, { exportedAt });
  const result = await host.saveFiles({ suggestedName: issueFileStem(issue), files });
  if (!result.saved) return { saved: false };
  await recordExport(db, pages, format, exportedAt);
  return { saved: true, location: result.location, files: result.count };
}
