import type { Edit } from '../model/analysis';
import {
  bodyEndsSentence,
  continuesAcrossCut,
  isLead,
  isPlaceName,
  isTitleLike,
  opensParagraph,
  opensReport,
  SEAM_REACH,
} from './cues';
import { compact } from './text';
import { commit, imageGapOf, livePieces, makeEdit, type PageView, type Piece } from './draft';
import { homeFinder, type Home as Topic } from './relocate';
import { fittedContinuation, type ContinuationContext } from './decide/continuation';
import type { Judge } from './decide/model';
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
export function join(view: PageView, judge: Judge<ContinuationContext> = fittedContinuation): PageView {
  const { raw } = view;
  const edits: Edit[] = [];
  const pieces = livePieces(view);
  const imageGap = imageGapOf(view.pieces);
  const topic = topicTest(pieces);
  for (let i = 0; i < pieces.length; i++) {
    const head = pieces[i];
    if (head.role !== 'paragraph' || bodyEndsSentence(head.text)) continue;
    const next = continuation(pieces, i, topic, judge);
    if (!next) continue;
    const { piece: tail, index: tailIndex, intruders, strayHeadlines } = next;
    if (newParagraphAfterCut(head, tail)) continue;
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
    for (const { title: intruder, after, subhead } of strayHeadlines) {
      if (subhead)
        edits.push(
          makeEdit(raw, {
            kind: 'reclassify',
            rule: 'join.roundup-subhead',
            start: subhead.start,
            end: subhead.end,
            after: subhead.text,
            reason:
              'A place name over a report, under a roundup’s headline read between columns: the first report’s subhead',
            confidence: 0.8,
            op: { type: 'role', chunk: subhead.id, role: 'subhead' },
          }),
        );
      edits.push(
        makeEdit(raw, {
          kind: 'move',
          rule: 'join.headline-between-columns',
          start: intruder.start,
          end: intruder.end,
          after: raw.slice(intruder.start, intruder.end),
          reason: `A ${intruder.role === 'kicker' ? 'kicker' : 'headline'} set across columns, read inside a paragraph it cuts: it goes above the report below that opens without one`,
          confidence: 0.8,
          op: { type: 'move', chunk: intruder.id, after: after.id },
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
          ? `Paragraph ends ${midWord ? 'mid-word' : `with "${lastChar(head.text)}"`} and continues after the break${intruders.length ? ` (past ${intruders.map((p) => p.role).join(', ')})` : ''}${next.reasons.length ? ` (${next.reasons.join(' ')})` : ''}`
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
 * The body block that continues `pieces[i]`, and what stands between them. When a second body
 * block follows within reach, the continuation decision says whether the sentence runs on into it
 * instead, the next one (another article's paragraph, a stray sentence) having been printed in the
 * break; its strongest features are the join's reasons.
 */
function continuation(
  pieces: readonly Piece[],
  i: number,
  topic: (piece: Piece) => Topic | null,
  judge: Judge<ContinuationContext>,
): {
  piece: Piece;
  index: number;
  intruders: Piece[];
  /**
   * Headlines (and a kicker over one) among the intruders, each with the block it goes after,
   * above a headless lead, or above the first subhead of a headless roundup (read as a headline).
   */
  strayHeadlines: StrayHeadline[];
  reasons: string[];
} | null {
  const head = pieces[i];
  const intruders: Piece[] = [];
  const strayHeadlines: StrayHeadline[] = [];
  for (let j = i + 1; j < pieces.length && intruders.length <= MAX_INTRUDERS; j++) {
    const piece = pieces[j];
    if (piece.role === 'paragraph') {
      const trailing = pieces[j + 1];
      // A short line with no punctuation caught in the cut is a caption, unless the cut sentence runs on into it.
      const caughtTitle =
        isTitleLike(piece.text) &&
        trailing?.role === 'paragraph' &&
        !isLead(trailing.text) &&
        !continuesAcrossCut(head.text, piece.text);
      if (caughtTitle) {
        intruders.push(piece);
        continue;
      }
      if (isLead(piece.text)) return null;
      const beyond = nextBody(pieces, j);
      if (beyond && intruders.length + beyond.index - j <= MAX_INTRUDERS) {
        const decision = judge({ head, next: piece, beyond: beyond.piece, topic });
        if (decision.verdict === 'apply')
          return {
            piece: beyond.piece,
            index: beyond.index,
            intruders: [...intruders, ...pieces.slice(j, beyond.index)],
            strayHeadlines,
            reasons: decision.reasons,
          };
      }
      return { piece, index: j, intruders, strayHeadlines, reasons: [] };
    }
    if (!breakIntruder(piece)) {
      // A kicker goes with the headline under it, and above it again.
      const kicker = piece.role === 'kicker' && pieces[j + 1]?.role === 'headline' ? piece : null;
      const lead = headlessLeadFor(pieces, kicker ? j + 1 : j, head);
      if (lead === null) return null;
      // Over the lead and the photo captions right above it, which its report prints under the headline.
      let above = lead - 1;
      while (above > j && pieces[above].role === 'caption') above--;
      const subhead = opensHeadlessRoundup(pieces, lead) ? pieces[lead] : undefined;
      strayHeadlines.push({ title: piece, after: pieces[above], subhead });
      if (kicker) {
        strayHeadlines.push({ title: pieces[++j], after: kicker });
        intruders.push(kicker);
      }
    }
    intruders.push(pieces[j]);
  }
  return null;
}

interface StrayHeadline {
  title: Piece;
  after: Piece;
  /** The place name the headline goes above, when it opens a roundup: read as that report's subhead. */
  subhead?: Piece;
}

/** What a break prints inside a paragraph besides text: captions, credits, furniture other than banners. */
function breakIntruder(piece: Piece): boolean {
  return (
    piece.role === 'caption' || piece.role === 'byline' || (piece.role === 'furniture' && piece.furniture !== 'banner')
  );
}

/**
 * How a block's wording compares with the page's other articles: the best other article's topic
 * score and its own article's match (cosines; null when no other article is near). Built once per
 * page, and kept per block: the continuation decision reads a block's topic in several features,
 * and a block is the next or the one after it for more than one cut paragraph.
 */
function topicTest(pieces: readonly Piece[]): (piece: Piece) => Topic | null {
  let findHome: ReturnType<typeof homeFinder> | undefined;
  const found = new Map<Piece, Topic | null>();
  return (piece) => {
    if (!found.has(piece)) found.set(piece, (findHome ??= homeFinder(pieces, new Set()))(piece));
    return found.get(piece)!;
  };
}

function shortWordAcross(head: string, tail: string): boolean {
  return lexicon().wordAcross(compact(head).slice(-SEAM_REACH), compact(tail).slice(0, SEAM_REACH), 2) !== null;
}

/**
 * A paragraph cut mid-word whose next block opens the way a report's paragraphs do, or any cut
 * paragraph whose next block opens with the indent of a paragraph's first line (the rest of one
 * continued after a break has none), with no word, odd opening or doubled character running
 * across the cut: the next block is a new paragraph and the cut one lost its end (flagged later
 * as lost text, not joined).
 */
function newParagraphAfterCut(head: Piece, tail: Piece): boolean {
  const opens = tail.indented === true || (isHan(lastChar(head.text)) && opensParagraph(tail.text));
  if (!opens) return false;
  return (
    !continuesAcrossCut(head.text, tail.text) &&
    !shortWordAcross(head.text, tail.text) &&
    !doubledAcrossCut(head.text, tail.text)
  );
}

/** `…茶叶精` / `精深加工…`: the break printed the cut character on both sides. */
function doubledAcrossCut(head: string, tail: string): boolean {
  const last = lastChar(head);
  return isHan(last) && tail.trimStart().startsWith(last) && !REDUPLICATED.has(last + last);
}

/** How far below a headline read inside a paragraph the report it heads may open. */
const HEADLESS_LEAD_REACH = 8;

/**
 * For a headline at `pieces[at]` read between the halves of the sentence `head` broke off in (the
 * next body block goes on with it): the index of the `本报讯` lead below that opens a report with
 * no headline of its own, or of the place-name subhead that opens a roundup with none (right
 * after a credit, over a report: `洪雅县` / `近日，眉山市洪雅县科协…`), past the rest of the article
 * the headline cuts (its paragraphs and credit); null when there is none within reach, or another
 * title comes first.
 */
function headlessLeadFor(pieces: readonly Piece[], at: number, head: Piece): number | null {
  if (pieces[at].role !== 'headline') return null;
  const rest = nextBody(pieces, at);
  if (!rest) return null;
  const runsOn =
    continuesAcrossCut(head.text, rest.piece.text) ||
    shortWordAcross(head.text, rest.piece.text) ||
    // `head` stops before its sentence's end (join asks only of such a paragraph): the sentence
    // goes on in the next block unless that one opens a paragraph.
    (!opensParagraph(rest.piece.text) && !isLead(rest.piece.text));
  if (!runsOn) return null;
  for (let k = rest.index + 1; k < pieces.length && k <= at + HEADLESS_LEAD_REACH; k++) {
    const piece = pieces[k];
    if (piece.role === 'paragraph' && isLead(piece.text)) return k;
    if (opensHeadlessRoundup(pieces, k)) return k;
    if (piece.role !== 'paragraph' && !breakIntruder(piece)) return null;
  }
  return null;
}

/** A place name read as a headline right after a credit, over a report: a roundup's first subhead. */
function opensHeadlessRoundup(pieces: readonly Piece[], k: number): boolean {
  const report = pieces[k + 1];
  return (
    pieces[k].role === 'headline' &&
    isPlaceName(pieces[k].text) &&
    pieces[k - 1]?.role === 'byline' &&
    report?.role === 'paragraph' &&
    opensReport(report.text)
  );
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
