import type { Article, CleanPage, PageAnalysis } from '../../../src-shared/model';
import { pageApproval, type HistoryEntry, type PageApproval, type ReviewPage } from '../../../src-shared/review';
import { db } from '../../db/db';
import { setSaveState, useDesk } from '../../store/desk';
import { pushFailure, pushNotice, replaceNotices, useUi, type Notice } from '../../store/ui';
import { changePageStatus, commitAction, travel } from '../../db/reviews';
import { reanalysePage } from '../../services/reanalyze';
import { createWorkerAnalyzer } from '../../workers/worker-analyzer';
import { chiefOnlyReason, useTeam } from '../../sync/team-state';

/**
 * Every desk write goes through here, so the saved/saving indicator and errors are told one way; a
 * page open in another tab is not written. `failure` is what the error notice says went wrong.
 */
async function saving<T>(write: () => Promise<T>, failure = 'desk:notice.saveFailed'): Promise<T | null> {
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
    pushFailure(failure, error);
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

/**
 * Re-analyses the open page with this build's pipeline, in a worker of its own, the editor's
 * decisions replayed onto it. The notice says whether the page changed (undoable) or, being
 * approved or exported, got a proposal to look at.
 */
export async function reanalyseOpenPage(): Promise<void> {
  const { pageId } = useDesk.getState();
  if (!pageId) return;
  const worker = createWorkerAnalyzer();
  try {
    const done = await saving(() => reanalysePage(db, worker.analyze, pageId), 'desk:notice.reanalyseFailed');
    if (done) pushNotice({ tone: 'info', key: REANALYSIS_NOTICE[done.outcome] });
  } finally {
    worker.terminate();
  }
}

const REANALYSIS_NOTICE = {
  taken: 'desk:notice.reanalysed',
  unchanged: 'desk:notice.reanalysedUnchanged',
  proposed: 'desk:notice.reanalysisProposed',
} as const;

/**
 * A page is approved once every split is decided and every article split off by the editor has a
 * title; open flags only bring a warning. The approval records who and when.
 */
export async function approvePage(analysis: PageAnalysis, clean: CleanPage, now: number = Date.now()): Promise<void> {
  const { pageId } = useDesk.getState();
  if (!pageId) return;
  // On a team only the chief approves (the server refuses anyone else); the shortcut comes here too.
  const notChief = chiefOnlyReason(useTeam.getState());
  if (notChief) {
    replaceNotices(APPROVAL, [{ tone: 'error', key: `team:chiefOnly.${notChief}` }]);
    return;
  }
  const check = pageApproval(analysis, clean);
  // Every try answers the one before: a refusal still on screen goes, whatever this try brings.
  if (!check.allowed) {
    replaceNotices(APPROVAL, refusals(check));
    return;
  }
  replaceNotices(APPROVAL, []);
  const by = useUi.getState().editorName;
  await saving(() => changePageStatus(db, pageId, 'approved', 'page.approve', { by, at: now }));
  // Not approved after all (the write failed, or another tab holds the page): that was told already.
  if (useDesk.getState().save === 'error' || useDesk.getState().openElsewhere) return;
  const warnings: NoticeText[] = [];
  if (!by) warnings.push({ tone: 'info', key: 'desk:notice.approvedUnnamed' });
  if (check.openFlags > 0)
    warnings.push({ tone: 'info', key: 'desk:notice.approvedWithFlags', values: { count: check.openFlags } });
  replaceNotices(APPROVAL, warnings);
}

/** The topic of the notices that answer "approve page". */
const APPROVAL = 'desk:approve-page';

type NoticeText = Omit<Notice, 'id' | 'topic'>;

function refusals(check: PageApproval): NoticeText[] {
  const said: NoticeText[] = [];
  if (check.undecidedSplits > 0)
    said.push({ tone: 'error', key: 'desk:notice.splitsUndecided', values: { count: check.undecidedSplits } });
  const [untitled] = check.untitledSplits;
  if (untitled)
    said.push({
      tone: 'error',
      key: 'desk:notice.splitsUntitled',
      values: { count: check.untitledSplits.length, opening: openingWords(untitled) },
    });
  return said;
}

/** How a notice names an article that has no title: the start of its first paragraph. */
function openingWords(article: Article): string {
  const text = article.blocks[0]?.text.trim() ?? '';
  return text.length > OPENING_LENGTH ? `${text.slice(0, OPENING_LENGTH)}…` : text;
}

const OPENING_LENGTH = 12;
