import type { Edit } from '../model/analysis';
import { BLANK, chunk, INDENT, lines, MARKUP, toPiece, type Line } from './chunk';
import {
  bannerInBlock,
  continuesAcrossCut,
  describesScene,
  isBylineBlock,
  isCaptionText,
  isColumnSponsor,
  isLead,
  isOrganisationList,
  isPlaceName,
  isPromo,
  isSponsorHeading,
  isTitleLike,
  opensParagraph,
  opensReport,
  withoutTrailingByline,
} from './cues';
import { makeEdit, type PageDraft, type Piece } from './draft';
import { endsSentence, isHan, seamGain, startsMidSentence } from '../text';
import { compact, isParenthesized, isPinyinLine } from './text';

/**
 * How the OCR engine laid the page out as text (page-anatomy.md, "Layouts of OCR text"):
 * `blank-line` blocks (one per paragraph or line of furniture), or `wrapped`, every printed
 * column line a line of text, cut at the column width, with or without paragraph indents.
 */
export interface Layout {
  kind: 'blank-line' | 'wrapped';
  /** Characters a full column line holds; 0 on a blank-line page. */
  width: number;
  /** The fewest characters a line the page shows full comes out with (an engine's lengths scatter). */
  fullFrom: number;
  /** Paragraphs open with two ideographic spaces (or 2–4 ASCII spaces). */
  indented: boolean;
}

/** One non-blank line with what its print says: the text with indent and letter-spacing set aside. */
export interface MeasuredLine extends Line {
  /** Blank lines right before this one. */
  blanksBefore: number;
  indented: boolean;
  /** Places the line takes in the column: its characters, the indent counted as the two it occupies. */
  chars: number;
  /** Tesseract's letter-spacing: most characters set apart by a single space. */
  spaced: boolean;
  /** Opens with a Markdown or bullet marker, which always opens a block. */
  markup: boolean;
}

/** A page needs this many text lines before its layout is judged (as in chunk). */
const MIN_LINES_TO_JUDGE = 8;
/** Column widths a wrap can have; a mode outside is a page of whole-paragraph lines. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 40;
/** Half-width digits and Latin letters let a full line hold a few characters more than the width. */
const OVER_WIDTH = 2;
/** At least this share of the lines sits at the wrap width on a wrapped page. */
const AT_WIDTH_SHARE = 0.4;
/** At most this share is longer than the width (headlines and banners set across columns). */
const OVER_WIDTH_SHARE = 0.25;
/** A wrapped page holds nearly two lines or more per run between blank lines (an engine sets blanks inside paragraphs too); blank-line pages about one. */
const MIN_LINES_PER_RUN = 1.8;
/** Full lines over lines just short of them below which a page's line lengths count as scattered. */
const SCATTER_RATIO = 5;
/** Lines with this many indents make an indented page. */
const MIN_INDENTS = 2;

export function measureLines(raw: string): MeasuredLine[] {
  const result: MeasuredLine[] = [];
  let blanks = 0;
  for (const line of lines(raw)) {
    const text = raw.slice(line.start, line.end);
    if (BLANK.test(text)) {
      blanks++;
      continue;
    }
    const trimmed = text.trim();
    const indented = INDENT.test(text);
    const spaced = isLetterSpaced(trimmed);
    // A space inside a line takes a place in print (`本报讯 近日`); letter-spacing does not.
    const chars = (indented ? 2 : 0) + (spaced ? trimmed.replace(/\s/g, '').length : trimmed.length);
    result.push({
      start: line.start,
      end: line.end,
      blanksBefore: blanks,
      indented,
      chars,
      spaced,
      markup: MARKUP.test(trimmed),
    });
    blanks = 0;
  }
  return result;
}

/**
 * The layout from the page's own evidence: on a wrapped page the most common line length sits
 * near the maximum (every line but a paragraph's last fills the column) and holds a good share
 * of the lines, and blank lines are rare; on a blank-line page lengths scatter from a title's to
 * a paragraph's and nearly every line has a blank line after it.
 */
