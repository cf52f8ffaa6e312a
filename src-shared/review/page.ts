import {
  derivePage,
  type Article,
  type CleanPage,
  type DerivedPage,
  type Edit,
  type EditOp,
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
 * page `materialize` takes most of a second.
 */
const derived = new WeakMap<PageAnalysis, DerivedPage & { raw: string }>();

/** The page derived once per analysis, with how it was read from the raw; read-only, it is shared. */
export function derivedOf(page: ReviewPage): DerivedPage {
  const known = derived.get(page.analysis);
  if (known?.raw === page.raw) return known;
  const made = { ...derivePage(page.raw, page.analysis), raw: page.raw };
  derived.set(page.analysis, made);
  return made;
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

type FieldOp = Extract<EditOp, { type: 'set-field' | 'set-captions' }>;
type FieldEdit = Edit & { op: FieldOp };

/**
 * Derives the clean page of `next`, made from `page` by `ops`, from the one `page` already has when
 * the ops only give articles the editor's field values (a title, a byline, captions): the other
 * articles are carried over as they are. Any other step is derived whole when the page is next read.
 */
export function carryCleanOver(page: ReviewPage, ops: readonly ReviewOp[], next: PageAnalysis): void {
  const known = derived.get(page.analysis);
  if (known?.raw !== page.raw || ops.length === 0) return;
  let articles = known.clean.articles;
  for (const op of ops) {
    const edit = op.type === 'add-edit' ? op.edit : op.type === 'update-edit' ? op.to : null;
    if (!edit || !isFieldEdit(edit) || !decidesField(next.edits, edit)) return;
    const index = articles.findIndex((article) => article.id === edit.op.article);
    if (index === -1) return;
    articles = articles.with(index, withField(articles[index], edit.op));
  }
  // Field values change no chunk's reading, so how the chunks were read carries over too.
  derived.set(next, { ...known, clean: { ...known.clean, articles } });
}

function isFieldEdit(edit: Edit): edit is FieldEdit {
  return edit.origin === 'editor' && (edit.op.type === 'set-field' || edit.op.type === 'set-captions');
}

/** Whether `edit` is in force for its field in `edits`: applied, and the last applied edit on that field (materialize lets the last win). */
function decidesField(edits: readonly Edit[], edit: FieldEdit): boolean {
  if (edit.status !== 'applied') return false;
  const { op: target } = edit;
  const sameField = (op: EditOp) => {
    if (op.type === 'set-captions') return target.type === 'set-captions' && op.article === target.article;
    if (op.type !== 'set-field' || target.type !== 'set-field') return false;
    return op.article === target.article && op.field === target.field;
  };
  for (let i = edits.length - 1; i >= 0; i--) {
    if (edits[i].status === 'applied' && sameField(edits[i].op)) return edits[i].id === edit.id;
  }
  return false;
}

function withField(article: Article, op: FieldOp): Article {
  if (op.type === 'set-captions') return { ...article, captions: [...op.value] };
  return op.field === 'title' ? { ...article, title: op.value ?? '' } : { ...article, [op.field]: op.value };
}
