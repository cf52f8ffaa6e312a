import type { Edit } from '../model/analysis';
import { makeEdit, type PageDraft, type Piece } from './draft';

const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/**
 * Removes what an earlier Markdown conversion and the OCR layout left in the text: `#`/`-`
 * markers at the start of a block, and inside a block the line breaks with their trailing
 * spaces. A body block that was wrapped is one paragraph again (Chinese needs no space at a
 * wrap, Latin words do); furniture keeps its lines, only cleaned.
 */
export function strip(draft: PageDraft): PageDraft {
  const { raw } = draft;
  const edits: Edit[] = [...draft.edits];
  for (const piece of draft.pieces) {
    if (piece.content.start > piece.start) {
      edits.push(
        makeEdit(raw, {
          kind: 'strip-markup',
          rule: 'strip.markup',
          start: piece.start,
          end: piece.content.start,
          after: '',
          reason: `Markdown marker "${raw.slice(piece.start, piece.content.start).trim()}" left by an earlier conversion`,
          confidence: 0.99,
          op: { type: 'replace' },
        }),
      );
    }
    if (piece.lines > 1) edits.push(...lineBreaks(raw, piece));
  }
  return { ...draft, edits };
}

function lineBreaks(raw: string, piece: Piece): Edit[] {
  const edits: Edit[] = [];
  const pattern = /[ \t\u3000]*\r?\n[ \t\u3000]*(?:(?:#{1,6}|[-*+])[ \t\u3000]+|[■□●○◆◇▲△★☆•][ \t\u3000]*)?/g;
  const body = raw.slice(piece.content.start, piece.content.end);
  const keepsLines = piece.role === 'furniture';
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    const start = piece.content.start + match.index;
    const end = start + match[0].length;
    const latinJoin = LATIN_END.test(body.slice(0, match.index)) && LATIN_START.test(body.slice(match.index + match[0].length));
    const after = keepsLines ? '\n' : latinJoin ? ' ' : '';
    if (raw.slice(start, end) === after) continue;
    edits.push(
      makeEdit(raw, {
        kind: 'trim',
        rule: keepsLines ? 'strip.trailing-space' : 'strip.line-wrap',
        start,
        end,
        after,
        reason: keepsLines ? 'Spaces or markup around a line break of page furniture' : 'A line wrap inside one block of text',
        confidence: keepsLines ? 0.99 : 0.9,
        op: { type: 'replace' },
      }),
    );
  }
  return edits;
}
