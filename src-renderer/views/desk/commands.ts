import type { PageAnalysis } from '../../../src-shared/model';
import { pageApproval, type HistoryEntry, type ReviewPage } from '../../../src-shared/review';
import { db } from '../../db/db';
import { setSaveState, useDesk } from '../../store/desk';
import { pushFailure, pushNotice, useUi } from '../../store/ui';
import { changePageStatus, commitAction, travel } from '../../db/reviews';

/** Every desk write goes through here, so the saved/saving indicator and errors are told one way; a page open in another tab is not written. */
async function saving<T>(write: () => Promise<T>): Promise<T | null> {
  if (useDesk.getState().openElsewhere) {
    pushNotice({ tone: 'info', key: 'desk:notice.openElsewhere' });
    return null;
  }
  setSaveState('saving');
  try {
    const result = await write();
    setSaveState('saved');
    return result;
  } catch (error) {
    setSaveState('error');
    pushFailure('desk:notice.saveFailed', error);
    return null;
  }
}

/** Runs a review action on the open page and stores it at once; changing an approved page says it went back to review. */
export async function act(make: (page: ReviewPage) => HistoryEntry): Promise<HistoryEntry | null> {
  const { pageId } = useDesk.getState();
  if (!pageId) return null;
  const wasApproved = (await db.pages.get(pageId))?.status === 'approved';
  const step = await saving(() => commitAction(db, [pageId], ([page]) => make(page)));
  if (step && wasApproved) pushNotice({ tone: 'info', key: 'desk:notice.reopened' });
  return step;
}

/** Runs an action spanning several pages (a series correction) as one undoable step. */
export function actOnPages(
  pageIds: readonly string[],
  make: (pages: ReviewPage[]) => HistoryEntry,
): Promise<HistoryEntry | null> {
  return saving(() => commitAction(db, pageIds, make));
}

export async function undo(): Promise<void> {
  await timeTravel('undo');
}

export async function redo(): Promise<void> {
  await timeTravel('redo');
}

async function timeTravel(direction: 'undo' | 'redo'): Promise<void> {
  const { pageId } = useDesk.getState();
  if (!pageId) return;
  const step = await saving(() => travel(db, pageId, direction));
  if (useDesk.getState().save === 'error') return;
  if (step === null)
    pushNotice({ tone: 'info', key: direction === 'undo' ? 'desk:notice.nothingToUndo' : 'desk:notice.nothingToRedo' });
  else
    pushNotice({
      tone: 'info',
      key: direction === 'undo' ? 'desk:notice.undone' : 'desk:notice.redone',
      values: { label: step.label },
    });
}

/** A page is approved once every split is decided; open flags only bring a warning. The approval records who and when. */
export async function approvePage(analysis: PageAnalysis, now: number = Date.now()): Promise<void> {
  const { pageId } = useDesk.getState();
  if (!pageId) return;
  const check = pageApproval(analysis);
  if (!check.allowed) {
    pushNotice({ tone: 'error', key: 'desk:notice.splitsUndecided', values: { count: check.undecidedSplits } });
    return;
  }
  const by = useUi.getState().editorName;
  await saving(() => changePageStatus(db, pageId, 'approved', 'page.approve', { by, at: now }));
  if (!by) pushNotice({ tone: 'info', key: 'desk:notice.approvedUnnamed' });
  if (check.openFlags > 0)
    pushNotice({ tone: 'info', key: 'desk:notice.approvedWithFlags', values: { count: check.openFlags } });
}
