import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { materialize, type Decision, type ReviewRecord } from '../../../src-shared/model';
import { db } from '../../db/db';
import { acceptProposal } from '../../services/reanalyze';
import { diffBlock } from './diff';

/** What a decision was, in the editor's words: its kind and the text it was about. */
/** What the decision was: `kind` names its text under `reanalysis.what` (`split.approved`, `editor.move`). */
function whatItWas(decision: Decision): { kind: string; text: string } {
  const { action } = decision;
  switch (action.type) {
    case 'split':
      return { kind: `split.${action.status}`, text: `@${action.chunkStart}` };
    case 'editor-split':
      return { kind: 'split.editor', text: action.boundary.title ?? `@${action.chunkStart}` };
    case 'edit-status':
      return { kind: `edit.${action.status}`, text: `${action.before} → ${action.after}` };
    case 'flag-status':
      return { kind: `flag.${action.status}`, text: action.text };
    case 'editor-edit':
      return { kind: `editor.${action.edit.op.type}`, text: `${action.edit.before} → ${action.edit.after}` };
  }
}

function pageText(raw: string, analysis: ReviewRecord['analysis']): string {
  return materialize(raw, analysis)
    .articles.map((article) => [article.title, ...article.blocks.map((block) => block.text)].join('\n'))
    .join('\n\n');
}

/**
 * Decisions a re-analysis found no target for, shown with what they were, and the re-analysis
 * of an approved page waiting as a diff the editor may take or leave.
 */
export function Reanalysis({ pageId, raw, review }: { pageId: string; raw: string; review: ReviewRecord }) {
  const { t } = useTranslation('desk');
  const looks = useLiveQuery(
    () =>
      db.decisions
        .where('pageId')
        .equals(pageId)
        .filter((d) => d.needsLook !== undefined)
        .toArray(),
    [pageId],
  );
  const { proposal } = review;
  if (!proposal && !looks?.length) return null;
  const listed = proposal ? proposal.needsLook : (looks ?? []);
  return (
    <aside className="desk-reanalysis" data-testid="reanalysis" aria-label={t('reanalysis.label')}>
      {proposal && (
        <div data-testid="proposal">
          <p>{t('reanalysis.proposal', { version: proposal.analysis.pipelineVersion })}</p>
          <pre className="desk-reanalysis-diff">
            {diffBlock(pageText(raw, review.analysis), pageText(raw, proposal.analysis)).parts.map((part, i) =>
              part.kind === 'same' ? (
                <span key={i}>{part.text}</span>
              ) : part.kind === 'added' ? (
                <ins key={i}>{part.text}</ins>
              ) : (
                <del key={i}>{part.text}</del>
              ),
            )}
          </pre>
          <button type="button" onClick={() => void acceptProposal(db, pageId)}>
            {t('reanalysis.accept')}
          </button>
        </div>
      )}
      {listed.length > 0 && (
        <>
          <p>{t('reanalysis.needsLook', { count: listed.length })}</p>
          <ul>
            {listed.map((decision) => {
              const { kind, text } = whatItWas(decision);
              return (
                <li key={decision.id} data-testid="needs-look" data-reason={decision.needsLook}>
                  {t(`reanalysis.reason.${decision.needsLook ?? 'split-gone'}`)}: {t(`reanalysis.what.${kind}`)}{' '}
                  <q lang="zh-CN">{text}</q>{' '}
                  <small>{t('reanalysis.by', { who: decision.who, at: new Date(decision.at).toLocaleString() })}</small>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </aside>
  );
}
