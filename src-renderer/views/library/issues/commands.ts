import { groupByIssue } from '../../../../src-shared/issues/group';
import { db } from '../../../db/db';
import { addToIssue, createIssue, makeLoose, movePage, travelIssues, type IssueStep } from '../../../services/issues';
import { proposeGrouping } from '../../../services/import-grouping';
import type { SourceFile } from '../../../../src-shared/ipc/contract';
import { clearChecked, editIssue, setCursor, setExpanded, setGrouping, useIssues } from '../../../store/issues';
import { pushFailure, pushNotice } from '../../../store/ui';

/** Intents of the library's issue controls: each runs a service and reports through the stores. */

async function reporting<T>(write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (error) {
    pushFailure('issues:notice.failed', error);
    return null;
  }
}

/** A new issue of the ticked pages; its fields start from what their names say, and its editor opens. */
export async function groupChecked(): Promise<void> {
  const { checked } = useIssues.getState();
  if (checked.length === 0) return;
  const rows = (await db.pages.bulkGet(checked)).filter((row) => row !== undefined);
  const guess = groupByIssue(rows.map((row) => ({ key: row.id, path: row.name }))).issues[0];
  const order = guess
    ? [
        ...guess.pages.map((page) => page.input),
        ...checked.filter((id) => !guess.pages.some((page) => page.input === id)),
      ]
    : checked;
  const id = await reporting(() =>
    createIssue(db, { paper: guess?.paper ?? null, date: guess?.date ?? null, number: guess?.number ?? null }, order),
  );
  if (!id) return;
  clearChecked();
  setExpanded(id, true);
  setCursor(id);
  editIssue(id);
}

export async function addCheckedTo(issueId: string): Promise<void> {
  const { checked } = useIssues.getState();
  if (checked.length === 0) return;
  if (await reporting(() => addToIssue(db, issueId, checked))) {
    clearChecked();
    setExpanded(issueId, true);
  }
}

export async function loosenChecked(): Promise<void> {
  const { checked } = useIssues.getState();
  if (checked.length > 0 && (await reporting(() => makeLoose(db, checked)))) clearChecked();
}

export function moveInIssue(pageId: string, by: number): Promise<IssueStep | null> {
  return reporting(() => movePage(db, pageId, by));
}

export async function travelIssueHistory(direction: 'undo' | 'redo'): Promise<void> {
  const step = await reporting(() => travelIssues(db, direction));
  if (step)
    pushNotice({
      tone: 'info',
      key: direction === 'undo' ? 'issues:notice.undone' : 'issues:notice.redone',
      values: { label: step.label },
    });
  else
    pushNotice({
      tone: 'info',
      key: direction === 'undo' ? 'issues:notice.nothingToUndo' : 'issues:notice.nothingToRedo',
    });
}

/** After an import: the grouping found, for the editor to confirm; nothing is asked when no file names an issue. */
export async function offerGrouping(files: readonly SourceFile[]): Promise<void> {
  const proposal = await reporting(() => proposeGrouping(db, files));
  if (proposal) setGrouping(proposal);
}
