import { create } from 'zustand';

export type DiffMode = 'inline' | 'side';
export type SidePanel = 'changes' | 'flags';
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';
export type SeriesScope = 'page' | 'all' | 'chosen';

/** The series correction being prepared: what to find, what to put, and where. */
export interface SeriesDraft {
  search: string;
  replacement: string;
  scope: SeriesScope;
  /** Pages for scope `chosen`. */
  chosenPages: string[];
}

/** Review desk UI state: selections are ids, never copies of the review stored in Dexie. */
interface DeskState {
  pageId: string | null;
  articleId: string | null;
  blockId: string | null;
  flagId: string | null;
  diffMode: DiffMode;
  side: SidePanel;
  save: SaveState;
  search: string;
  searchOpen: boolean;
  series: SeriesDraft | null;
  /** The block "Move to article…" is choosing a new place for. */
  moving: { articleId: string; blockId: string } | null;
  shortcutsOpen: boolean;
  /** "Approve all splits above": the confidence the editor last chose. */
  threshold: number;
  /** Index of the diff change the next/previous keys are on. */
  changeIndex: number;
  /** An article just split off, whose title field takes the focus once it is shown. */
  focusTitleOf: string | null;
  /** Text typed in a block and not yet stored, by block id: the diff follows keystrokes, not writes. */
  drafts: Record<string, string>;
  /** Another tab or window has this page open for editing: this one shows it read-only. */
  openElsewhere: boolean;
}

const initialState: DeskState = {
  pageId: null,
  articleId: null,
  blockId: null,
  flagId: null,
  diffMode: 'inline',
  side: 'flags',
  save: 'idle',
  search: '',
  searchOpen: false,
  series: null,
  moving: null,
  shortcutsOpen: false,
  threshold: 0.8,
  changeIndex: -1,
  drafts: {},
  focusTitleOf: null,
  openElsewhere: false,
};

export const useDesk = create<DeskState>()(() => initialState);

export function resetDeskStore(): void {
  useDesk.setState(initialState, true);
}

/** A new page starts with nothing selected; the view settings stay as the editor left them. */
export function enterPage(pageId: string): void {
  const { diffMode, side, threshold } = useDesk.getState();
  useDesk.setState({ ...initialState, pageId, diffMode, side, threshold }, true);
}

export function setOpenElsewhere(openElsewhere: boolean): void {
  useDesk.setState({ openElsewhere });
}

export function selectArticle(articleId: string | null, blockId: string | null = null): void {
  useDesk.setState({ articleId, blockId, changeIndex: -1 });
}

export function selectBlock(blockId: string | null): void {
  useDesk.setState({ blockId });
}

export function selectFlag(flagId: string | null): void {
  useDesk.setState({ flagId });
}

export function setDiffMode(diffMode: DiffMode): void {
  useDesk.setState({ diffMode });
}

export function setSidePanel(side: SidePanel): void {
  useDesk.setState({ side });
}

export function setSaveState(save: SaveState): void {
  useDesk.setState({ save });
}

export function setSearch(search: string): void {
  useDesk.setState({ search });
}

export function setSearchOpen(searchOpen: boolean): void {
  useDesk.setState(searchOpen ? { searchOpen } : { searchOpen, search: '' });
}

export function openSeries(search: string, replacement = ''): void {
  useDesk.setState({ series: { search, replacement, scope: 'all', chosenPages: [] } });
}

export function updateSeries(change: Partial<SeriesDraft>): void {
  useDesk.setState((state) => (state.series ? { series: { ...state.series, ...change } } : {}));
}

export function closeSeries(): void {
  useDesk.setState({ series: null });
}

export function openMoveBlock(articleId: string, blockId: string): void {
  useDesk.setState({ moving: { articleId, blockId } });
}

export function closeMoveBlock(): void {
  useDesk.setState({ moving: null });
}

export function setShortcutsOpen(shortcutsOpen: boolean): void {
  useDesk.setState({ shortcutsOpen });
}

export function setThreshold(threshold: number): void {
  useDesk.setState({ threshold });
}

export function setChangeIndex(changeIndex: number): void {
  useDesk.setState({ changeIndex });
}

export function setBlockDraft(blockId: string, text: string | null): void {
  useDesk.setState((state) => {
    if (text === null && !(blockId in state.drafts)) return state;
    const drafts = { ...state.drafts };
    if (text === null) delete drafts[blockId];
    else drafts[blockId] = text;
    return { drafts };
  });
}

export function focusTitleWhenShown(articleId: string | null): void {
  useDesk.setState({ focusTitleOf: articleId });
}
