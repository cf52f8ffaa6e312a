import type { Edit, Flag } from '../model/analysis';
import { bodyEndsSentence, isLead } from './cues';
import {
  commit,
  livePieces,
  makeEdit,
  makeFlag,
  opensArticle,
  strandedBlocks,
  type PageView,
  type Piece,
} from './draft';
import {
  homeFinder,
  insertionPoint,
  matchesElsewhere,
  readsAsClosing,
  reportNamedBy,
  strayFinder,
  type Home,
  type Report,
} from './relocate';
import { startsMidSentence } from '../text';
import { compact } from './text';

/**
 * What the repairs could not restore. A paragraph cut off with no continuation, or starting
 * mid-sentence, is flagged as lost text. A body block stranded after its article's byline is
 * flagged as displaced; when it starts mid-sentence and an unfinished paragraph stands earlier on
 * the page, joining it there is proposed (not applied: the evidence is only punctuation). When it
 * starts a sentence it is moved back into the article whose wording it shares (its own unless
 * another matches clearly better), before that article's closing paragraph if it has one. So are
 * another article's paragraphs the join passed over inside a break, and paragraphs inside the
 * wrong article's body that name the other article's subject (see strayFinder).
 */
export function displaced(view: PageView): PageView {
  const { raw } = view;
  const pieces = livePieces(view);
  const position = new Map(pieces.map((piece, i) => [piece.id, i]));
  const continued = new Set<string>();
  const continuing = new Set<string>();
  /** Blocks a break printed inside a paragraph: between the halves of a joined one. */
  const caught = new Set<Piece>();
  const recast = new Set(pieces.filter((piece) => piece.readAs).map((piece) => piece.id));
  pieces.forEach((piece, to) => {
    if (piece.joinedOnto === undefined) return;
    continued.add(piece.joinedOnto);
    continuing.add(piece.id);
    for (let i = (position.get(piece.joinedOnto) ?? 0) + 1; i < to; i++) caught.add(pieces[i]);
  });

  const flags: Flag[] = [];
  const edits: Edit[] = [];
  const stranded = strandedBlocks(pieces, (piece) => caught.has(piece));
  /** Paragraphs of another article that a break printed between the halves of a paragraph. */
  const inBreak = pieces.filter((piece) => caught.has(piece) && piece.role === 'paragraph' && !recast.has(piece.id));
  const misplaced = new Set([...stranded, ...inBreak]);
  let findHome: ReturnType<typeof homeFinder> | undefined;
  const home = (piece: Piece) => (findHome ??= homeFinder(pieces, misplaced))(piece);
  const preceding = (piece: Piece) => {
    for (let i = (position.get(piece.id) ?? 0) - 1; i >= 0; i--) if (pieces[i].role === 'paragraph') return pieces[i];
    return undefined;
  };
  for (const piece of inBreak) {
    flags.push(
      makeFlag(raw, {
        kind: 'displaced-fragment',
        rule: 'displaced.in-break',
        start: piece.start,
        end: piece.end,
        message: 'Text printed between the two halves of a broken paragraph: it belongs to another article.',
        confidence: 0.7,
      }),
    );
    const move = moveBack(raw, piece, home(piece), [], 'Printed inside a broken paragraph', preceding, IN_BREAK_MARGIN);
    if (move) edits.push(move);
  }
  const ownParagraphs = ownParagraphsReader(pieces, stranded, continuing);
  const joined = (piece: Piece) => continuing.has(piece.id) || continued.has(piece.id);
  const strays = strayParagraphs(
    raw,
    pieces,
    (piece) => misplaced.has(piece) || caught.has(piece) || joined(piece),
    strayFinder(pieces, misplaced, home),
  );
  flags.push(...strays.flags);
  edits.push(...strays.edits);
  edits.push(...strayCredits(raw, pieces, caught));
  let lastUnfinished: Piece | undefined;
  for (const piece of pieces) {
    if (piece.role !== 'paragraph' || recast.has(piece.id) || caught.has(piece)) continue;
    const cutAtStart = !continuing.has(piece.id) && !isLead(piece.text) && startsMidSentence(piece.text);
    if (cutAtStart)
      flags.push(lostText(raw, piece, 'lost.start', 'The paragraph starts mid-sentence; its beginning is missing.'));
    if (stranded.has(piece) && !continuing.has(piece.id)) {
      flags.push(
        makeFlag(raw, {
          kind: 'displaced-fragment',
          rule: 'displaced.after-byline',
          start: piece.start,
          end: piece.end,
          message:
            'Body text printed after the article’s byline: it may belong elsewhere in this article or to another one.',
          confidence: 0.6,
        }),
      );
      // A paragraph goes on in one place: the first such fragment after it is the one proposed.
      if (cutAtStart && lastUnfinished) {
        edits.push(proposeJoin(raw, lastUnfinished, piece));
        lastUnfinished = undefined;
      }
      if (!cutAtStart) {
        const found = home(piece);
        const move = moveBack(
          raw,
          piece,
          found,
          ownParagraphs(position.get(piece.id) ?? 0),
          'Printed after a byline',
          preceding,
        );
        if (move) edits.push(move);
        // A credit printed right after the fragment goes with it to an article that has none.
        const credit = pieces[(position.get(piece.id) ?? 0) + 1];
        if (move && found && matchesElsewhere(found) && !found.credited && credit?.role === 'byline') {
          const reason = 'The credit printed after a displaced paragraph goes with it: its article has none';
          edits.push(moveEdit(raw, credit, piece.id, 'displaced.move', reason, 0.65));
        }
      }
    }
    if (!bodyEndsSentence(piece.text) && !continued.has(piece.id)) {
      flags.push(
        lostText(
          raw,
          piece,
          'lost.end',
          'The paragraph stops mid-sentence and no continuation was found; the rest is missing.',
        ),
      );
      lastUnfinished = piece;
    }
  }
  return commit(view, chainMoves(edits, pieces), flags);
}

