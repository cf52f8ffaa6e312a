import { create } from 'zustand';
import type { Language, Theme } from '../db/schema';
import { errorText } from '../error-text';

export type Route = { name: 'library' } | { name: 'page'; pageId: string };

export type NoticeTone = 'info' | 'error';

export interface Notice {
  id: number;
  tone: NoticeTone;
  /** i18n key and values, so a notice follows a language switch. */
  key: string;
  values?: Record<string, string | number>;
  /** One line per file concerned: "name: reason", the reason as text or as an i18n key and values. */
  details?: NoticeDetail[];
  /** Notices that answer one question (may this page be approved?): the latest answer replaces the earlier. */
  topic?: string;
  /** The program's own words for what went wrong (an error's message), shown secondary and untranslated. */
  technical?: string;
  /** What the user can do about it, one button; a notice with one stays until it is used or dismissed. */
  action?: NoticeAction;
}

export interface NoticeAction {
  /** i18n key of the button's label. */
  key: string;
  run: () => void;
}

export type NoticeDetail = string | { name: string; key: string; values?: Record<string, string | number> };

interface UiState {
  route: Route;
  language: Language;
  theme: Theme;
  /** The name approvals are signed with; '' until the editor sets it. */
  editorName: string;
  notices: Notice[];
}

const initialState: UiState = {
  route: { name: 'library' },
  language: 'zh',
  theme: 'light',
  editorName: '',
  notices: [],
};

export const useUi = create<UiState>()(() => initialState);

export function resetUiStore(): void {
  useUi.setState(initialState, true);
}

export function openPage(pageId: string): void {
  useUi.setState({ route: { name: 'page', pageId } });
}

export function openLibrary(): void {
  useUi.setState({ route: { name: 'library' } });
}

/** Store only: persisting and applying the choice is `preferences.ts`, which calls these. */
export function setLanguageState(language: Language): void {
  useUi.setState({ language });
}

export function setThemeState(theme: Theme): void {
  useUi.setState({ theme });
}

export function setEditorNameState(editorName: string): void {
  useUi.setState({ editorName });
}

let nextNoticeId = 1;

export function pushNotice(notice: Omit<Notice, 'id'>): number {
  const id = nextNoticeId++;
  useUi.setState((state) => ({ notices: [...state.notices, { ...notice, id }] }));
  return id;
}

/** The notices on `topic` become `notices`: none at all leaves nothing on the topic. */
export function replaceNotices(topic: string, notices: readonly Omit<Notice, 'id' | 'topic'>[]): void {
  useUi.setState((state) => ({
    notices: [
      ...state.notices.filter((notice) => notice.topic !== topic),
      ...notices.map((notice) => ({ ...notice, topic, id: nextNoticeId++ })),
    ],
  }));
}

/** An error notice whose translated message says what failed; the error itself is its technical detail. */
export function pushFailure(key: string, error: unknown, values?: Notice['values']): number {
  return pushNotice({ tone: 'error', key, ...(values ? { values } : {}), technical: errorText(error) });
}

export function dismissNotice(id: number): void {
  useUi.setState((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
}