/**
 * The shortest a full column line comes out: an engine drops a character now and then and reads
 * a full-width mark as a half-width one plus a space, so lengths scatter by about a tenth.
 */
function fullLineMin(width: number): number {
  return width - Math.max(1, Math.round(width / 10));
}

export function detectLayout(measured: readonly MeasuredLine[]): Layout {
  const blankLine: Layout = { kind: 'blank-line', width: 0, fullFrom: 0, indented: false };
  const runs = measured.filter((line, i) => i === 0 || line.blanksBefore > 0).length;
  if (measured.length < MIN_LINES_TO_JUDGE || measured.length < MIN_LINES_PER_RUN * runs) return blankLine;
  const counts = new Map<number, number>();
  for (const line of measured)
    if (line.chars >= MIN_WIDTH && line.chars <= MAX_WIDTH) counts.set(line.chars, (counts.get(line.chars) ?? 0) + 1);
  let mode = 0;
  for (const [chars, count] of counts)
    if (count > (counts.get(mode) ?? 0) || (count === counts.get(mode) && chars > mode)) mode = chars;
  if (mode === 0) return blankLine;
  const near = (width: number) =>
    measured.filter((line) => line.chars >= fullLineMin(width) && line.chars <= width + OVER_WIDTH).length;
  // Where the engine's lengths scatter, two lengths can tie for the mode: the width whose band
  // holds the most lines is the column's.
  let width = mode;
  if (near(mode) < AT_WIDTH_SHARE * measured.length)
    for (const chars of counts.keys()) if (near(chars) > near(width)) width = chars;
  const exact = measured.filter((line) => line.chars >= width - 1 && line.chars <= width + OVER_WIDTH).length;
  const short = near(width) - exact;
  const over = measured.filter((line) => line.chars > width + OVER_WIDTH).length;
  if (exact + short < AT_WIDTH_SHARE * measured.length || over > OVER_WIDTH_SHARE * measured.length) return blankLine;
  // Lines a character or two short of the width, often next to full ones: an engine's scatter,
  // not paragraphs' last lines (which spread over every length).
  const fullFrom = short * SCATTER_RATIO >= exact ? fullLineMin(width) : width - 1;
  return { kind: 'wrapped', width, fullFrom, indented: measured.filter((line) => line.indented).length >= MIN_INDENTS };
}

/**
 * The first stage: cuts the raw page into blocks with raw offsets, whatever its layout. A
 * blank-line page is cut by `chunk`; on a wrapped page the lines of one paragraph make one block
 * (their breaks are unwrapped by strip, which knows the furniture that keeps its lines), and the
 * engine's letter-spacing and half-width punctuation are undone by recorded edits.
 */
export function reflow(draft: PageDraft): PageDraft {
  const measured = measureLines(draft.raw);
  const layout = detectLayout(measured);
  if (layout.kind === 'blank-line') return chunk(draft);
  const { raw } = draft;
  const edits: Edit[] = [...draft.edits];
  const fullWidth = fullWidthMarks(raw, measured);
  const texts = measured.map((line, i) => normalizeLine(raw, line, fullWidth, edits, measured[i + 1]));
  const lines = shapeLines(measured, texts, layout);
  const pieces: Piece[] = [];
  for (const run of runs(lines, layout)) {
    const part = run.map((line) => line.measured);
    const piece = toPiece(raw, part, part[0].blanksBefore);
    const previous = pieces[pieces.length - 1];
    if (previous) previous.gapAfter = part[0].blanksBefore;
    const headingLines = run.every((line) => isTitleLike(line.text) || line.pinyin);
    let text = run[0].text;
    for (const line of run.slice(1))
      text += (headingLines ? '\n' : wrapSeparator(text.slice(-1), line.text.charAt(0))) + line.text;
    pieces.push({ ...piece, text });
  }
  const last = pieces[pieces.length - 1];
  if (last) last.gapAfter = trailingBlanks(raw);
  return { ...draft, pieces, edits };
}

