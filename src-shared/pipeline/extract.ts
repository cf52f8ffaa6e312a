import type { Edit } from '../model/analysis';
import { trailingCredit } from '../text';
import { commit, makeEdit, type PageView } from './draft';

/**
 * Takes a credit printed inline at the end of a paragraph (`…发展。(本报记者 苏文保)`) out of
 * the body and gives it to the article as its byline.
 */
export function extractBylines(view: PageView): PageView {
  const { raw } = view;
  const edits: Edit[] = [];
  for (const piece of view.pieces) {
    if (piece.role !== 'paragraph') continue;
    const body = raw.slice(piece.content.start, piece.content.end);
    const credit = trailingCredit(body);
    if (!credit) continue;
    const start = piece.content.start + credit.offset;
    edits.push(
      makeEdit(raw, {
        kind: 'extract-byline',
        rule: 'extract.inline-byline',
        start,
        end: start + credit.length,
        after: '',
        reason: 'Credit in parentheses after the last sentence of a paragraph',
        confidence: 0.95,
        op: { type: 'extract', field: 'byline', value: credit.value },
      }),
    );
  }
  return commit(view, edits);
}
