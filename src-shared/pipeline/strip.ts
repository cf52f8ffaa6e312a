import type { Edit } from '../model/analysis';
import { isHanCode, wrapSeparator } from '../text';
import { commit, makeEdit, type PageView, type Piece } from './draft';

/**
 * Removes what an earlier Markdown conversion and the OCR layout left in the text: `#`/`-`
 * markers at the start of a block, and inside a block the line breaks with their trailing
 * spaces. A body block that was wrapped is one paragraph again (see `wrapSeparator`); furniture
 * keeps its lines, only cleaned.
 */
export function strip(view: PageView): PageView {
  const { raw } = view;
  const edits: Edit[] = [];
  for (const piece of view.pieces) {
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
    if (piece.role === 'headline' && piece.lines === 1) edits.push(...headlineWraps(raw, piece));
  }
  return commit(view, edits);
}

function lineBreaks(raw: string, piece: Piece): Edit[] {
  const edits: Edit[] = [];
  const pattern = /[ \t\u3000]*\r?\n[ \t\u3000]*(?:(?:#{1,6}|[-*+])[ \t\u3000]+|[■□●○◆◇▲△★☆•][ \t\u3000]*)?/g;
  const body = raw.slice(piece.content.start, piece.content.end);
  const keepsLines = piece.role === 'furniture';
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    const start = piece.content.start + match.index;
    const end = start + match[0].length;
    const after = keepsLines
      ? '\n'
      : wrapSeparator(body[match.index - 1] ?? '', body[match.index + match[0].length] ?? '');
    if (raw.slice(start, end) === after) continue;
    edits.push(
      makeEdit(raw, {
        kind: 'trim',
        rule: keepsLines ? 'strip.trailing-space' : 'strip.line-wrap',
        start,
        end,
        after,
        reason: keepsLines
          ? 'Spaces or markup around a line break of page furniture'
          : 'A line wrap inside one block of text',
        confidence: keepsLines ? 0.99 : 0.9,
        op: { type: 'replace' },
      }),
    );
  }
  return edits;
}

/**
 * A headline's first space separates subject and predicate (`岳池县科协 召开第八次代表大会`);
 * a later space before a short tail (`…消纳处理 技术难题`) is most likely where the printed line
 * wrapped. Its removal is only proposed: balanced parts (`学党史 办实事 开新局`) are a style.
 */
function headlineWraps(raw: string, piece: Piece): Edit[] {
  const body = raw.slice(piece.content.start, piece.content.end);
  const parts = body.split(/[ \u3000]+/);
  if (parts.length < 3) return [];
  const edits: Edit[] = [];
  let offset = parts[0].length;
  for (let i = 1; i < parts.length; i++) {
    const space = /^[ \u3000]+/.exec(body.slice(offset))?.[0] ?? '';
    const before = parts[i - 1];
    if (
      i > 1 &&
      before.length >= 2 * parts[i].length &&
      isHanCode(before.charCodeAt(before.length - 1)) &&
      isHanCode(parts[i].charCodeAt(0))
    ) {
      edits.push(
        makeEdit(raw, {
          kind: 'trim',
          rule: 'strip.title-wrap',
          start: piece.content.start + offset,
          end: piece.content.start + offset + space.length,
          after: '',
          reason: 'A space before a short tail of the headline, probably where the printed line wrapped',
          confidence: 0.6,
          status: 'proposed',
          op: { type: 'replace' },
        }),
      );
    }
    offset += space.length + parts[i].length;
  }
  return edits;
}
