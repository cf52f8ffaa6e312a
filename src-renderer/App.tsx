import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { pickAndImport } from './commands';
import type { Language, Theme } from './db/schema';
import { LANGUAGES } from './i18n';
import { setLanguage, setTheme } from './preferences';
import { EditorNameField } from './views/EditorNameField';
import { PageAssignment } from './views/PageAssignment';
import { TeamConflicts } from './views/TeamConflicts';
import { TeamServerField } from './views/TeamServerField';
import { TeamSignIn } from './views/TeamSignIn';
import { useLibrary } from './store/library';
import { openLibrary, useUi } from './store/ui';
import { Notices } from './views/Notices';
import { ScreenBoundary } from './views/ScreenBoundary';
import { LibraryScreen } from './views/library/LibraryScreen';
// The page route's one component, `(props: { pageId: string })`: the review desk replaces this line.
import { DeskScreen as PageScreen } from './views/desk/DeskScreen';

export function App() {
  const route = useUi((state) => state.route);
  return (
    <div className="app">
      <Header />
      <main className="app-main">
        <PageAssignment />
        <TeamConflicts />
        <ScreenBoundary key={route.name === 'page' ? route.pageId : route.name}>
          {route.name === 'library' ? <LibraryScreen /> : <PageScreen pageId={route.pageId} />}
        </ScreenBoundary>
      </main>
      <Notices />
    </div>
  );
}

const THEMES: readonly Theme[] = ['light', 'dark'];

function Header() {
  const { t } = useTranslation('common');
  const { language, theme, onPage } = useUi(
    useShallow((state) => ({ language: state.language, theme: state.theme, onPage: state.route.name === 'page' })),
  );
  const importing = useLibrary((state) => state.progress !== null);
  return (
    <header className="app-header">
      <h1 className="app-name">Galley</h1>
      {onPage && (
        <button type="button" onClick={openLibrary}>
          ← {t('library')}
        </button>
      )}
      <div className="header-spacer" />
      <button type="button" className="primary" onClick={() => void pickAndImport()} disabled={importing}>
        {t('import')}
      </button>
      <EditorNameField />
      <TeamServerField />
      <TeamSignIn />
      <label className="header-field">
        <span>{t('language')}</span>
        <select value={language} onChange={(event) => void setLanguage(event.target.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`languageName.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="header-field">
        <span>{t('themeLabel')}</span>
        <select value={theme} onChange={(event) => void setTheme(event.target.value as Theme)}>
          {THEMES.map((name) => (
            <option key={name} value={name}>
              {t(`theme.${name}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
