import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, CleanPage, Edit, Flag } from '../../../src-shared/model';
import { acceptFlag, articleChanges, articleFlags, correctFlag, dismissFlag, setEditStatus, type ReviewPage } from '../../../src-shared/review';
import { openSeries, selectFlag, setSidePanel, useDesk } from '../../store/desk';
import { act } from './commands';
import { locate, spanContext, type Place } from './locate';

/** Changes and flags of the selected article, as two tabs. */
export function SidePanel({ page, clean, article }: { page: ReviewPage; clean: CleanPage; article: Article }) {
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
        {side === 'changes' ? (
          <ChangesList changes={changes} raw={page.raw} clean={clean} />
        ) : (
          <FlagsList flags={flags} edits={page.analysis.edits} raw={page.raw} clean={clean} />
        )}
      </div>
    </aside>
  );
}

interface CardsProps {
  raw: string;
  clean: CleanPage;
}

/** Where a change sits on the page; edits of an article's fields have no place in the raw text. */
function changePlace(edit: Edit): Place | null {
  if (edit.op.type === 'set-field' || edit.op.type === 'set-captions') return null;
  return { start: edit.start, end: edit.end, text: edit.status === 'applied' ? edit.after : edit.before };
}

function flagPlace(flag: Flag, fix: string | null): Place {
  return { start: flag.start, end: flag.end, text: fix ?? flag.text };
}

/** A click on a card shows its place, unless it was meant for the card's own text field. */
function locateOnClick(clean: CleanPage, place: Place | null) {
  return (event: MouseEvent) => {
    if (place && !(event.target instanceof HTMLElement && event.target.closest('input, form'))) locate(clean, place);
  };
}

/** A few raw characters on each side of the card's range, so identical cards can be told apart. */
function CardContext({ raw, place }: { raw: string; place: Place }) {
  const { t } = useTranslation('desk');
  const { before, after } = spanContext(raw, place);
  return (
    <button type="button" className="card-context" title={t('cards.locate')} data-testid="card-context">
      …{shownContext(before)}
      <mark>{shown(raw.slice(place.start, place.end))}</mark>
      {shownContext(after)}…
    </button>
  );
}

function shownContext(text: string): string {
  return text.replace(/\n/g, '↵');
}

function ChangesList({ changes, raw, clean }: { changes: Edit[] } & CardsProps) {
  const { t } = useTranslation('desk');
  if (changes.length === 0) return <p className="muted">{t('changes.none')}</p>;
  return (
    <ul className="change-list" data-testid="changes">
      {changes.map((edit) => {
        const place = changePlace(edit);
        return (
          <li key={edit.id} className={`change change-${edit.status}`} data-testid="change" data-kind={edit.kind} onClick={locateOnClick(clean, place)}>
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
            {place && <CardContext raw={raw} place={place} />}
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
        );
      })}
    </ul>
  );
}

/** Empty, whitespace-only and long texts stay readable in one line. */
function shown(text: string): string {
  if (text === '') return '∅';
  const visible = text.replace(/\n/g, '↵');
  return visible.trim() === '' ? '·'.repeat(visible.length) : visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
}

function FlagsList({ flags, edits, raw, clean }: { flags: Flag[]; edits: readonly Edit[] } & CardsProps) {
  const { t } = useTranslation('desk');
  if (flags.length === 0) return <p className="muted">{t('flags.none')}</p>;
  const ordered = [...flags.filter((f) => f.status === 'open'), ...flags.filter((f) => f.status !== 'open')];
  return (
    <ul className="flag-list" data-testid="flags">
      {ordered.map((flag) => (
        <FlagItem key={flag.id} flag={flag} fix={appliedFix(flag, edits)} raw={raw} clean={clean} />
      ))}
    </ul>
  );
}

/** What a resolved flag's span reads as now, so the same fix can be offered for its other occurrences. */
function appliedFix(flag: Flag, edits: readonly Edit[]): string | null {
  const fix = edits.find((e) => e.status === 'applied' && e.op.type === 'replace' && e.start === flag.start && e.end === flag.end);
  return fix ? fix.after : null;
}

function FlagItem({ flag, fix, raw, clean }: { flag: Flag; fix: string | null } & CardsProps) {
  const { t } = useTranslation('desk');
  const selected = useDesk((state) => state.flagId === flag.id);
  const [correction, setCorrection] = useState('');
  const open = flag.status === 'open';
  const place = flagPlace(flag, fix);
  const show = locateOnClick(clean, place);
  return (
    <li
      className={`flag flag-${flag.status}${selected ? ' is-selected' : ''}`}
      data-testid="flag"
      data-flag={flag.id}
      onClick={(event) => {
        selectFlag(flag.id);
        show(event);
      }}
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
      <CardContext raw={raw} place={place} />
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
