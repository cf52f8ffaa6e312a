import {
  deriveWhole,
  rederive,
  type AnalysisChange,
  type Article,
  type ArticleId,
  type ArticleTextField,
  type CleanPage,
  type DerivedPage,
  type Derivation,
  type Edit,
  type FieldEdit,
  type PageAnalysis,
} from '../model';
import type { ReviewOp } from './ops';

/** What every review action reads: one page's raw text and its current review state. */
export interface ReviewPage {
  pageId: string;
  raw: string;
  analysis: PageAnalysis;
}

/** Ids for edits and boundaries the editor creates; unique without coordination. */
export function newId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID().slice(0, 13)}`;
}

/**
 * The clean page each analysis was last derived into. Analyses are values (an action makes a new
 * one), so the desk showing a page and the action run on it share one derivation: on the largest
 * page deriving it whole takes most of a second.
 */
const derived = new WeakMap<PageAnalysis, Derivation>();

function derivationOf(page: ReviewPage): Derivation {
  const known = derived.get(page.analysis);
  if (known?.raw === page.raw) return known;
  const made = deriveWhole(page.raw, page.analysis);
  derived.set(page.analysis, made);
  return made;
}

/** The page derived once per analysis, with how it was read from the raw; read-only, it is shared. */
export function derivedOf(page: ReviewPage): DerivedPage {
  return derivationOf(page).page;
}

/** The page's clean articles, derived once per analysis; treat the result as read-only, it is shared. */
export function cleanOf(page: ReviewPage): CleanPage {
  return derivedOf(page).clean;
}

export function findArticle(clean: CleanPage, articleId: string): Article {
  const article = clean.articles.find((a) => a.id === articleId);
  if (!article) throw new RangeError(`no article ${articleId} on this page (${clean.articles.length} articles)`);
  return article;
}

/**
 * Derives `next`, made from `page` by `ops`, from the derivation `page` already has, reading again
 * only the articles the ops reach (`rederive`): an action on one article of the largest page must
 * not read the page whole. Steps of other kinds are derived whole when the page is next read.
 */
export function carryCleanOver(page: ReviewPage, ops: readonly ReviewOp[], next: PageAnalysis): void {
  const known = derived.get(page.analysis);
  if (known?.raw !== page.raw || ops.length === 0) return;
  const change = changeOf(page.analysis, ops, next);
  const made = change && rederive(known, next, change);
  if (made) derived.set(next, made);
}

/** Each edit and split `ops` touch, as it was and as it is; null for a step of another kind. */
function changeOf(before: PageAnalysis, ops: readonly ReviewOp[], after: PageAnalysis): AnalysisChange | null {
  const edits = new Set<string>();
  const boundaries = new Set<string>();
  for (const op of ops) {
    switch (op.type) {
      case 'edit-status':
        edits.add(op.id);
        break;
      case 'add-edit':
      case 'remove-edit':
        edits.add(op.edit.id);
        break;
      case 'update-edit':
        if (op.from.id !== op.to.id) return null;
        edits.add(op.from.id);
        break;
      case 'boundary-status':
        boundaries.add(op.id);
        break;
      case 'flag-status':
      case 'add-flag':
      case 'remove-flag':
        break;
      default:
        return null;
    }
  }
  const boundaryChanges: AnalysisChange['boundaries'][number][] = [];
  for (const id of boundaries) {
    const from = onlyOne(before.boundaries, id);
    const to = onlyOne(after.boundaries, id);
    if (!from || !to) return null;
    boundaryChanges.push({ from, to });
  }
  const editOps = ops.filter((op) => op.type.endsWith('-edit') || op.type === 'edit-status');
  const single = editOps.length === 1 ? onlyChange(editOps[0], before, after) : null;
  const editChanges: AnalysisChange['edits'][number][] = single ? [single] : [];
  for (const id of single ? [] : edits) {
    const from = onlyOne(before.edits, id);
    const to = onlyOne(after.edits, id);
    // The pipeline can give two edits one id; which of them a step changed is then not known here.
    if (from === undefined || to === undefined) return null;
    editChanges.push({ from, to });
  }
  return { edits: editChanges, boundaries: boundaryChanges };
}

/**
 * The edit one op changed, found where the op put it: an added or removed one at its index, one
 * changed in place where the first edit of its id is (which the op changed), the same in both lists.
 */
function onlyChange(op: ReviewOp, before: PageAnalysis, after: PageAnalysis): AnalysisChange['edits'][number] | null {
  switch (op.type) {
    case 'add-edit':
      return after.edits[op.index]?.id === op.edit.id ? { from: null, to: after.edits[op.index] } : null;
    case 'remove-edit':
      return before.edits[op.index]?.id === op.edit.id ? { from: before.edits[op.index], to: null } : null;
    case 'edit-status':
    case 'update-edit': {
      const id = op.type === 'edit-status' ? op.id : op.to.id;
      const index = after.edits.findIndex((edit) => edit.id === id);
      return index === -1 || before.edits[index]?.id !== id
        ? null
        : { from: before.edits[index], to: after.edits[index] };
    }
    default:
      return null;
  }
}

/** The item of `list` with `id`; null when there is none, undefined when there are several. */
function onlyOne<T extends { id: string }>(list: readonly T[], id: string): T | null | undefined {
  let found: T | null = null;
  for (const item of list) {
    if (item.id !== id) continue;
    if (found) return undefined;
    found = item;
  }
  return found;
}

function isFieldEdit(edit: Edit): edit is FieldEdit {
  return (edit.op.type === 'set-field' || edit.op.type === 'set-captions') && edit.origin === 'editor';
}

export type ArticleField = ArticleTextField | 'captions';

/** The editor's value set on an article's field that decides it: the last applied one (materialize lets the last win). */
export function valueSetOn(edits: readonly Edit[], article: ArticleId, field: ArticleField): FieldEdit | undefined {
  // The op is looked at first: on a large page nearly every edit is told apart by it alone.
  return edits.findLast(
    (edit): edit is FieldEdit =>
      isFieldEdit(edit) &&
      edit.op.article === article &&
      (edit.op.type === 'set-captions' ? field === 'captions' : edit.op.field === field) &&
      edit.status === 'applied',
  );
}