/**
 * What a line wrap between two characters reads as once unwrapped: nothing in Chinese text or
 * inside a number cut by the wrap (`2` | `023`), a space between Latin words.
 */
export function wrapSeparator(left: string, right: string): string {
  const latin = (ch: string) => /[A-Za-z0-9]/.test(ch);
  return latin(left) && latin(right) && !(/[0-9]/.test(left) && /[0-9]/.test(right)) ? ' ' : '';
}

function trailingBlanks(raw: string): number {
  const all = lines(raw);
  let n = 0;
  for (let i = all.length - 1; i >= 0 && BLANK.test(raw.slice(all[i].start, all[i].end)); i--) n++;
  return n;
}

/** What a line's text and its place in the column say about it. */
interface ShapedLine {
  measured: MeasuredLine;
  text: string;
  /** Fills the column (within a character or two). */
  wide: boolean;
  /** Longer than the column: set across columns (a headline, a banner). */
  over: boolean;
  /** Far longer than the column: a whole paragraph the engine set on one line. */
  paragraph: boolean;
  /** A headline, kicker, subhead, caption or furniture line, not a line of running text. */
  title: boolean;
  credit: boolean;
  ended: boolean;
  pinyin: boolean;
  /** A banner, column sponsor, promo or sponsor heading by its own wording. */
  furniture: boolean;
  /** A banner or column sponsor line: a block of its own. */
  alone: boolean;
  /**
   * A title line read between the halves of a sentence (see interruptsSentence): a headline set
   * across columns that the engine read between one column's lines. A block of its own, not the
   * start of the text below.
   */
  wedged: boolean;
}

/**
 * Line `i` (with any title lines right above it) stands after a blank line under a full line
 * that stops mid-sentence, and the line below it goes on with that sentence. For a line shaped
 * like a title, the line below opening mid-sentence or a word across says so; a line as wide as
 * the column may be the next line of that sentence itself, so the sentence must read on across
 * it (a word across, or a number split: `吸引了2` / `000余名`) and not into it.
 */
function interruptsSentence(
  above: readonly ShapedLine[],
  measured: readonly MeasuredLine[],
  i: number,
  texts: readonly string[],
  shapedAsTitle: boolean,
): boolean {
  let first = i;
  while (first > 0 && measured[first].blanksBefore === 0 && above[first - 1].title) first--;
  const before = above[first - 1];
  if (measured[first].blanksBefore === 0 || !before?.wide || before.title || before.ended) return false;
  if (measured[i + 1]?.blanksBefore !== 0) return false;
  const after = texts[i + 1];
  if (/\d$/.test(before.text) && /^\d/.test(after)) return true;
  if (shapedAsTitle) return continuesAcrossCut(before.text, after);
  const [head, line, rest] = [compact(before.text), compact(texts[i]), compact(after)];
  const across = seamGain(head, rest);
  return seamGain(head, line) < CLEAR_WORD_GAIN && across >= CLEAR_WORD_GAIN && across > seamGain(line, rest);
}

/**
 * A word runs from line `i` into the running text right below it (`…发挥“三长”专业优` / `势，在…`):
 * the line is the first of a paragraph that happens to hold no punctuation, not a title.
 */
function runsIntoBelow(measured: readonly MeasuredLine[], texts: readonly string[], i: number): boolean {
  const below = texts[i + 1];
  if (below === undefined || measured[i + 1].blanksBefore > 0 || isTitleLike(below) || isLead(below)) return false;
  return seamGain(compact(texts[i]), compact(below)) >= CLEAR_WORD_GAIN;
}

/**
 * A seam gain this large (nats) is a word the cut split, not two words meeting by chance: a
 * headline's last word and the next line's first character often make some word (`基地` / `区…`
 * reads `地区`, gain 1.4; `专业优` / `势，` reads `优势`, 12.8).
 */
const CLEAR_WORD_GAIN = 4;

/** A line this short right after an unfinished full line is that sentence's end, not a title. */
const TAIL_MAX = 4;
/** Characters a headline or caption never ends with: a line ending so breaks off mid-phrase. */
const ENDS_MID_PHRASE = /[的和与及或在对把将被向从了]$/;

