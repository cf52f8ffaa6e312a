import type { ArticleTextField, ChunkRole, Edit, EditOp, EditStatus, Flag, FlagStatus } from '../model';
import { entry, patch, type ActionLabel, type HistoryEntry } from './history';
import { applyOps, type ReviewOp } from './ops';
import { cleanOf, derivedOf, findArticle, newId, valueSetOn, type ReviewPage } from './page';
import { typedFieldOps, typedTextOps } from './typing';

/** Reverts, restores or applies one edit; the clean text follows because it is derived. */
export function setEditStatus(page: ReviewPage, editId: string, to: EditStatus): HistoryEntry {
  const edit = findById(page.analysis.edits, editId, 'edit');
  const label: ActionLabel =
    to !== 'applied' ? 'edit.revert' : edit.status === 'proposed' ? 'edit.apply' : 'edit.restore';
  const ops: ReviewOp[] = edit.status === to ? [] : [{ type: 'edit-status', id: edit.id, from: edit.status, to }];
  return entry(label, describeEdit(edit), [patch(page.pageId, ops)]);
}

export const revertEdit = (page: ReviewPage, editId: string) => setEditStatus(page, editId, 'reverted');
export const restoreEdit = (page: ReviewPage, editId: string) => setEditStatus(page, editId, 'applied');

/** Takes the flag's suggestion: a character fix over its span, the flag marked accepted. */
export function acceptFlag(page: ReviewPage, flagId: string): HistoryEntry {
  const flag = findById(page.analysis.flags, flagId, 'flag');
  if (flag.suggestion === null) throw new RangeError(`flag ${flagId} has no suggestion to accept`);
  return resolveFlag(page, flag, flag.suggestion, 'accepted', 'flag.accept');
}

/** The editor's own reading of the flagged text. */
export function correctFlag(page: ReviewPage, flagId: string, text: string): HistoryEntry {
  const flag = findById(page.analysis.flags, flagId, 'flag');
  return resolveFlag(page, flag, text, 'corrected', 'flag.correct');
}

/** The text stands as printed; the flag stays dismissed. */
export function dismissFlag(page: ReviewPage, flagId: string): HistoryEntry {
  const flag = findById(page.analysis.flags, flagId, 'flag');
  return entry('flag.dismiss', flag.text, [patch(page.pageId, flagStatusOps(flag, 'dismissed'))]);
}

/** Takes back how a flag was settled: it is open again, and the fix its acceptance or correction made is reverted. */
export function reopenFlag(page: ReviewPage, flagId: string): HistoryEntry {
  const flag = findById(page.analysis.flags, flagId, 'flag');
  const fixes =
    flag.status === 'accepted' || flag.status === 'corrected'
      ? page.analysis.edits.filter(
          (e) => e.status === 'applied' && e.op.type === 'replace' && e.start === flag.start && e.end === flag.end,
        )
      : [];
  const ops: ReviewOp[] = [
    ...fixes.map((e): ReviewOp => ({ type: 'edit-status', id: e.id, from: e.status, to: 'reverted' })),
    ...flagStatusOps(flag, 'open'),
  ];
  return entry('flag.reopen', flag.text, [patch(page.pageId, ops)]);
}

function resolveFlag(page: ReviewPage, flag: Flag, text: string, status: FlagStatus, label: ActionLabel): HistoryEntry {
  const ops = [...charFixOps(page, flag, text, `${flag.message}`, flag.confidence), ...flagStatusOps(flag, status)];
  return entry(label, `${flag.text} → ${text}`, [patch(page.pageId, ops)]);
}

function flagStatusOps(flag: Flag, to: FlagStatus): ReviewOp[] {
  return flag.status === to ? [] : [{ type: 'flag-status', id: flag.id, from: flag.status, to }];
}

/**
 * The ops that make raw [start, end) read `after`. A fix the pipeline proposed for exactly that
 * span is applied rather than duplicated; otherwise a new editor edit is added. Text the editor
 * typed over the span wins over the fix, as over any edit it overlaps.
 */
