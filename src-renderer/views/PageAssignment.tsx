import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EDITOR } from '../../src-shared/model';
import { useUi } from '../store/ui';
import { assignPage, releasePage } from '../sync/team';
import { chiefOnlyReason, useTeam } from '../sync/team-state';

/**
 * Who has the open page, for a desk on a team: free, this editor's, or another editor's since when
 * (taken: still readable, and nothing here stops an edit). Only the chief assigns: they take a page,
 * give it to an editor by name, or free it; anyone else sees those buttons disabled and why.
 * Nothing in solo use.
 */
export function PageAssignment() {
  const { t, i18n } = useTranslation('team');
  const pageId = useUi((state) => (state.route.name === 'page' ? state.route.pageId : null));
  const me = useUi((state) => state.editorName || DEFAULT_EDITOR);
  const assignment = useTeam((state) => (pageId ? state.assignments[pageId] : undefined));
  const onTeam = useTeam((state) => state.sync !== 'solo' && state.sync !== 'waiting');
  const refusal = useTeam(chiefOnlyReason);
  if (!pageId || !onTeam) return null;
  const since = assignment ? new Date(assignment.since).toLocaleString(i18n.language) : '';
  const reason = refusal && t(`chiefOnly.${refusal}`);
  return (
    <div className="page-assignment" data-testid="page-assignment">
      {!assignment && (
        <>
          <ChiefOnlyButton reason={reason} onClick={() => void assignPage(pageId)} testId="take-page">
            {t('take')}
          </ChiefOnlyButton>
          {reason === null && <AssignTo pageId={pageId} />}
        </>
      )}
      {assignment?.editor === me && <span data-testid="page-mine">{t('mine', { since })}</span>}
      {assignment && assignment.editor !== me && (
        <span data-testid="page-taken">{t('taken', { editor: assignment.editor, since })}</span>
      )}
      {assignment && (
        <ChiefOnlyButton reason={reason} onClick={() => void releasePage(pageId)} testId="release-page">
          {t('release')}
        </ChiefOnlyButton>
      )}
      {reason && (
        <span className="chief-only" data-testid="chief-only">
          {reason}
        </span>
      )}
    </div>
  );
}

/** A button only the chief may press: disabled for anyone else, with the reason as its tooltip too. */
function ChiefOnlyButton({
  reason,
  onClick,
  testId,
  children,
}: {
  reason: string | null;
  onClick: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button type="button" onClick={onClick} disabled={reason !== null} title={reason ?? undefined} data-testid={testId}>
      {children}
    </button>
  );
}

/** The chief gives the page to an editor by their user name. */
function AssignTo({ pageId }: { pageId: string }) {
  const { t } = useTranslation('team');
  const [editor, setEditor] = useState('');
  const assign = () => {
    if (editor.trim() === '') return;
    void assignPage(pageId, editor.trim());
    setEditor('');
  };
  return (
    <span className="assign-to">
      <input
        value={editor}
        onChange={(event) => setEditor(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') assign();
        }}
        placeholder={t('assignTo.placeholder')}
        aria-label={t('assignTo.label')}
        data-testid="assign-to"
      />
      <button type="button" onClick={assign} disabled={editor.trim() === ''} data-testid="assign-page">
        {t('assignTo.button')}
      </button>
    </span>
  );
}
