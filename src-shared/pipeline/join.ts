import type { Edit } from '../model/analysis';
import { bodyEndsSentence, continuesAcrossCut, isLead, isTitleLike, SEAM_REACH, wordAcrossCut } from './cues';
import { compact } from './text';
import { commit, imageGapOf, livePieces, makeEdit, type PageView, type Piece } from './draft';
import { homeFinder, matchesElsewhere } from './relocate';
import { isHan, lexicon, startsMidSentence } from '../text';

/** At most this many blocks (captions, credits, furniture) may stand between two halves. */
const MAX_INTRUDERS = 3;

/**
 * Real words made of one character twice; at a cut they are printed as written, so the doubled
 * character is not removed. Everything else doubled across a cut is the break's artefact.
 */
const REDUPLICATED = new Set(
  '常常 纷纷 人人 天天 年年 月月 日日 家家 户户 处处 个个 事事 时时 步步 层层 渐渐 刚刚 往往 仅仅 稍稍 频频 屡屡 默默 深深 紧紧 久久 多多 好好 慢慢 轻轻 高高 大大 明明 种种 点点 滴滴 匆匆 悄悄 欣欣 蒸蒸 冉冉 谢谢 看看 想想 试试 说说 谈谈 走走 听听 等等 一一 勃勃 熠熠 累累 济济 井井 津津 历历 孜孜 兢兢 业业 源源'.split(
    ' ',
  ),
);

/**
 * Rejoins paragraphs that a column or page break cut: a paragraph that does not end a sentence
 * continues in the next body block, even when a caption, a credit or furniture was printed in
 * between. A short title-like block caught in the cut is a caption, and a character doubled at
 * the cut (`传达了` / `了习近平`) is printed once. A block that evidently opens a new paragraph
 * is not joined: the cut one lost its end.
 */
export function join(view: PageView): PageView {
  const { raw } = view;
  const edits: Edit[] = [];
  const pieces = livePieces(view);
  const imageGap = imageGapOf(view.pieces);
  const foreign = foreignTest(pieces);
  for (let i = 0; i < pieces.length; i++) {
    const head = pieces[i];
    if (head.role !== 'paragraph' || bodyEndsSentence(head.text)) continue;
    const next = continuation(pieces, i, foreign);
    if (!next) continue;
    const { piece: tail, index: tailIndex, intruders } = next;
    if (newParagraphAfterCut(head.text, tail.text)) continue;
    // A credit in the cut may end the article, the text after it being a fragment printed there;
    // the sentence running on across the cut (an odd opening, a word, a doubled character) says it does not.
    const sure =
      !intruders.some((p) => p.role === 'byline') ||
      startsMidSentence(tail.text) ||
      shortWordAcross(head.text, tail.text) ||
      doubledAcrossCut(head.text, tail.text) ||
      creditedLater(pieces, tailIndex);
    for (const intruder of intruders) {
      if (intruder.role !== 'paragraph' || !isTitleLike(intruder.text)) continue;
      const gap = intruder.gapBefore >= imageGap || intruder.gapAfter >= imageGap;
      edits.push(
        makeEdit(raw, {
          kind: 'extract-caption',
          rule: 'extract.caption',
          start: intruder.start,
          end: intruder.end,
          after: intruder.text,
          reason: `Short line without sentence punctuation inside a paragraph cut by a break${gap ? ', after an image gap' : ''}`,
          confidence: gap ? 0.9 : 0.8,
          op: { type: 'role', chunk: intruder.id, role: 'caption' },
        }),
      );
    }
    const midWord = isHan(lastChar(head.text));
    edits.push(
      makeEdit(raw, {
        kind: 'join',
        rule: intruders.length ? 'join.across-intruder' : 'join.column-break',
        start: head.end,
        end: tail.start,
        after: '',
        reason: sure
          ? `Paragraph ends ${midWord ? 'mid-word' : `with "${lastChar(head.text)}"`} and continues after the break${intruders.length ? ` (past ${intruders.map((p) => p.role).join(', ')})` : ''}`
          : 'Paragraph ends mid-sentence, but the text after the byline may be a displaced fragment rather than its continuation',
        confidence: sure ? (intruders.length ? 0.9 : 0.95) : 0.55,
        status: sure ? 'applied' : 'proposed',
        op: { type: 'join', chunk: tail.id, onto: head.id },
      }),
    );
    const doubled = sure ? doubledAtCut(raw, head, tail) : null;
    if (doubled) edits.push(doubled);
    i = tailIndex - 1;
  }
  edits.push(...captionJoins(raw, pieces));
  return commit(view, edits);
}

