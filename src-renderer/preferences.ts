import { db } from './db/db';
import type { Language, Theme } from './db/schema';
import { DEFAULT_LANGUAGE, htmlLang, i18n, LANGUAGES } from './i18n';
import { pushFailure, setEditorNameState, setLanguageState, setThemeState } from './store/ui';

function applyLanguage(language: Language): void {
  setLanguageState(language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = htmlLang(language);
}

function applyTheme(theme: Theme): void {
  setThemeState(theme);
  document.documentElement.dataset.theme = theme;
}

/**
 * The choices are also kept in localStorage, written synchronously: a database write can wait
 * behind the background analysis' transactions, and a reload or quit right after switching the
 * theme must not lose it. Read first at start, it also spares the page a flash of the wrong theme.
 */
const MIRROR = { language: 'galley.language', theme: 'galley.theme' } as const;

function mirrored<K extends keyof typeof MIRROR>(key: K): string | undefined {
  try {
    return localStorage.getItem(MIRROR[key]) ?? undefined;
  } catch {
    return undefined;
  }
}

function mirror(key: keyof typeof MIRROR, value: string): void {
  try {
    localStorage.setItem(MIRROR[key], value);
  } catch {
    // Storage disabled: the database copy still holds the choice.
  }
}

const isTheme = (value: unknown): value is Theme => value === 'light' || value === 'dark';

/**
 * Applies the stored language and theme; without a stored theme, the system's choice. When the
 * database cannot be opened (storage disabled, or a newer Galley upgraded it) the defaults apply
 * and the user is told why the library stays empty.
 */
export async function loadPreferences(): Promise<void> {
  const quickTheme = mirrored('theme');
  if (isTheme(quickTheme)) applyTheme(quickTheme);
  let stored: [Language | undefined, Theme | undefined, string | undefined] = [undefined, undefined, undefined];
  try {
    stored = await Promise.all([db.getMeta('language'), db.getMeta('theme'), db.getMeta('editorName')]);
  } catch (error) {
    pushFailure('common:storageUnavailable', error);
  }
  const quickLanguage = mirrored('language') as Language | undefined;
  const language = quickLanguage && LANGUAGES.includes(quickLanguage) ? quickLanguage : stored[0];
  const theme = isTheme(quickTheme) ? quickTheme : stored[1];
  applyLanguage(language && LANGUAGES.includes(language) ? language : DEFAULT_LANGUAGE);
  applyTheme(theme ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  setEditorNameState(stored[2] ?? '');
}

export async function setLanguage(language: Language): Promise<void> {
  applyLanguage(language);
  mirror('language', language);
  await db.setMeta('language', language);
}

export async function setTheme(theme: Theme): Promise<void> {
  applyTheme(theme);
  mirror('theme', theme);
  await db.setMeta('theme', theme);
}

/** The name approvals and exports are signed with; set once, kept until changed. */
export async function setEditorName(name: string): Promise<void> {
  const trimmed = name.trim();
  setEditorNameState(trimmed);
  await db.setMeta('editorName', trimmed);
}