/** One pass down the page: whether a line is a title depends on the line above being one. */
function shapeLines(measured: readonly MeasuredLine[], texts: readonly string[], layout: Layout): ShapedLine[] {
  const result: ShapedLine[] = [];
  measured.forEach((line, i) => {
    const text = texts[i];
    const wide = line.chars >= layout.fullFrom;
    const over = line.chars > layout.width + OVER_WIDTH;
    const above = line.blanksBefore === 0 ? result[i - 1] : undefined;
    // The line goes on from a full line above that stopped mid-sentence.
    const continues = above !== undefined && above.wide && !above.title && !above.ended;
    // Headlines are never indented, nor open inside a quotation.
    const alone = bannerInBlock(text) !== null || isColumnSponsor(text);
    const furniture = alone || isPromo(text) || isSponsorHeading(text);
    // A closing mark first says the line starts inside a quotation, unless a title line above left one open.
    const quotedFromAbove = above !== undefined && above.title && leavesOpen(above.text);
    let title =
      isTitleLike(text) &&
      !line.indented &&
      (!closesBeforeOpening(text) || quotedFromAbove) &&
      !runsIntoBelow(measured, texts, i);
    let wedged = false;
    if (title && !furniture) {
      if (!wide || over) {
        title = !(
          continues &&
          !over &&
          (line.chars <= TAIL_MAX || ENDS_MID_PHRASE.test(text) || closedBelow(i, measured, texts))
        );
        wedged = title && interruptsSentence(result, measured, i, texts, true);
      } else {
        wedged = interruptsSentence(result, measured, i, texts, false);
        title = wedged || (!continues && !ENDS_MID_PHRASE.test(text) && opensBelow(i, measured, texts, layout));
      }
    }
    result.push({
      measured: line,
      text,
      wide: wide && !over,
      over,
      paragraph: line.chars > 2 * layout.width + OVER_WIDTH && !isTitleLike(text),
      title,
      credit: isBylineBlock(text) || (isParenthesized(text) && text.length <= BYLINE_MAX),
      ended: endsSentence(withoutTrailingByline(text)),
      pinyin: isPinyinLine(text),
      furniture,
      alone,
      wedged,
    });
  });
  return result;
}

const BYLINE_MAX = 40;

/**
 * What follows line `i` closes the text it ends: a credit, a place-name subhead of the next
 * report, or the page's end. A headline or kicker opens text; the rest of a paragraph cut off
 * after a full line (`…讲授了` / `近视防控和心理健康知` / `罗江区`) is what such a line is.
 */
function closedBelow(i: number, measured: readonly MeasuredLine[], texts: readonly string[]): boolean {
  const below = measured[i + 1];
  if (!below) return true;
  const next = texts[i + 1];
  return isBylineBlock(next) || (isParenthesized(next) && next.length <= BYLINE_MAX) || isPlaceName(next);
}

/** `助”科技志愿服`: a closing quote or bracket before any opening one, so the line starts mid-text. */
function closesBeforeOpening(text: string): boolean {
  const close = text.search(/[”’」』）)》]/);
  const open = text.search(/[“‘「『（(《]/);
  return close !== -1 && (open === -1 || close < open);
}

/** `…送去科学实验“大`: more quotation marks or brackets opened than closed, so the text goes on below. */
function leavesOpen(text: string): boolean {
  return (text.match(/[“‘「『（(《]/g)?.length ?? 0) > (text.match(/[”’」』）)》]/g)?.length ?? 0);
}

/**
 * What follows line `i` opens a block of its own: a blank line, an indent, a lead (`本报讯…`),
 * a credit or a short title line. A title-like line as wide as the column is a headline only
 * then; otherwise it is a wrapped line without punctuation.
 */