export function charFixOps(
  page: ReviewPage,
  span: { start: number; end: number },
  after: string,
  reason: string,
  confidence = 1,
): ReviewOp[] {
  const retyped = legacyTypingOps(page, span);
  const { edits } = retyped.length ? applyOps(page.analysis, retyped) : page.analysis;
  const proposed = edits.find(
    (e) =>
      e.kind === 'char-fix' &&
      e.op.type === 'replace' &&
      e.start === span.start &&
      e.end === span.end &&
      e.after === after,
  );
  if (proposed) {
    const apply: ReviewOp[] =
      proposed.status === 'applied'
        ? []
        : [{ type: 'edit-status', id: proposed.id, from: proposed.status, to: 'applied' }];
    return [...retyped, ...apply];
  }
  const edit: Edit = {
    id: newId('fix'),
    kind: 'char-fix',
    rule: 'review.char-fix',
    start: span.start,
    end: span.end,
    before: page.raw.slice(span.start, span.end),
    after,
    reason,
    confidence,
    status: 'applied',
    origin: 'editor',
    op: { type: 'replace' },
  };
  return [...retyped, { type: 'add-edit', edit, index: edits.length }];
}

/**
 * A block typed whole by the old `set-text` edits reads from its typed text, which a raw fix cannot
 * reach: its typing is first made the typed replaces it amounts to, which read the same.
 */
function legacyTypingOps(page: ReviewPage, span: { start: number; end: number }): ReviewOp[] {
  const typedWhole = page.analysis.edits.flatMap((e) =>
    e.status === 'applied' && e.op.type === 'set-text' ? [e.op.chunk] : [],
  );
  // Most pages have none: the page is then not derived again for every fix a series makes.
  if (typedWhole.length === 0) return [];
  const inside = (s: { start: number; end: number }) => s.start <= span.start && span.end <= s.end;
  const block = cleanOf(page)
    .articles.flatMap((a) => a.blocks)
    .find((b) => b.spans.some(inside));
  return block && block.chunks.some((chunk) => typedWhole.includes(chunk)) ? typedTextOps(page, block, block.text) : [];
}

/**
 * The editor's text for a block, kept as typed replaces of its raw text (`typedTextOps`).
 * Keystrokes in the same block share a coalesce key and fold into one history entry.
 */
export function editBlockText(page: ReviewPage, articleId: string, blockId: string, text: string): HistoryEntry {
  const article = findArticle(cleanOf(page), articleId);
  const block = article.blocks.find((b) => b.id === blockId);
  if (!block) throw new RangeError(`no block ${blockId} in article ${articleId}`);
  const ops = typedTextOps(page, block, text);
  return entry('text.type', block.text.slice(0, 20), [patch(page.pageId, ops)], `type:${page.pageId}:${blockId}`);
}

/**
 * Gives a block another role: paragraph ↔ subhead, or headline, which makes the line the title of
 * the article it opens (after a split, the new article's title taken from a chosen line).
 */
export function setBlockRole(page: ReviewPage, articleId: string, blockId: string, role: ChunkRole): HistoryEntry {
  const article = findArticle(cleanOf(page), articleId);
  const block = article.blocks.find((b) => b.id === blockId);
  if (!block) throw new RangeError(`no block ${blockId} in article ${articleId}`);
  const ops: ReviewOp[] = block.chunks.map((chunkId, i) => {
    const chunk = findById(page.analysis.chunks, chunkId, 'chunk');
    const text = page.raw.slice(chunk.start, chunk.end);
    const edit: Edit = {
      id: newId('role'),
      kind: 'reclassify',
      rule: 'review.role',
      start: chunk.start,
      end: chunk.end,
      before: text,
      after: text,
      reason: `made a ${role} by the editor`,
      confidence: 1,
      status: 'applied',
      origin: 'editor',
      op: { type: 'role', chunk: chunkId, role },
    };
    return { type: 'add-edit', edit, index: page.analysis.edits.length + i };
  });
  return entry('block.role', `${role}: ${block.text.slice(0, 20)}`, [patch(page.pageId, ops)]);
}

