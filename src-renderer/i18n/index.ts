import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../db/schema';

export const LANGUAGES: readonly Language[] = ['zh', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh';

/** Every `locales/<language>/<namespace>.json`; a new namespace is a new file, nothing to register. */
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { import: 'default', eager: true });

function resources() {
  const byLanguage: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, strings] of Object.entries(files)) {
    const [, language, namespace] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    (byLanguage[language] ??= {})[namespace] = strings;
  }
  return byLanguage;
}

const bundles = resources();

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: bundles,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  ns: Object.keys(bundles[DEFAULT_LANGUAGE] ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

/** The `lang` attribute matters for CJK: it picks Simplified Chinese glyphs over Japanese ones. */
export function htmlLang(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}
