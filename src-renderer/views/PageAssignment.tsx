import { useTranslation } from 'react-i18next';
import { DEFAULT_EDITOR } from '../../src-shared/model';
import { useUi } from '../store/ui';
import { releasePage, takePage, useTeam } from '../sync/team';

/**
 * Who has the open page, for a desk on a team: free (take it), this editor's (release it), or
 * another editor's since when (taken: still readable, and nothing here stops an edit). Nothing in
 * solo use.
 */
export function PageAssignment() {
  const { t, i18n } = useTranslation('team');
  const pageId = useUi((state) => (state.route.name === 'page' ? state.route.pageId : null));
  const me = useUi((state) => state.editorName || DEFAULT_EDITOR);
  const assignment = useTeam((state) => (pageId ? state.assignments[pageId] : undefined));
  const onTeam = useTeam((state) => state.sync !== 'solo' && state.sync !== 'waiting');
  if (!pageId || !onTeam) return null;
  const since = assignment ? new Date(assignment.since).toLocaleString(i18n.language) : '';
  return (
    <div className="page-assignment" data-testid="page-assignment">
      {!assignment && (
        <button type="button" onClick={() => void takePage(pageId)} data-testid="take-page">
          {t('take')}
        </button>
      )}
      {assignment?.editor === me && (
        <>
          <span data-testid="page-mine">{t('mine', { since })}</span>
          <button type="button" onClick={() => void releasePage(pageId)} data-testid="release-page">
            {t('release')}
          </button>
        </>
      )}
      {assignment && assignment.editor !== me && (
        <span data-testid="page-taken">{t('taken', { editor: assignment.editor, since })}</span>
      )}
    </div>
  );
}