/**
 * An article field typed by the editor (title, kicker, section, byline). A field read from one
 * chunk is typed over that chunk's raw text, like a paragraph (`typedFieldOps`); any other (a
 * headline of two lines, a split's typed title, a credit taken out of a paragraph, the section),
 * or one an earlier value set on the article still decides, gets a value set on the article.
 */
export function setArticleField(
  page: ReviewPage,
  articleId: string,
  field: ArticleTextField,
  value: string | null,
): HistoryEntry {
  const { clean, fields } = derivedOf(page);
  const article = findArticle(clean, articleId);
  const op: EditOp = { type: 'set-field', article: articleId, field, value };
  const set = valueSetOn(page.analysis.edits, articleId, field);
  const source = field === 'section' ? null : (fields.get(articleId)?.[field] ?? null);
  const current = field === 'title' ? article.title : article[field];
  // A title cleared off an article with nothing else would take the article away with its line.
  const keepsArticle = field !== 'title' || value?.trim() || article.blocks.length > 0 || article.captions.length > 0;
  const ops =
    field !== 'section' && source !== null && !set && keepsArticle
      ? typedFieldOps(page, source, field, value ?? '')
      : editorEditOps(page, set, op, article.spans[0] ?? { start: 0, end: 0 }, current ?? '', value ?? '');
  return entry(
    'field.set',
    `${field}: ${value ?? ''}`,
    [patch(page.pageId, ops)],
    `field:${page.pageId}:${articleId}:${field}`,
  );
}

/**
 * The article's captions as the editor typed them. One caption changed that is read from one
 * chunk is typed over that chunk; a list that gained or lost a caption, or changed in several, is
 * a value set on the article.
 */
export function setArticleCaptions(page: ReviewPage, articleId: string, captions: string[]): HistoryEntry {
  const { clean, fields } = derivedOf(page);
  const article = findArticle(clean, articleId);
  const op: EditOp = { type: 'set-captions', article: articleId, value: captions };
  const set = valueSetOn(page.analysis.edits, articleId, 'captions');
  const changed = captions.flatMap((caption, i) => (caption === article.captions[i] ? [] : [i]));
  const source = changed.length === 1 ? (fields.get(articleId)?.captions[changed[0]] ?? null) : null;
  const ops =
    captions.length === article.captions.length && source !== null && !set
      ? typedFieldOps(page, source, 'caption', captions[changed[0]])
      : editorEditOps(
          page,
          set,
          op,
          article.spans[0] ?? { start: 0, end: 0 },
          article.captions.join('\n'),
          captions.join('\n'),
        );
  return entry(
    'field.set',
    `captions: ${captions.join(' / ')}`,
    [patch(page.pageId, ops)],
    `field:${page.pageId}:${articleId}:captions`,
  );
}

/**
 * Updates the editor's own applied edit for this target when there is one (so typing does not
 * pile up edits), otherwise adds a new one at the end of the list.
 */
function editorEditOps(
  page: ReviewPage,
  existing: Edit | undefined,
  op: EditOp,
  span: { start: number; end: number },
  before: string,
  after: string,
): ReviewOp[] {
  if (existing) {
    if (JSON.stringify(existing.op) === JSON.stringify(op)) return [];
    return [{ type: 'update-edit', from: existing, to: { ...existing, op, after } }];
  }
  const edit: Edit = {
    id: newId('manual'),
    kind: 'manual',
    rule: `review.${op.type}`,
    start: span.start,
    end: span.end,
    before,
    after,
    reason: 'typed by the editor',
    confidence: 1,
    status: 'applied',
    origin: 'editor',
    op,
  };
  return [{ type: 'add-edit', edit, index: page.analysis.edits.length }];
}

export function findById<T extends { id: string }>(list: readonly T[], id: string, what: string): T {
  const item = list.find((x) => x.id === id);
  if (!item) throw new RangeError(`no ${what} with id ${id} (of ${list.length})`);
  return item;
}

function describeEdit(edit: Edit): string {
  return `${edit.kind}: ${edit.before.slice(0, 12)} → ${edit.after.slice(0, 12)}`;
}