/** A caption a break cut in two: the second half, set right under the first, continues it. */
function captionJoins(raw: string, pieces: readonly Piece[]): Edit[] {
  const joins: Edit[] = [];
  pieces.forEach((tail, i) => {
    const head = pieces[i - 1];
    if (tail.role !== 'caption' || head?.role !== 'caption' || bodyEndsSentence(head.text) || tail.gapBefore > 1)
      return;
    joins.push(
      makeEdit(raw, {
        kind: 'join',
        rule: 'join.caption',
        start: head.end,
        end: tail.start,
        after: '',
        reason: 'A caption that stops mid-sentence continues on the next line',
        confidence: 0.85,
        op: { type: 'join', chunk: tail.id, onto: head.id },
      }),
    );
  });
  return joins;
}

/**
 * The body block that continues `pieces[i]`, and what stands between them. A paragraph of
 * another article printed in the break is passed over when the block after it is evidently the
 * rest of the sentence and it is not: a word runs across the cut, or the cut character is printed
 * again after it; or it is a whole sentence of its own while the block after it opens
 * mid-sentence, or while its wording belongs clearly to another article (and the next block's
 * does not), or while only the next block makes a word with the cut end (`党建引` | `领…`).
 */
function continuation(
  pieces: readonly Piece[],
  i: number,
  foreign: (piece: Piece) => boolean,
): { piece: Piece; index: number; intruders: Piece[] } | null {
  const head = pieces[i];
  const intruders: Piece[] = [];
  for (let j = i + 1; j < pieces.length && intruders.length <= MAX_INTRUDERS; j++) {
    const piece = pieces[j];
    if (piece.role === 'paragraph') {
      const trailing = pieces[j + 1];
      const caughtTitle = isTitleLike(piece.text) && trailing?.role === 'paragraph' && !isLead(trailing.text);
      if (caughtTitle) {
        intruders.push(piece);
        continue;
      }
      if (isLead(piece.text)) return null;
      const continues = continuesAcrossCut(head.text, piece.text) || doubledAcrossCut(head.text, piece.text);
      const beyond = continues ? null : nextBody(pieces, j);
      if (beyond && intruders.length + beyond.index - j <= MAX_INTRUDERS) {
        const tail = beyond.piece.text;
        const whole = bodyEndsSentence(piece.text) && !startsMidSentence(piece.text);
        const passOver =
          wordAcrossCut(head.text, tail) ||
          doubledAcrossCut(head.text, tail) ||
          (whole &&
            (startsMidSentence(tail) ||
              (foreign(piece) && !foreign(beyond.piece)) ||
              onlyShortWordAcross(head.text, tail, piece.text)));
        if (passOver)
          return {
            piece: beyond.piece,
            index: beyond.index,
            intruders: [...intruders, ...pieces.slice(j, beyond.index)],
          };
      }
      return { piece, index: j, intruders };
    }
    if (!breakIntruder(piece)) return null;
    intruders.push(piece);
  }
  return null;
}

/** What a break prints inside a paragraph besides text: captions, credits, furniture other than banners. */
function breakIntruder(piece: Piece): boolean {
  return (
    piece.role === 'caption' || piece.role === 'byline' || (piece.role === 'furniture' && piece.furniture !== 'banner')
  );
}

/** Set against the usual bar for a move, because here the block's place in a break is no evidence. */
const FOREIGN_MARGIN = 4;

/** Whether a block's wording matches another article on the page far better than its own; built once per page. */
function foreignTest(pieces: readonly Piece[]): (piece: Piece) => boolean {
  let findHome: ReturnType<typeof homeFinder> | undefined;
  return (piece) => {
    const home = (findHome ??= homeFinder(pieces, new Set()))(piece);
    return home !== null && matchesElsewhere(home, FOREIGN_MARGIN, 'score');
  };
}

