import { useLayoutEffect, type RefObject } from 'react';
import type { Article, CleanPage, Flag, PageAnalysis } from '../../../src-shared/model';
import { acceptFlag, approveBoundary, articleFlags, dismissFlag, rejectBoundary } from '../../../src-shared/review';
import { db } from '../../db/db';
import { selectPage } from '../../store/library';
import { openLibrary, openPage } from '../../store/ui';
import { nextPageToReview } from '../library/review-queue';
import {
  selectArticle,
  openMoveBlock,
  selectFlag,
  setChangeIndex,
  setSearchOpen,
  setShortcutsOpen,
  setSidePanel,
  useDesk,
} from '../../store/desk';
import { galley } from '../../bridge';
import { act, approvePage, reanalyseOpenPage, redo, undo } from './commands';
import { isTypingTarget } from '../typing';
import { stepInIssue } from './IssueNav';
import { keyCommand, type DeskCommand } from './keymap';
import { toggleFold, useDeskLayout } from './layout';

export interface DeskAreas {
  raw: RefObject<HTMLDivElement | null>;
  editor: RefObject<HTMLDivElement | null>;
  diff: RefObject<HTMLDivElement | null>;
}

/** Enter on a button or link activates it; it must not also accept a flag. */
function activatesOnEnter(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a, summary') !== null;
}

/**
 * The article the desk shows: the selected one, or the first. A selection not (yet) on the page,
 * such as an article just split off whose new state is still being read, is kept, not replaced.
 */
export function shownArticle(clean: CleanPage, articleId: string | null): Article | null {
  return clean.articles.find((a) => a.id === articleId) ?? clean.articles[0] ?? null;
}

/** Open flags of the page in reading order of articles, each with the article it sits in. */
function flagTrail(clean: CleanPage, analysis: PageAnalysis): { flag: Flag; articleId: string }[] {
  return clean.articles.flatMap((article) =>
    articleFlags(article, analysis.flags).map((flag) => ({ flag, articleId: article.id })),
  );
}

/** Opens the next page not approved after the open one, in library order. */
async function openNextPageToReview(): Promise<void> {
  const next = nextPageToReview(await db.pages.orderBy('name').toArray(), useDesk.getState().pageId);
  if (next) openPage(next.id);
}