function opensBelow(i: number, measured: readonly MeasuredLine[], texts: readonly string[], layout: Layout): boolean {
  const below = measured[i + 1];
  if (!below || below.blanksBefore > 0 || (layout.indented && below.indented)) return true;
  const next = texts[i + 1];
  return isLead(next) || isBylineBlock(next) || (isTitleLike(next) && below.chars < layout.fullFrom);
}

/** Groups the lines into blocks: cut where `cutsBefore` says, and at blank lines but over `continuesOverGap`. */
function runs(lines: readonly ShapedLine[], layout: Layout): ShapedLine[][] {
  const result: ShapedLine[][] = [];
  lines.forEach((line, i) => {
    const opens =
      i === 0 ||
      isWholeBanner(result[result.length - 1]) ||
      (line.measured.blanksBefore > 0 ? !continuesOverGap(lines, i) : cutsBefore(lines[i - 1], line, layout));
    if (opens) result.push([line]);
    else result[result.length - 1].push(line);
  });
  return result;
}

/**
 * A banner's pinyin and its name, in either order: nothing else goes into its block. (The name
 * under its pinyin, `DI FANG KE XIE` / `地方科协`, would otherwise read as a headline's subject.)
 * A pinyin line joins only its name, so it is one of the run's last two lines: asked of every line,
 * the test looks no further, or a long run would be scanned once per line it gains.
 */
function isWholeBanner(run: readonly ShapedLine[]): boolean {
  return (
    run.length >= 2 &&
    (run[run.length - 1].pinyin || run[run.length - 2].pinyin) &&
    bannerInBlock(run.map((line) => line.text).join('\n')) !== null
  );
}

/**
 * Whether a new block opens at line `b` of a wrapped run. A paragraph opens at an indent; a
 * line shorter than the column ends its paragraph only with evidence (a sentence end, a title
 * or credit line after it, a line opening as a new paragraph does); a full line goes on in the
 * next unless a title line follows (or, without indents, it ends a sentence and the next opens a
 * paragraph), since a paragraph continued after a column break opens without indent.
 */
function cutsBefore(a: ShapedLine, b: ShapedLine, layout: Layout): boolean {
  // A banner's name and its pinyin stay together; anything else next to either is another block.
  if (a.pinyin || b.pinyin) return bannerInBlock(`${a.text}\n${b.text}`) === null;
  if (a.alone || b.alone) return true;
  if (b.measured.indented || b.measured.markup || a.paragraph || b.paragraph) return true;
  if (a.credit) return true;
  if (b.credit) return !isSponsorHeading(a.text);
  if (a.wedged) return true;
  // A short line ending a sentence ends its paragraph: a line opening mid-sentence below it is the
  // rest of another, cut by a break (the block the break printed before it ended here).
  if (a.ended && !a.wide && !a.title) return true;
  if (startsMidSentence(b.text)) return false;
  if (a.title) return !b.title || !headingPair(a, b);
  // Without indents, a sentence ending at a full line's end, then one opening the way a report's
  // paragraphs do (`…表示，` `活动中，`): the paragraph ended there, its last line filling the column.
  if (a.wide) return b.title || (!layout.indented && a.ended && opensNewParagraph(b.text));
  // A short line stopping mid-sentence lost its end (or a break cut it) when the next opens as a
  // report's paragraphs do and no word runs across.
  return a.ended || b.title || (opensNewParagraph(b.text) && !continuesAcrossCut(a.text, b.text));
}

/**
 * Two title lines that make one block: a headline set on two lines (the second no longer than
 * the first), a promotion, the sponsor list. A short line over a longer one is a kicker, a place
 * name under a headline a subhead, a photo's caption (`图为…`) under it a caption; a
 * column sponsor line stands alone.
 */
