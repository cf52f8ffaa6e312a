import type { Edit, Flag } from '../model/analysis';
import { spanContains } from '../model/span';
import { bodyEndsSentence, isLead } from './cues';
import { livePieces, makeEdit, makeFlag, type PageDraft, type Piece } from './draft';
import { startsMidSentence } from './text';

/**
 * What the repairs could not restore. A paragraph cut off with no continuation, or starting
 * mid-sentence, is flagged as lost text. A body block stranded after its article's byline is
 * flagged as displaced; when it continues an unfinished paragraph elsewhere on the page, joining
 * it there is proposed (not applied: the evidence is only punctuation).
 */
export function displaced(draft: PageDraft): PageDraft {
  const { raw } = draft;
  const pieces = livePieces(draft);
  const joins = draft.edits.filter((edit) => edit.status === 'applied' && edit.op.type === 'join');
  const continued = new Set(joins.map((edit) => (edit.op.type === 'join' ? edit.op.onto : '')));
  const continuing = new Set(joins.map((edit) => (edit.op.type === 'join' ? edit.op.chunk : '')));
  const flags: Flag[] = [...draft.flags];
  const edits: Edit[] = [...draft.edits];
  const unfinished = pieces.filter(
    (piece) => piece.role === 'paragraph' && !bodyEndsSentence(piece.text) && !continued.has(piece.id) && !joins.some((edit) => spanContains(edit, piece)),
  );

  const recast = new Set(draft.edits.flatMap((edit) => (edit.status === 'applied' && edit.op.type === 'role' ? [edit.op.chunk] : [])));
  const insideJoin = (piece: Piece) => joins.some((edit) => spanContains(edit, piece));
  let afterByline = false;
  for (const piece of pieces) {
    if (piece.role === 'headline' || piece.role === 'kicker' || piece.role === 'subhead') afterByline = false;
    if (piece.role === 'byline' && !insideJoin(piece)) afterByline = true;
    if (piece.role !== 'paragraph' || recast.has(piece.id)) continue;
    const cutAtStart = !continuing.has(piece.id) && !isLead(piece.text) && startsMidSentence(piece.text);
    if (unfinished.includes(piece)) {
      flags.push(lostText(raw, piece, 'lost.end', 'The paragraph stops mid-sentence and no continuation was found; the rest is missing.'));
    }
    if (cutAtStart) {
      flags.push(lostText(raw, piece, 'lost.start', 'The paragraph starts mid-sentence; its beginning is missing.'));
    }
    if (!afterByline || continuing.has(piece.id)) continue;
    flags.push(
      makeFlag(raw, {
        kind: 'displaced-fragment',
        rule: 'displaced.after-byline',
        start: piece.start,
        end: piece.end,
        message: 'Body text printed after the article’s byline: it may belong elsewhere in this article or to another one.',
        confidence: 0.6,
      }),
    );
    const home = cutAtStart ? unfinished.filter((other) => other !== piece && other.end < piece.start).pop() : undefined;
    if (home) {
      edits.push(
        makeEdit(raw, {
          kind: 'join',
          rule: 'join.displaced',
          start: home.end,
          end: piece.start,
          after: '',
          reason: 'A fragment starting mid-sentence may continue the unfinished paragraph earlier on the page',
          confidence: 0.5,
          status: 'proposed',
          op: { type: 'join', chunk: piece.id, onto: home.id },
        }),
      );
    }
  }
  return { ...draft, flags, edits };
}

function lostText(raw: string, piece: Piece, rule: string, message: string): Flag {
  return makeFlag(raw, { kind: 'lost-text', rule, start: piece.start, end: piece.end, message, confidence: 0.7 });
}