/**
 * A two-character word across a cut is weak evidence alone (one forms by chance often), but
 * when the cut end makes a word with one candidate's opening and not the other's, it tells
 * which of the two the sentence runs on into.
 */
function onlyShortWordAcross(head: string, tail: string, other: string): boolean {
  return shortWordAcross(head, tail) && !shortWordAcross(head, other);
}

function shortWordAcross(head: string, tail: string): boolean {
  return lexicon().wordAcross(compact(head).slice(-SEAM_REACH), compact(tail).slice(0, SEAM_REACH), 2) !== null;
}

/**
 * A paragraph cut mid-word whose next block opens the way a report's paragraphs do, with no
 * word, odd opening or doubled character running across the cut: the next block is a new
 * paragraph and the cut one lost its end (flagged later as lost text, not joined).
 */
function newParagraphAfterCut(head: string, tail: string): boolean {
  if (!isHan(lastChar(head)) || !opensParagraph(tail)) return false;
  return !continuesAcrossCut(head, tail) && !shortWordAcross(head, tail) && !doubledAcrossCut(head, tail);
}

/** `据悉，` `活动中，` `区科协相关负责人表示，`: a short opening clause of the kinds a report's paragraphs start with. */
function opensParagraph(text: string): boolean {
  const clause = /^([^，,。：:；;！？!?“”"]{2,12})[，,：:]/.exec(compact(text))?.[1];
  return (
    clause !== undefined && (OPENING_ADVERBIAL.test(clause) || (clause.length >= 3 && OPENING_CLAUSE_END.test(clause)))
  );
}

/** Two characters are clause enough for these. */
const OPENING_ADVERBIAL = /^(?:据悉|据了解|目前|此外|同时|下一步)$/;
/** `负责人表示`, `活动中`, `会上`, `培训后`, `今年以来`, `活动期间`. */
const OPENING_CLAUSE_END = /(?:表示|介绍|指出|强调|认为|说|中|上|后|以来|期间)$/;

/** `…茶叶精` / `精深加工…`: the break printed the cut character on both sides. */
function doubledAcrossCut(head: string, tail: string): boolean {
  const last = lastChar(head);
  return isHan(last) && tail.trimStart().startsWith(last) && !REDUPLICATED.has(last + last);
}

/** The next body paragraph after `pieces[j]`, past captions, credits and furniture other than banners. */
function nextBody(pieces: readonly Piece[], j: number): { piece: Piece; index: number } | null {
  for (let k = j + 1; k < pieces.length; k++) {
    const piece = pieces[k];
    if (piece.role === 'paragraph') return isLead(piece.text) ? null : { piece, index: k };
    if (!breakIntruder(piece)) return null;
  }
  return null;
}

/**
 * A byline ends its article; when another credit follows before the next headline, the one in
 * the cut was printed there by the break and the text after it is the paragraph's continuation.
 */
function creditedLater(pieces: readonly Piece[], from: number): boolean {
  for (let j = from + 1; j < pieces.length; j++) {
    const role = pieces[j].role;
    if (role === 'byline') return true;
    if (role === 'headline' || role === 'kicker' || role === 'subhead') return false;
  }
  return false;
}

/** The last visible character (a whole code point, so a rare character outside the BMP stays whole). */
function lastChar(text: string): string {
  const trimmed = text.trimEnd();
  const code = trimmed.codePointAt(trimmed.length - 2) ?? 0;
  return code > 0xffff ? trimmed.slice(-2) : trimmed.slice(-1);
}

function doubledAtCut(raw: string, head: Piece, tail: Piece): Edit | null {
  if (!doubledAcrossCut(head.text, raw.slice(tail.content.start, tail.content.end))) return null;
  const last = lastChar(head.text);
  return makeEdit(raw, {
    kind: 'char-fix',
    rule: 'join.doubled-char',
    start: tail.content.start,
    end: tail.content.start + last.length,
    after: '',
    reason: `"${last}" ends one half of a cut paragraph and starts the other: printed twice at the break`,
    confidence: 0.85,
    op: { type: 'replace' },
  });
}