function headingPair(a: ShapedLine, b: ShapedLine): boolean {
  if (PROMO_OPENS.test(a.text) && !PROMO_OPENS.test(b.text) && isPromo(b.text)) return true;
  if (isOrganisationList(a.text) && isOrganisationList(b.text)) return true;
  if (isPromo(a.text) || isPromo(b.text) || isPlaceName(b.text)) return false;
  // `图为…` under a headline is the photo's caption, set there when the photo sits beside the text;
  // so is a line saying who is pictured doing what.
  if (isCaptionText(b.text) || describesScene(b.text)) return false;
  if (namesSubject(a.text)) return true;
  // Headline type is larger than body type, so a headline wrapped in a column holds fewer
  // characters a line than the column's text: a title line as long as a body line is whole (a
  // headline) or wrapped at the column (a caption). What is under it goes on with it only when the
  // text runs on across the line end: a word across it, or a quotation left open.
  if ((a.wide || a.over) && !leavesOpen(a.text) && seamGain(compact(a.text), compact(b.text)) <= 0) return false;
  return b.measured.chars <= a.measured.chars;
}

/**
 * `岳池县科协` over `召开第三次代表大会`: an organisation's name over the rest of a title is the
 * subject of a headline whose space was printed as a line break. A kicker can name an
 * organisation too (`新津区科协`), but seldom: 5 of 53 kickers in the annotated gold, none of 17 in
 * the OCR set's articles, against 115 headlines opening `…科协 `; where the two read alike, the
 * headline is the likelier, and a kicker set apart by a blank line is not asked.
 */
const SUBJECT_MAX = 16;
const ORGANISATION_END = /(?:科协|学会|协会|分会|研究会)$/;

function namesSubject(text: string): boolean {
  const flat = compact(text);
  return flat.length <= SUBJECT_MAX && ORGANISATION_END.test(flat);
}

const PROMO_OPENS = /^(?:欢迎关注|扫码关注|扫一扫)/;

/** `会上，` `近日，` `…负责人表示，`: how a report's paragraphs open. */
function opensNewParagraph(text: string): boolean {
  return opensParagraph(text) || opensReport(text);
}

/**
 * A blank line the engine saw inside a paragraph (the vertical space of a column break): the
 * line before fills the column with body text that stops mid-sentence, and the next line goes on
 * with it, not indented and no title. A single full line without punctuation may be a headline
 * as wide as the column: only a sentence evidently going on across the gap (`…讲解` | `了防范…`)
 * joins it; otherwise join and classify decide. Without a word across, neither is the gap joined
 * over when the next line opens as a report's paragraphs do, or when the cut sentence goes on
 * below the block after the gap (`restFollows`): a break prints other text in its gap, and only
 * the join stage weighs that block against the one after it.
 */
function continuesOverGap(lines: readonly ShapedLine[], i: number): boolean {
  const [a, b] = [lines[i - 1], lines[i]];
  if (!a.wide || a.ended || b.title || b.credit || b.measured.indented || b.pinyin || isLead(b.text)) return false;
  // A paragraph's first characters on a column's last line, the sentence going on after the gap.
  if (a.title) return !a.furniture && continuesAcrossCut(a.text, b.text);
  const above = a.measured.blanksBefore === 0 ? lines[i - 2] : undefined;
  if (!continuesAcrossCut(a.text, b.text) && (opensNewParagraph(b.text) || restFollows(lines, i))) return false;
  const inParagraph =
    /[，,、；;：:]/.test(a.text) ||
    a.measured.indented ||
    (above !== undefined && above.wide && !above.title && !above.ended);
  return inParagraph || startsMidSentence(b.text);
}

/** How far below a gap the block printed in it may end (lines), for `restFollows`. */
const BREAK_BLOCK_REACH = 12;

/**
 * The text after the gap before line `i` ends a paragraph (a short line ending a sentence) and the
 * line after that goes on with the sentence the line before the gap broke off in, by a word or
 * an opening no sentence has: the block after the gap was printed in a break, and the rest of
 * the cut paragraph comes after it.
 */
