import { db } from './db/db';
import type { Language, Theme } from './db/schema';
import { DEFAULT_LANGUAGE, htmlLang, i18n, LANGUAGES } from './i18n';
import { pushNotice, setLanguageState, setThemeState } from './store/ui';

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
 * Applies the stored language and theme; without a stored theme, the system's choice. When the
 * database cannot be opened (storage disabled, or a newer Galley upgraded it) the defaults apply
 * and the user is told why the library stays empty.
 */
export async function loadPreferences(): Promise<void> {
  let stored: [Language | undefined, Theme | undefined] = [undefined, undefined];
  try {
    stored = await Promise.all([db.getMeta('language'), db.getMeta('theme')]);
  } catch (error) {
    pushNotice({ tone: 'error', key: 'common:storageUnavailable', values: { reason: error instanceof Error ? error.message : String(error) } });
  }
  const [language, theme] = stored;
  applyLanguage(language && LANGUAGES.includes(language) ? language : DEFAULT_LANGUAGE);
  applyTheme(theme ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
}

export async function setLanguage(language: Language): Promise<void> {
  applyLanguage(language);
  await db.setMeta('language', language);
}

export async function setTheme(theme: Theme): Promise<void> {
  applyTheme(theme);
  await db.setMeta('theme', theme);
}
