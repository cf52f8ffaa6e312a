/* eslint-disable jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions --
   A click anywhere on a card is the pointer's shortcut to locate it; the keyboard locates through the
   card's own context button, which does the same. */
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, CleanPage, Edit, Flag } from '../../../src-shared/model';
import {
  acceptFlag,
  appliedFixes,
  articleChanges,
  articleFlags,
  correctFlag,
  dismissFlag,
  reopenFlag,
  setEditStatus,
  spanKey,
  typedChange,
  type ReviewPage,
} from '../../../src-shared/review';
import { openSeries, selectFlag, setSidePanel, useDesk } from '../../store/desk';
import { act } from './commands';
import { diffBlock, elideSame } from './diff';
import { locate, spanContext, touchesSelection, useLocated, type Place } from './locate';

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
        <button
          type="button"
          role="tab"
          aria-selected={side === 'flags'}
          onClick={() => setSidePanel('flags')}
          data-testid="tab-flags"
        >
          {t('flags.title')} ({open})
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={side === 'changes'}
          onClick={() => setSidePanel('changes')}
          data-testid="tab-changes"
        >
          {t('changes.title')} ({changes.length})
        </button>
      </div>
      <div className="side-body" role="tabpanel">
        {side === 'changes' ? (
          <ChangesList changes={changes} page={page} clean={clean} />
        ) : (
          <FlagsList flags={flags} changes={changes} raw={page.raw} clean={clean} />
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

/** Whether text selected in the raw pane or the editor touches one of the card's places; such a card scrolls into sight. */
function useTouched(raw: string, clean: CleanPage, places: readonly (Place | null)[]) {
  const touched = useLocated((state) => {
    const { selected } = state;
    return selected !== null && places.some((place) => place !== null && touchesSelection(raw, clean, selected, place));
  });
  const card = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (touched) card.current?.scrollIntoView({ block: 'nearest' });
  }, [touched]);
  return { touched, card };
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
      <span className="card-context-target">{shown(raw.slice(place.start, place.end))}</span>
      {shownContext(after)}…
    </button>
  );
}

function shownContext(text: string): string {
  return text.replace(/\n/g, '↵');
}

/** Findings that read alike (same kind, same text, same state) make one card that steps through them. */
function identical<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.values()];
}

const changeKey = (edit: Edit) =>
  [edit.kind, edit.rule, edit.status, edit.op.type, edit.before, edit.after].join('\u0000');
const flagKey = (flag: Flag) => [flag.kind, flag.rule, flag.status, flag.text, flag.suggestion ?? ''].join('\u0000');

/** How many alike findings a card stands for, and buttons to show them one after another. */
function Occurrences({ index, count, onStep }: { index: number; count: number; onStep: (index: number) => void }) {
  const { t } = useTranslation('desk');
  if (count < 2) return null;
  // The card's own click would show the occurrence it had before the step.
  const step = (by: number) => (event: MouseEvent) => {
    event.stopPropagation();
    onStep((index + by + count) % count);
  };
  return (
    <span className="occurrences" data-testid="occurrences">
      <button
        type="button"
        className="icon-button"
        onClick={step(-1)}
        aria-label={t('cards.previous')}
        title={t('cards.previous')}
        data-testid="occurrence-previous"
      >
        ‹
      </button>
      <span data-testid="occurrence-label">{t('cards.occurrence', { index: index + 1, count })}</span>
      <button
        type="button"
        className="icon-button"
        onClick={step(1)}
        aria-label={t('cards.next')}
        title={t('cards.next')}
        data-testid="occurrence-next"
      >
        ›
      </button>
    </span>
  );
}

function ChangesList({ changes, page, clean }: { changes: readonly Edit[]; page: ReviewPage; clean: CleanPage }) {
  const { t } = useTranslation('desk');
  if (changes.length === 0) return <p className="muted">{t('changes.none')}</p>;
  return (
    <ul className="change-list" data-testid="changes">
      {identical(changes, changeKey).map((group) => (
        <ChangeCard key={group[0].id} edits={group} page={page} clean={clean} />
      ))}
    </ul>
  );
}

function ChangeCard({ edits, page, clean }: { edits: Edit[]; page: ReviewPage; clean: CleanPage }) {
  const { t } = useTranslation('desk');
  const { raw } = page;
  const [index, setIndex] = useState(0);
  const at = Math.min(index, edits.length - 1);
  const edit = edits[at];
  const place = changePlace(edit);
  const typed = useMemo(() => typedChange(page, edit), [page, edit]);
  const { touched, card } = useTouched(raw, clean, edits.map(changePlace));
  const step = (next: number) => {
    setIndex(next);
    const nextPlace = changePlace(edits[next]);
    if (nextPlace) locate(clean, nextPlace);
  };
  return (
    <li
      ref={card}
      className={`change change-${edit.status}${touched ? ' is-touched' : ''}`}
      data-testid="change"
      data-kind={edit.kind}
      onClick={locateOnClick(clean, place)}
    >
      <div className="change-head">
        <span className="change-kind">{t(`kind.${edit.kind}`)}</span>
        <span className="muted">{Math.round(edit.confidence * 100)}%</span>
        {edits.length > 1 && (
          <span className="occurrence-count" data-testid="occurrence-count">
            ×{edits.length}
          </span>
        )}
        <span className={`change-status change-status-${edit.status}`}>{t(`editStatus.${edit.status}`)}</span>
      </div>
      <div className="change-texts">
        {edit.op.type === 'move' ? (
          // A move reorders text without changing it: one copy, not a replacement by itself.
          <span className="change-moved">↪ {shown(edit.before)}</span>
        ) : typed ? (
          <TypedDiff {...typed} />
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
          <button
            type="button"
            onClick={() => void act((p) => setEditStatus(p, edit.id, 'reverted'))}
            data-testid="revert"
          >
            {t('changes.revert')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void act((p) => setEditStatus(p, edit.id, 'applied'))}
            data-testid="restore"
          >
            {edit.status === 'proposed' ? t('changes.apply') : t('changes.restore')}
          </button>
        )}
        <Occurrences index={at} count={edits.length} onStep={step} />
      </div>
    </li>
  );
}

