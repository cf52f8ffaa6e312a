import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { location, type Article, type Edit } from '../../../src-shared/model';
import { fieldChanges, type FieldChange, type ReviewPage } from '../../../src-shared/review';
import { setDiffMode, useDesk, type DiffMode } from '../../store/desk';
import { articleDiff, type BlockDiff, type DiffPart } from './diff';
import { FoldButton } from './FoldButton';
import { useDeskLayout } from './layout';

/**
 * The article's raw source beside its current clean text, block by block, character by character,
 * with the text taken out of it whole and the paragraphs moved within it where they happened; above
 * it each field the editor changed, beside what it read before.
 */
export function DiffView({ page, article }: { page: ReviewPage; article: Article }) {
  const { t } = useTranslation('desk');
  const mode = useDesk((state) => state.diffMode);
  const drafts = useDesk((state) => state.drafts);
  const changeIndex = useDesk((state) => state.changeIndex);
  const open = useDeskLayout((layout) => layout.diff);
  const { raw, analysis } = page;
  const { edits } = analysis;
  const lines = useMemo(() => location(raw), [raw]);
  // The page object is made anew on every render; its analysis and raw text are what it is.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fields = useMemo(() => fieldChanges(page, article), [raw, analysis, article]);
  const { rows, count } = articleDiff(raw, article, edits, drafts, fields);
  return (
    <div className={`diff diff-${mode}`} data-testid="diff">
      <div className="diff-toolbar">
        <h3>{t('diff.title')}</h3>
        <span className="muted" data-testid="diff-count">
          {t('diff.changes', { count })}
        </span>
        <div className="header-spacer" />
        <FoldButton part="diff" controls="diff-body" />
        {open && (
          <div className="segmented" role="group" aria-label={t('diff.mode')}>
            {(['inline', 'side'] as DiffMode[]).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                onClick={() => setDiffMode(m)}
                data-testid={`diff-${m}`}
              >
                {t(`diff.${m}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      {open && (
        <div id="diff-body">
          {rows.map((row) =>
            row.kind === 'field' ? (
              <DiffBlockView
                key={`field:${row.change.field}:${row.first}`}
                diff={row.diff}
                mode={mode}
                first={row.first}
                current={changeIndex}
                field={row.change.field}
              />
            ) : row.kind === 'block' ? (
              <DiffBlockView key={row.block.id} diff={row.diff} mode={mode} first={row.first} current={changeIndex} />
            ) : (
              <BesideView
                key={row.edit.id}
                edit={row.edit}
                line={lines.toPoint(row.edit.start).line}
                mode={mode}
                index={row.first}
                current={row.first === changeIndex}
              />
            ),
          )}
        </div>
      )}
    </div>
  );
}

interface DiffBlockProps {
  diff: BlockDiff;
  mode: DiffMode;
  /** Global index of this block's first change, for next/previous change keys. */
  first: number;
  current: number;
  /** For a field's row: which field, named before its text. */
  field?: FieldChange['field'];
}

const DiffBlockView = memo(function DiffBlockView({ diff, mode, first, current, field }: DiffBlockProps) {
  const { t } = useTranslation('desk');
  let index = first;
  const numbered = diff.parts.map((part) => ({ part, index: part.kind === 'same' ? -1 : index++ }));
  const render = (keep: (part: DiffPart) => boolean) =>
    numbered
      .filter(({ part }) => keep(part))
      .map(({ part, index: i }, key) => <Part key={key} part={part} index={i} current={i === current} />);
  const label = field && <span className="diff-beside-kind">{t(`field.${field}`)} </span>;
  return (
    <div
      className={field ? 'diff-block diff-field' : 'diff-block'}
      data-testid={field ? 'diff-field' : undefined}
      data-field={field}
    >
      {!diff.exact && <p className="diff-note">{t('diff.approximate')}</p>}
      {mode === 'inline' ? (
        <p className="diff-text">
          {label}
          {render(() => true)}
        </p>
      ) : (
        <div className="diff-columns">
          <p className="diff-text diff-source">
            {label}
            {render((p) => p.kind !== 'added')}
          </p>
          <p className="diff-text diff-clean">{render((p) => p.kind !== 'removed')}</p>
        </div>
      )}
    </div>
  );
});

interface BesideProps {
  edit: Edit;
  /** The raw line the edit starts on, where a move came from. */
  line: number;
  mode: DiffMode;
  index: number;
  current: boolean;
}

/** A change no block shows: the text taken out, struck through where it stood, or where a paragraph moved from. */
function BesideView({ edit, line, mode, index, current }: BesideProps) {
  const { t } = useTranslation('desk');
  const mark =
    edit.op.type === 'move' ? (
      <span data-change={index} className={current ? 'diff-moved is-current' : 'diff-moved'}>
        {t('diff.movedFrom', { line })}
      </span>
    ) : (
      <>
        <span className="diff-beside-kind">{t(`kind.${edit.kind}`)}</span>{' '}
        <Part part={{ kind: 'removed', text: edit.before }} index={index} current={current} />
      </>
    );
  return (
    <div className="diff-block diff-beside" data-kind={edit.kind} data-testid="diff-beside">
      {mode === 'inline' ? (
        <p className="diff-text">{mark}</p>
      ) : (
        <div className="diff-columns">
          <p className="diff-text diff-source">{mark}</p>
          <p className="diff-text diff-clean" />
        </div>
      )}
    </div>
  );
}

function Part({ part, index, current }: { part: DiffPart; index: number; current: boolean }) {
  if (part.kind === 'same') return <span>{part.text}</span>;
  const Tag = part.kind === 'added' ? 'ins' : 'del';
  return (
    <Tag data-change={index} className={current ? 'is-current' : undefined}>
      {visible(part.text)}
    </Tag>
  );
}

/** Removed line breaks and spaces would be invisible; show them as symbols. */
function visible(text: string): string {
  return text.replace(/\n/g, '↵').replace(/^ +$/, (spaces) => '·'.repeat(spaces.length));
}