function restFollows(lines: readonly ShapedLine[], i: number): boolean {
  const head = lines[i - 1];
  for (let k = i; k < lines.length && k < i + BREAK_BLOCK_REACH; k++) {
    const line = lines[k];
    if (line.title || line.credit || (k > i && line.measured.indented)) return false;
    if (!line.ended || line.wide) continue;
    const rest = lines[k + 1];
    return rest !== undefined && !rest.title && !rest.measured.indented && continuesAcrossCut(head.text, rest.text);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Letter-spacing and half-width punctuation

const LATIN = /[A-Za-z]/;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && (isHan(ch) || /[\u3000-\u303f\uff00-\uffef“”‘’—…]/.test(ch));
}

/** Single spaces between characters, Chinese on at least one side (or digits on both). */
function isLetterSpaced(trimmed: string): boolean {
  let spaces = 0;
  for (let i = 0; i < trimmed.length; i++) if (trimmed.charCodeAt(i) === 32) spaces++;
  // Spaced pairs outnumbering tight ones need a space for every other character at least.
  if (spaces < 3 || spaces * 3 < trimmed.length - 1) return false;
  let spaced = 0;
  let tight = 0;
  const chars = Array.from(trimmed);
  for (let i = 1; i < chars.length; i++) {
    const [a, b] = [chars[i - 1], chars[i]];
    if (
      b === ' ' &&
      chars[i + 1] !== undefined &&
      chars[i + 1] !== ' ' &&
      a !== ' ' &&
      (isCjk(a) || isCjk(chars[i + 1]))
    )
      spaced++;
    else if (a !== ' ' && b !== ' ' && (isCjk(a) || isCjk(b))) tight++;
  }
  return spaced >= 3 && spaced >= tight;
}

/** Half-width marks and the full-width forms a Chinese page prints. */
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '.': '。',
  '(': '（',
  ')': '）',
};

/**
 * What the engine makes of a full-width mark it reads half-width: the glyph sits at one side of
 * its box, so a space comes out on the other (`: 四川`, `〈专家) 工作站`), and the wide bracket
 * reads as `〈`. A half-width mark set in print shows neither.
 */
const BOX_GAP: Record<string, RegExp> = {
  ':': /\p{sc=Han}\)? *: +\p{sc=Han}/u,
  ';': /\p{sc=Han} *; +\p{sc=Han}/u,
  '(': /\p{sc=Han} +\(\p{sc=Han}|\p{sc=Han}\) +[\p{sc=Han}:]|[〈《][^)）〉》\n]*\)/u,
};
BOX_GAP[')'] = BOX_GAP['('];

/**
 * The half-width marks this page prints full-width: those it prints full-width more often than
 * not, and, on a page printing `，`, those the engine shows it read from a full-width box. There
 * the half-width ones are the engine's misreadings; a page consistently set with `,` (the seeds)
 * keeps them.
 */
function fullWidthMarks(raw: string, measured: readonly MeasuredLine[]): Set<string> {
  const result = new Set<string>();
  const setFullWidth = (half: string, full: string) => raw.split(full).length - 1 > countInCjk(raw, half);
  const commasFull = setFullWidth(',', '，');
  // The sponsor heading keeps its own setting (`本版协办单位 (排名不分先后)`) whatever the page's.
  const running = measured.map((line) => raw.slice(line.start, line.end)).filter((text) => !isSponsorHeading(text));
  for (const [half, full] of Object.entries(FULL_WIDTH)) {
    const boxGap = BOX_GAP[half];
    if (
      countInCjk(raw, half) > 0 &&
      (setFullWidth(half, full) || (commasFull && boxGap !== undefined && running.some((text) => boxGap.test(text))))
    )
      result.add(half);
  }
  return result;
}

function countInCjk(raw: string, mark: string): number {
  let n = 0;
  for (let i = raw.indexOf(mark); i !== -1; i = raw.indexOf(mark, i + 1)) if (halfInCjk(raw, i)) n++;
  return n;
}

/**
 * A half-width mark among Chinese text: Chinese before it (after it, for `(`), and no digit or
 * Latin letter after; letter-spacing around it is looked through.
 */