/**
 * Paragraphs inside an article's body (not its first) that strayFinder reads as another
 * article's: flagged, and moved there.
 */
function strayParagraphs(
  raw: string,
  pieces: readonly Piece[],
  skip: (piece: Piece) => boolean,
  findStray: (paragraph: Piece) => Home | null,
): { flags: Flag[]; edits: Edit[] } {
  const flags: Flag[] = [];
  const edits: Edit[] = [];
  let before: Piece | undefined;
  for (const piece of pieces) {
    const previous = before;
    if (piece.role !== 'caption' && piece.role !== 'furniture') before = piece;
    if (piece.role !== 'paragraph' || skip(piece) || previous?.role !== 'paragraph' || isLead(piece.text)) continue;
    const stray = findStray(piece);
    const after = stray && insertionPoint(stray.paragraphs, piece);
    if (!stray || !after) continue;
    flags.push(
      makeFlag(raw, {
        kind: 'displaced-fragment',
        rule: 'displaced.in-body',
        start: piece.start,
        end: piece.end,
        message: 'A paragraph about another article’s subject, printed inside this one.',
        confidence: 0.6,
      }),
    );
    const reason = `Names the subject of the article ending at offset ${stray.paragraphs[stray.paragraphs.length - 1].end} and matches its wording far better than this one's`;
    edits.push(moveEdit(raw, piece, after.id, 'displaced.move', reason, 0.6));
  }
  return { flags, edits };
}

/**
 * The paragraphs of the article the fragment (`pieces[at]`) was printed in, up to its byline: stranded blocks
 * and the second halves of joined paragraphs are not places to insert after. In a roundup, when
 * the fragment names exactly one report's subhead (`昭化区科协相关负责人表示…` under `昭化区科协`),
 * just that report's paragraphs.
 *
 * The page is read forwards once, as the fragments come in page order (an earlier one starts the
 * reading over), so a page whose articles run to a thousand blocks (one of 15,000 short articles
 * read as 41) does not pay a walk back to the headline for every fragment. The lists returned
 * grow as the reading goes on: use one before asking for the next fragment's.
 */
function ownParagraphsReader(
  pieces: readonly Piece[],
  stranded: ReadonlySet<Piece>,
  continuing: ReadonlySet<string>,
): (at: number) => readonly Piece[] {
  let read = 0;
  let reports: Report[] = [];
  let paragraphs: Piece[] = [];
  const startArticle = () => {
    reports = [{ name: '', paragraphs: [] }];
    paragraphs = [];
  };
  return (at) => {
    if (at < read) read = 0;
    if (read === 0) startArticle();
    for (; read < at; read++) {
      const piece = pieces[read];
      if (opensArticle(piece)) startArticle();
      if (piece.role === 'subhead') reports.push({ name: compact(piece.text), paragraphs: [] });
      if (piece.role === 'paragraph' && !stranded.has(piece) && !continuing.has(piece.id)) {
        reports[reports.length - 1].paragraphs.push(piece);
        paragraphs.push(piece);
      }
    }
    return reportNamedBy(reports, pieces[at]) ?? paragraphs;
  };
}

/**
 * A paragraph the join passed over inside a break is already known not to be where it stands: any
 * article its wording matches better than the one it was printed in is the likelier home.
 */
const IN_BREAK_MARGIN = 1;

/**
 * A fragment starting a sentence after a byline goes back into an article: another one whose
 * wording it matches clearly better (a break moves text a short way, so the match is discounted
 * by distance), else its own. The move is applied: it only reorders text, the fragment stays
 * flagged, and one revert puts it back where it was printed.
 */