/** Characters of unchanged text kept on each side of a typed change. */
const TYPED_CONTEXT = 8;

/** What the editor typed, character by character, in a little of its unchanged text. */
function TypedDiff({ before, after }: { before: string; after: string }) {
  const parts = elideSame(diffBlock(before, after).parts, TYPED_CONTEXT);
  return (
    <span className="change-typed" data-testid="typed-diff">
      {parts.map((part, i) =>
        part.kind === 'added' ? (
          <ins key={i}>{part.text}</ins>
        ) : part.kind === 'removed' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}

/** Empty, whitespace-only and long texts stay readable in one line. */
function shown(text: string): string {
  if (text === '') return '∅';
  const visible = text.replace(/\n/g, '↵');
  return visible.trim() === ''
    ? '·'.repeat(visible.length)
    : visible.length > 60
      ? `${visible.slice(0, 57)}…`
      : visible;
}

/** `changes` are the article's: every fix of one of its flags' spans is among them. */
function FlagsList({ flags, changes, raw, clean }: { flags: Flag[]; changes: readonly Edit[] } & CardsProps) {
  const { t } = useTranslation('desk');
  // Indexed once per change of the article's edits: each flag looking through them froze large pages.
  const fixes = useMemo(() => appliedFixes(changes), [changes]);
  if (flags.length === 0) return <p className="muted">{t('flags.none')}</p>;
  const ordered = [...flags.filter((f) => f.status === 'open'), ...flags.filter((f) => f.status !== 'open')];
  return (
    <ul className="flag-list" data-testid="flags">
      {identical(ordered, flagKey).map((group) => (
        <FlagCard key={group[0].id} flags={group} fixes={fixes} raw={raw} clean={clean} />
      ))}
    </ul>
  );
}

/** What a resolved flag's span reads as now, so the same fix can be offered for its other occurrences. */
function appliedFix(flag: Flag, fixes: ReadonlyMap<string, string>): string | null {
  return fixes.get(spanKey(flag)) ?? null;
}

/** The occurrence shown is the selected flag when it is one of the card's, so J and K step through cards too. */
function FlagCard({ flags, fixes, raw, clean }: { flags: Flag[]; fixes: ReadonlyMap<string, string> } & CardsProps) {
  const { t } = useTranslation('desk');
  const selectedAt = useDesk((state) => flags.findIndex((f) => f.id === state.flagId));
  const [correction, setCorrection] = useState('');
  const at = Math.max(selectedAt, 0);
  const flag = flags[at];
  const selected = selectedAt !== -1;
  const fix = appliedFix(flag, fixes);
  const open = flag.status === 'open';
  const place = flagPlace(flag, fix);
  const show = locateOnClick(clean, place);
  const { touched, card } = useTouched(
    raw,
    clean,
    flags.map((f) => flagPlace(f, appliedFix(f, fixes))),
  );
  const step = (next: number) => {
    selectFlag(flags[next].id);
    locate(clean, flagPlace(flags[next], appliedFix(flags[next], fixes)));
  };
  return (
    <li
      ref={card}
      className={`flag flag-${flag.status}${selected ? ' is-selected' : ''}${touched ? ' is-touched' : ''}`}
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
        {flags.length > 1 && (
          <span className="occurrence-count" data-testid="occurrence-count">
            ×{flags.length}
          </span>
        )}
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
      {!open && (
        <div className="flag-actions">
          <button type="button" onClick={() => void act((p) => reopenFlag(p, flag.id))} data-testid="reopen-flag">
            {t('cards.undo')}
          </button>
          {fix !== null && (
            <button
              type="button"
              className="link-button"
              onClick={() => openSeries(flag.text, fix)}
              data-testid="series-after-fix"
            >
              {t('flags.seriesAfterFix')}
            </button>
          )}
          <Occurrences index={at} count={flags.length} onStep={step} />
        </div>
      )}
      {open && (
        <div className="flag-actions">
          {flag.suggestion !== null && (
            <button
              type="button"
              className="primary"
              onClick={() => void act((p) => acceptFlag(p, flag.id))}
              data-testid="accept-flag"
            >
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
          <button
            type="button"
            className="link-button"
            onClick={() => openSeries(flag.text, flag.suggestion ?? correction)}
            data-testid="series-from-flag"
          >
            {t('flags.series')}
          </button>
          <Occurrences index={at} count={flags.length} onStep={step} />
        </div>
      )}
    </li>
  );
}