function halfInCjk(text: string, i: number): boolean {
  let before = i - 1;
  while (text[before] === ' ') before--;
  let after = i + 1;
  while (text[after] === ' ') after++;
  if (text[after] !== undefined && /[0-9A-Za-z]/.test(text[after])) return false;
  // `(排名不分先后) :`: a colon after a misread closing bracket is among Chinese text too.
  return text[i] === '('
    ? isCjk(text[after])
    : isCjk(text[before]) || (text[before] === ')' && i > 0 && halfInCjk(text, before));
}

const FULL_WIDTH_FORMS = new Set(Object.values(FULL_WIDTH));

/**
 * The full-width mark the engine's reading at `i` stands for on this page, or null: a half-width
 * mark among Chinese text, or `〈`/`《` closed by `)` (a `（` read as an angle bracket).
 */
function fullWidthAt(body: string, i: number, fullWidth: ReadonlySet<string>, following = ''): string | null {
  const ch = body[i];
  if (ch === '〈' || ch === '《') {
    // The bracket may close on the next line (`院士〈专` / `家) 工作站`).
    const close = /[)）〉》]/.exec(body.slice(i + 1) + following);
    return close !== null && /[)）]/.test(close[0]) && fullWidth.has(')') ? '（' : null;
  }
  return fullWidth.has(ch) && halfInCjk(body, i) ? FULL_WIDTH[ch] : null;
}

/**
 * The line as it reads once the engine's letter-spacing and misread punctuation are undone; the
 * edits doing so are pushed to `edits` with raw offsets.
 */
function normalizeLine(
  raw: string,
  line: MeasuredLine,
  fullWidth: ReadonlySet<string>,
  edits: Edit[],
  next: MeasuredLine | undefined,
): string {
  const source = raw.slice(line.start, line.end);
  const following = next && next.blanksBefore === 0 ? raw.slice(next.start, next.end) : '';
  const lead = source.length - source.trimStart().length;
  const body = source.trim().replace(MARKUP, '');
  const offset = line.start + lead + (source.trim().length - body.length);
  let text = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (line.spaced && ch === ' ') {
      let end = i;
      while (body[end] === ' ') end++;
      const latinWord = LATIN.test(body[i - 1] ?? '') && LATIN.test(body[end] ?? '');
      // A wider gap was a space in print too (`本报讯 近日`): one is kept.
      const after = end - i > 1 ? ' ' : '';
      if (!latinWord && end < body.length) {
        edits.push(
          makeEdit(raw, {
            kind: 'trim',
            rule: 'reflow.letter-space',
            start: offset + i,
            end: offset + end,
            after,
            reason: 'OCR letter-spacing between Chinese characters',
            confidence: 0.95,
            op: { type: 'replace' },
          }),
        );
        text += after;
      } else text += body.slice(i, end);
      i = end - 1;
      continue;
    }
    if (ch === ' ' && !line.spaced) {
      let end = i;
      while (body[end] === ' ') end++;
      const before = text.slice(-1);
      const next = fullWidthAt(body, end, fullWidth);
      // `: ` and `) ` are how the engine reads `：` and `）`; print sets no gap at a full-width mark.
      const atMark =
        (FULL_WIDTH_FORMS.has(before) && (isCjk(body[end]) || next !== null)) || (next !== null && isCjk(before));
      if (atMark) {
        edits.push(
          makeEdit(raw, {
            kind: 'trim',
            rule: 'reflow.full-width',
            start: offset + i,
            end: offset + end,
            after: '',
            reason: 'Space the OCR engine set beside a full-width mark',
            confidence: 0.9,
            op: { type: 'replace' },
          }),
        );
        i = end - 1;
        continue;
      }
    }
    const full = fullWidthAt(body, i, fullWidth, following);
    if (full !== null) {
      edits.push(
        makeEdit(raw, {
          kind: 'char-fix',
          rule: 'reflow.full-width',
          start: offset + i,
          end: offset + i + 1,
          after: full,
          reason: `"${ch}" where this page prints "${full}": read by the OCR engine`,
          confidence: 0.8,
          op: { type: 'replace' },
        }),
      );
      text += full;
      continue;
    }
    text += ch;
  }
  return text;
}