function moveBack(
  raw: string,
  fragment: Piece,
  home: Home | null,
  own: readonly Piece[],
  printed: string,
  precedingParagraph: (piece: Piece) => Piece | undefined,
  margin?: number,
): Edit | null {
  const elsewhere = home !== null && matchesElsewhere(home, margin);
  const after = insertionPoint(elsewhere ? home.paragraphs : own, fragment);
  // Already in place: it follows that paragraph as printed.
  if (!after || (!elsewhere && after === precedingParagraph(fragment))) return null;
  const reason = elsewhere
    ? `${printed}; its wording matches the article ending at offset ${home.paragraphs[home.paragraphs.length - 1].end} clearly better than the one it sits in`
    : 'Printed after its article’s byline; it reads as part of the report and goes back into it, before a closing paragraph';
  return moveEdit(raw, fragment, after.id, 'displaced.move', reason, elsewhere ? 0.7 : 0.65);
}

/**
 * Several fragments may go back after the same paragraph: each is put after the one placed
 * before it, the ones that read as a close last, so they land in reading order.
 */
function chainMoves(edits: Edit[], pieces: readonly Piece[]): Edit[] {
  const text = new Map(pieces.map((piece) => [piece.id, piece.text]));
  const moves = edits.filter(
    (edit) => edit.rule === 'displaced.move' && edit.op.type === 'move' && text.has(edit.op.chunk),
  );
  // Read once per move, not once per comparison: a page of many short articles moves thousands.
  const closing = new Map(
    moves.map((edit) => [edit, edit.op.type === 'move' && readsAsClosing(text.get(edit.op.chunk) ?? '') ? 1 : 0]),
  );
  const placed = new Map<string, string>();
  const rewritten = new Map<Edit, Edit>();
  for (const edit of [...moves].sort((a, b) => (closing.get(a) ?? 0) - (closing.get(b) ?? 0) || a.start - b.start)) {
    if (edit.op.type !== 'move') continue;
    let anchor = edit.op.after;
    while (placed.has(anchor)) anchor = placed.get(anchor) ?? anchor;
    placed.set(anchor, edit.op.chunk);
    if (anchor !== edit.op.after) rewritten.set(edit, { ...edit, op: { ...edit.op, after: anchor } });
  }
  return edits.map((edit) => rewritten.get(edit) ?? edit);
}

/** An applied move of `piece` to right after `after`: the text is not changed, only where it is read. */
function moveEdit(raw: string, piece: Piece, after: string, rule: string, reason: string, confidence: number): Edit {
  return makeEdit(raw, {
    kind: 'move',
    rule,
    start: piece.start,
    end: piece.end,
    after: raw.slice(piece.start, piece.end),
    reason,
    confidence,
    op: { type: 'move', chunk: piece.id, after },
  });
}

/**
 * A credit caught in a break of one article while that article prints its own credit at the end,
 * and the article before it ends with none: the break carried the earlier article's credit
 * down. It is moved back to the end of that article.
 */
function strayCredits(raw: string, pieces: readonly Piece[], caught: ReadonlySet<Piece>): Edit[] {
  /** A credit of its own at the article's end, and any credit at all. */
  const closed = (from: number, to: number) =>
    pieces.slice(from, to).some((piece) => (piece.role === 'byline' && !caught.has(piece)) || piece.creditInline);
  const credited = (from: number, to: number) =>
    pieces.slice(from, to).some((piece) => piece.role === 'byline' || piece.creditInline);
  const moves: Edit[] = [];
  pieces.forEach((credit, i) => {
    if (credit.role !== 'byline' || !caught.has(credit)) return;
    let titleGroup = i;
    while (titleGroup > 0 && !opensArticle(pieces[titleGroup])) titleGroup--;
    while (titleGroup > 0 && opensArticle(pieces[titleGroup - 1])) titleGroup--;
    let end = i + 1;
    while (end < pieces.length && !opensArticle(pieces[end])) end++;
    let previousStart = titleGroup - 1;
    while (previousStart > 0 && !opensArticle(pieces[previousStart])) previousStart--;
    if (titleGroup === 0 || previousStart < 0 || !opensArticle(pieces[previousStart])) return;
    if (!closed(i + 1, end) || credited(previousStart, titleGroup)) return;
    const last = pieces
      .slice(previousStart, titleGroup)
      .reverse()
      .find((piece) => piece.role !== 'furniture');
    if (!last) return;
    const reason =
      'A credit printed inside this article’s broken paragraph, which has its own credit; the article before ends without one';
    moves.push(moveEdit(raw, credit, last.id, 'displaced.stray-credit', reason, 0.7));
  });
  return moves;
}

function proposeJoin(raw: string, home: Piece, fragment: Piece): Edit {
  return makeEdit(raw, {
    kind: 'join',
    rule: 'join.displaced',
    start: home.end,
    end: fragment.start,
    after: '',
    reason: 'A fragment starting mid-sentence may continue the unfinished paragraph earlier on the page',
    confidence: 0.5,
    status: 'proposed',
    op: { type: 'join', chunk: fragment.id, onto: home.id },
  });
}

function lostText(raw: string, piece: Piece, rule: string, message: string): Flag {
  return makeFlag(raw, { kind: 'lost-text', rule, start: piece.start, end: piece.end, message, confidence: 0.7 });
}