export function useDeskKeys(clean: CleanPage | null, analysis: PageAnalysis | null, areas: DeskAreas): void {
  // Bound in the same task as the render that shows a new state: with a plain effect, a key pressed
  // between the paint and the effect ran against the state before (an approval just shown, then S
  // picked the split already approved and Y did nothing).
  useLayoutEffect(() => {
    if (!clean || !analysis) return;
    const step = <T>(list: readonly T[], index: number, by: number): T | undefined =>
      list.length === 0 ? undefined : list[(index + by + list.length) % list.length];

    const run: Record<DeskCommand, () => void> = {
      undo: () => void undo(),
      redo: () => void redo(),
      search: () => setSearchOpen(true),
      shortcuts: () => setShortcutsOpen(true),
      nextFlag: () => moveFlag(1),
      previousFlag: () => moveFlag(-1),
      accept: () => {
        const flag = currentFlag();
        if (flag?.suggestion != null) void act((p) => acceptFlag(p, flag.id)).then(() => moveFlag(1));
      },
      dismiss: () => {
        const flag = currentFlag();
        if (flag) void act((p) => dismissFlag(p, flag.id)).then(() => moveFlag(1));
      },
      nextSplit: () => moveSplit(),
      approveSplit: () => {
        const split = shownArticle(clean!, useDesk.getState().articleId)?.split;
        if (split?.boundary && split.status !== 'approved')
          void act((p) => approveBoundary(p, split.boundary!)).then(() => moveSplit());
      },
      rejectSplit: () => {
        const split = shownArticle(clean!, useDesk.getState().articleId)?.split;
        if (split?.boundary) void act((p) => rejectBoundary(p, split.boundary!));
      },
      approvePage: () => void approvePage(analysis!, clean!),
      nextPage: () => void openNextPageToReview(),
      library: () => {
        selectPage(useDesk.getState().pageId);
        openLibrary();
      },
      nextArticle: () => moveArticle(1),
      previousArticle: () => moveArticle(-1),
      nextChange: () => moveChange(1),
      previousChange: () => moveChange(-1),
      focusRaw: () => areas.raw.current?.querySelector<HTMLElement>('[tabindex]')?.focus(),
      focusEditor: () => areas.editor.current?.querySelector<HTMLElement>('textarea, input')?.focus(),
      focusDiff: () => areas.diff.current?.focus(),
      nextIssuePage: () => void stepInIssue(useDesk.getState().pageId!, 1),
      previousIssuePage: () => void stepInIssue(useDesk.getState().pageId!, -1),
      moveToArticle: () => {
        const { articleId, blockId } = useDesk.getState();
        const article = shownArticle(clean!, articleId);
        const movable = clean!.articles.some((a) => a !== article && a.blocks.length > 0);
        if (article && movable && article.blocks.some((b) => b.id === blockId)) openMoveBlock(article.id, blockId!);
      },
      reanalysePage: () => void reanalyseOpenPage(),
      toggleFields: () => toggleFold('fields'),
      toggleDiff: () => toggleFold('diff'),
    };

    function moveSplit() {
      // Undecided splits, least confident first: the doubtful ones are the editor's real work.
      const undecided = clean!.articles
        .filter((a) => a.split.status === 'proposed')
        .sort((a, b) => a.split.confidence - b.split.confidence);
      const index = undecided.findIndex((a) => a.id === useDesk.getState().articleId);
      const next = step(undecided, index, 1);
      if (next) selectArticle(next.id);
    }
    function currentFlag(): Flag | undefined {
      const { flagId } = useDesk.getState();
      return analysis!.flags.find((f) => f.id === flagId && f.status === 'open');
    }
    function moveFlag(by: number) {
      const trail = flagTrail(clean!, analysis!);
      const index = trail.findIndex((item) => item.flag.id === useDesk.getState().flagId);
      const next = step(trail, index === -1 && by > 0 ? -1 : index, by);
      if (!next) return;
      selectArticle(next.articleId);
      selectFlag(next.flag.id);
      setSidePanel('flags');
    }
    function moveArticle(by: number) {
      const index = clean!.articles.indexOf(shownArticle(clean!, useDesk.getState().articleId)!);
      const next = step(clean!.articles, index, by);
      if (next) selectArticle(next.id);
    }
    function moveChange(by: number) {
      // A folded diff has no marks to step to: the first press shows them.
      if (!useDeskLayout.getState().diff) {
        toggleFold('diff');
        return;
      }
      const marks = areas.diff.current?.querySelectorAll<HTMLElement>('[data-change]') ?? [];
      if (marks.length === 0) return;
      const index = (useDesk.getState().changeIndex + by + marks.length) % marks.length;
      setChangeIndex(index);
      areas.diff.current?.querySelector(`[data-change="${index}"]`)?.scrollIntoView({ block: 'nearest' });
    }

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const command = keyCommand(event, isTypingTarget(event.target));
      if (!command || (event.key === 'Enter' && activatesOnEnter(event.target))) return;
      // While a dialog is open only its own keys apply, wherever the focus went (a finished
      // download leaves it on the page): Esc closes the dialog, never the desk behind it.
      const inDialog = event.target instanceof HTMLElement && event.target.closest('dialog') !== null;
      if (command !== 'undo' && command !== 'redo' && (inDialog || document.querySelector('dialog[open]'))) return;
      event.preventDefault();
      run[command]();
    };
    window.addEventListener('keydown', onKeyDown);
    // The desktop menu's Edit items reach the desk as commands, not as key presses.
    const unsubscribe = galley.onMenuCommand((command) => {
      if (command === 'undo' || command === 'redo' || command === 'shortcuts') run[command]();
      if (command === 'find') run.search();
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [clean, analysis, areas.raw, areas.editor, areas.diff]);
}
