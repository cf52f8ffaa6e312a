import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, Edit, Flag } from '../../../src-shared/model';
import { acceptFlag, articleChanges, articleFlags, correctFlag, dismissFlag, setEditStatus, type ReviewPage } from '../../../src-shared/review';
import { openSeries, selectFlag, setSidePanel, useDesk } from '../../store/desk';
import { act } from './commands';

/** Changes and flags of the selected article, as two tabs. */
export function SidePanel({ page, article }: { page: ReviewPage; article: Article }) {
  const { t } = useTranslation('desk');
  const side = useDesk((state) => state.side);
  const changes = articleChanges(article, page.analysis.edits);
  const flags = articleFlags(article, page.analysis.flags, 'any');
  const open = flags.filter((f) => f.status === 'open').length;
  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={side === 'flags'} onClick={() => setSidePanel('flags')} data-testid="tab-flags">
          {t('flags.title')} ({open})
        </button>
        <button type="button" role="tab" aria-selected={side === 'changes'} onClick={() => setSidePanel('changes')} data-testid="tab-changes">
          {t('changes.title')} ({changes.length})
        </button>
      </div>
      <div className="side-body" role="tabpanel">
        {side === 'changes' ? <ChangesList changes={changes} /> : <FlagsList flags={flags} edits={page.analysis.edits} />}
      </div>
    </aside>
  );
}

function ChangesList({ changes }: { changes: Edit[] }) {
  const { t } = useTranslation('desk');
  if (changes.length === 0) return <p className="muted">{t('changes.none')}</p>;
  return (
    <ul className="change-list" data-testid="changes">
      {changes.map((edit) => (
        <li key={edit.id} className={`change change-${edit.status}`} data-testid="change" data-kind={edit.kind}>
          <div className="change-head">
            <span className="change-kind">{t(`kind.${edit.kind}`)}</span>
            <span className="muted">{Math.round(edit.confidence * 100)}%</span>
            <span className={`change-status change-status-${edit.status}`}>{t(`editStatus.${edit.status}`)}</span>
          </div>
          <div className="change-texts">
            {edit.op.type === 'move' ? (
              // A move reorders text without changing it: one copy, not a replacement by itself.
              <span className="change-moved">↪ {shown(edit.before)}</span>
            ) : (
              <>
                <del>{shown(edit.before)}</del> → <ins>{shown(edit.after)}</ins>
              </>
            )}
          </div>
          <div className="change-reason muted" title={edit.reason}>
            {t(`rules.${edit.rule}`, { defaultValue: edit.reason })}
          </div>
          <div className="change-actions">
            {edit.status === 'applied' ? (
              <button type="button" onClick={() => void act((p) => setEditStatus(p, edit.id, 'reverted'))} data-testid="revert">
                {t('changes.revert')}
              </button>
            ) : (
              <button type="button" onClick={() => void act((p) => setEditStatus(p, edit.id, 'applied'))} data-testid="restore">
                {edit.status === 'proposed' ? t('changes.apply') : t('changes.restore')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Empty, whitespace-only and long texts stay readable in one line. */
function shown(text: string): string {
  if (text === '') return '∅';
  const visible = text.replace(/\n/g, '↵');
  return visible.trim() === '' ? '·'.repeat(visible.length) : visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
}

function FlagsList({ flags, edits }: { flags: Flag[]; edits: readonly Edit[] }) {
  const { t } = useTranslation('desk');
  if (flags.length === 0) return <p className="muted">{t('flags.none')}</p>;
  const ordered = [...flags.filter((f) => f.status === 'open'), ...flags.filter((f) => f.status !== 'open')];
  return (
    <ul className="flag-list" data-testid="flags">
      {ordered.map((flag) => (
        <FlagItem key={flag.id} flag={flag} fix={appliedFix(flag, edits)} />
      ))}
    </ul>
  );
}

/** What a resolved flag's span reads as now, so the same fix can be offered for its other occurrences. */
function appliedFix(flag: Flag, edits: readonly Edit[]): string | null {
  const fix = edits.find((e) => e.status === 'applied' && e.op.type === 'replace' && e.start === flag.start && e.end === flag.end);
  return fix ? fix.after : null;
}

function FlagItem({ flag, fix }: { flag: Flag; fix: string | null }) {
  const { t } = useTranslation('desk');
  const selected = useDesk((state) => state.flagId === flag.id);
  const [correction, setCorrection] = useState('');
  const open = flag.status === 'open';
  return (
    <li
      className={`flag flag-${flag.status}${selected ? ' is-selected' : ''}`}
      data-testid="flag"
      data-flag={flag.id}
      onClick={() => selectFlag(flag.id)}
    >
      <div className="flag-head">
        <span className="flag-kind">{t(`flagKind.${flag.kind}`)}</span>
        <span className="muted">{Math.round(flag.confidence * 100)}%</span>
        {!open && <span className="flag-status">{t(`flagStatus.${flag.status}`)}</span>}
      </div>
      <div className="flag-text">
        <mark>{flag.text}</mark>
        {flag.suggestion !== null && (
          <>
            {' → '}
            <ins>{flag.suggestion || '∅'}</ins>
          </>
        )}
      </div>
      <div className="flag-message muted" title={flag.message}>
        {t(`rules.${flag.rule}`, { defaultValue: flag.message, text: flag.text, suggestion: flag.suggestion ?? '' })}
      </div>
      {!open && fix !== null && (
        <button type="button" className="link-button" onClick={() => openSeries(flag.text, fix)} data-testid="series-after-fix">
          {t('flags.seriesAfterFix')}
        </button>
      )}
      {open && (
        <div className="flag-actions">
          {flag.suggestion !== null && (
            <button type="button" className="primary" onClick={() => void act((p) => acceptFlag(p, flag.id))} data-testid="accept-flag">
              {t('flags.accept')}
            </button>
          )}
          <button type="button" onClick={() => void act((p) => dismissFlag(p, flag.id))} data-testid="dismiss-flag">
            {t('flags.dismiss')}
          </button>
          <form
            className="flag-correct"
            onSubmit={(event) => {
              event.preventDefault();
              if (correction) void act((p) => correctFlag(p, flag.id, correction));
            }}
          >
            <input
              type="text"
              value={correction}
              onChange={(event) => setCorrection(event.target.value)}
              placeholder={t('flags.correctPlaceholder')}
              aria-label={t('flags.correctLabel', { text: flag.text })}
            />
            <button type="submit" disabled={!correction}>
              {t('flags.correct')}
            </button>
          </form>
          <button type="button" className="link-button" onClick={() => openSeries(flag.text, flag.suggestion ?? correction)} data-testid="series-from-flag">
            {t('flags.series')}
          </button>
        </div>
      )}
    </li>
  );
}
