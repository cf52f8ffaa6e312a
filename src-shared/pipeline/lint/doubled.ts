import type { Span } from '../../model/span';
import { endsPlaceNameCode, isHanCode, lexicon } from '../../text';
import type { Finding } from './findings';
import { ABAB_REDUPLICATIONS, IDIOMS, MEASURE_WORDS, NAME_FOLLOWERS, NOUNS, REDUPLICATIONS } from './lexicon';

const isDigitCode = (code: number) => code >= 0x30 && code <= 0x39;

/** Characters a verb takes as aspect or result (作了, 回到): X+了 reads as a word, but a weak one. */
const ASPECT = new Set(Array.from('了着过到'));
/** Function characters: doubled with no word to explain it, the doubling is near certain OCR noise. */
const FUNCTION_CHARS = new Set(Array.from('的了着地得是在和与对把被将从向'));
const ONE = '一'.charCodeAt(0);

/** ln P of a word as common as 职责 or 转化; jieba has rarer words for almost any two characters. */
const COMMON_WORD_MIN_LOG_PROB = -11;

function commonWord(word: string | null): boolean {
  return word !== null && lexicon().logProb(word) >= COMMON_WORD_MIN_LOG_PROB;
}

function sameHan(raw: string, a: number, b: number): boolean {
  const code = raw.charCodeAt(a);
  return isHanCode(code) && code === raw.charCodeAt(b);
}

function insideIdiom(raw: string, i: number, lo: number, hi: number): boolean {
  for (let from = Math.max(lo, i - 2); from <= i && from + 4 <= hi; from++) {
    if (IDIOMS.has(raw.slice(from, from + 4))) return true;
  }
  return false;
}

/**
 * XX at i: OCR doubling, or a reduplication / a boundary between two words? Returns null when the
 * text explains the doubling, otherwise a finding whose confidence falls with the evidence for a
 * boundary (one side a word: 产学研|研金 → likely noise; neither: 科协能|能职责 → very likely).
 */
function judgeDoubledChar(raw: string, i: number, lo: number, hi: number): Finding | null {
  const ch = raw[i];
  const pair = ch + ch;
  // The words ending at the first copy and starting at the second, which every test below weighs.
  const left = lexicon().wordEndingAt(raw, i, lo, 2);
  const word = lexicon().wordStartingAt(raw, i + 1, hi, 2);
  // A set phrase read without one copy (宣传部长) says little when two words meet there (宣传部|部长).
  const idiom = idiomWithoutCopy(raw, i, lo, hi);
  if (idiom && !(left && word)) {
    return doubledChar(i, ch, 0.9, `without one copy the text reads as the idiom “${idiom}”`, false);
  }
  // A reduplication stops being one when a common word claims either copy (专家|家服务团, 转|转化,
  // 大|大会) or a number counts the first (2023年|年). A rarer word does not: 钉钉子 is 钉 + 钉子
  // only in a dictionary's eyes.
  if (
    REDUPLICATIONS.has(pair) &&
    !commonWord(word) &&
    !commonWord(left) &&
    !(i > lo && isDigitCode(raw.charCodeAt(i - 1)))
  ) {
    return null;
  }
  // AABB (实实在在, 认认真真): both pairs belong to the pattern.
  if (i + 3 < hi && sameHan(raw, i + 2, i + 3)) return null;
  if (i - 2 >= lo && sameHan(raw, i - 2, i - 1)) return null;
  if (insideIdiom(raw, i, lo, hi)) return null;
  if (i - 1 >= lo && raw.charCodeAt(i - 1) === ONE && MEASURE_WORDS.has(ch)) return null;

  if (NAME_FOLLOWERS.has(raw.slice(i + 1, i + 3)) || NAME_FOLLOWERS.has(raw.slice(i + 1, i + 4))) return null;
  // 回到, 作了: in the lexicon, yet only a verb and its aspect, weak evidence of a boundary.
  const rightWeak = i + 2 < hi && ASPECT.has(raw[i + 2]) && (word === null || word.length === 2);
  const right = rightWeak ? null : word;
  if (left && right) return null;
  if (left && rightWeak && NOUNS.has(left)) return null;
  // 赤水河|河谷, 长江|江豚: a place name ending where a word begins.
  if (right && endsPlaceNameCode(raw.charCodeAt(i)) && i > lo && isHanCode(raw.charCodeAt(i - 1))) return null;

  // One the dictionary knows beyond the list (阵阵, 片片), no word around to claim a copy, is a
  // real word about as often as a doubling: a weak doubt.
  const dictionaryReduplication = !left && !right && lexicon().has(pair);
  let confidence: number;
  let evidence: string;
  if (dictionaryReduplication) {
    confidence = 0.3;
    evidence = `“${pair}” is a reduplication in the dictionary`;
  } else if (left && rightWeak) {
    confidence = 0.45;
    evidence = `“${left}” is a word, “${ch}${raw[i + 2]}” only a weak one`;
  } else if (left || right) {
    confidence = 0.6;
    evidence = `only “${left ?? right}” is a word on one side`;
  } else {
    confidence = rightWeak ? 0.7 : 0.8;
    evidence = 'no word ends or starts at the doubled character';
  }
  const certain = !left && !right && !rightWeak && !dictionaryReduplication && FUNCTION_CHARS.has(ch);
  return doubledChar(i, ch, certain ? 0.95 : confidence, evidence, certain);
}

function doubledChar(i: number, ch: string, confidence: number, evidence: string, certain: boolean): Finding {
  return {
    kind: 'ocr-doubled-char',
    rule: 'ocr.doubled',
    start: i,
    end: i + 2,
    message: `Doubled character “${ch}${ch}”: ${evidence}; probably “${ch}”.`,
    suggestion: ch,
    confidence,
    certain,
  };
}

/**
 * The four-character idiom or set phrase the text around XX at i forms once one copy is dropped
 * (欣欣欣向荣, 实事求求是). Shorter words are no evidence: 大学|学生会 collapses to 大学生 too.
 */
function idiomWithoutCopy(raw: string, i: number, lo: number, hi: number): string | null {
  for (let from = Math.max(lo, i - 2); from <= i; from++) {
    const head = raw.slice(from, i + 1);
    const tailEnd = i + 2 + (4 - head.length);
    if (tailEnd > hi) continue;
    const candidate = head + raw.slice(i + 2, tailEnd);
    if (lexicon().has(candidate)) return candidate;
  }
  return null;
}

/**
 * A doubled word of `length` characters at i: ABAB (中心中心) or ABCABC (工作站工作站). Verbs reduplicate
 * as ABAB (研究研究); nouns do not, which makes a doubled known noun a near-certain OCR doubling.
 */
function judgeDoubledWord(raw: string, i: number, length: number, lo: number, hi: number): Finding | null {
  const word = raw.slice(i, i + length);
  if (raw.charCodeAt(i) === ONE || ABAB_REDUPLICATIONS.has(word) || insideIdiom(raw, i, lo, hi)) return null;
  // A longer word may own one copy (大学生|学生会): then only a boundary.
  const overlapped =
    lexicon().wordStartingAt(raw, i + length, hi, length + 1) ??
    lexicon().wordEndingAt(raw, i + length - 1, lo, length + 1);
  const known = lexicon().has(word);
  const certain = known && NOUNS.has(word) && !overlapped;
  const confidence = certain ? 0.95 : overlapped ? 0.45 : known ? 0.8 : 0.7;
  return {
    kind: 'ocr-doubled-char',
    rule: 'ocr.doubled',
    start: i,
    end: i + 2 * length,
    message: `Doubled word “${word}${word}”${overlapped ? ` (though “${overlapped}” may own one copy)` : ''}; probably “${word}”.`,
    suggestion: word,
    confidence,
    certain,
  };
}

/** True when raw[i, i+length) is Han and repeated right after itself. */
function repeatsItself(raw: string, i: number, length: number, hi: number): boolean {
  if (i + 2 * length > hi) return false;
  for (let k = 0; k < length; k++) {
    const code = raw.charCodeAt(i + k);
    if (!isHanCode(code) || code !== raw.charCodeAt(i + length + k)) return false;
  }
  return true;
}

/** A doubling split by a line wrap this likely to be noise is removed, not asked about. */
const WRAP_DOUBLING_APPLY = 0.6;

/**
 * A doubled character read across a line wrap (`进一` / `一步`), where a column break prints the
 * character at its cut twice: the copy opening the next line goes, as an applied fix of that one
 * character (the wrap itself stays reflow's), when the words around say the doubling is noise.
 * A reduplication or two words meeting (`工作` / `作了`) gives no finding, and a weak one stays a flag.
 */
export function doublingAtWrap(raw: string, finding: Finding): Finding | null {
  if (finding.kind !== 'ocr-doubled-char' || finding.end - finding.start <= 2) return null;
  if (!raw.slice(finding.start + 1, finding.end - 1).includes('\n') || finding.confidence < WRAP_DOUBLING_APPLY)
    return null;
  return {
    ...finding,
    rule: 'ocr.doubled-at-wrap',
    start: finding.end - 1,
    message: `${finding.message} It is split by a line wrap, where a break prints a character twice.`,
    suggestion: '',
    certain: true,
  };
}

/** Scans one body span for doubled characters and doubled two- and three-character words. */
export function findDoubled(raw: string, span: Span, out: Finding[]): void {
  const { start: lo, end: hi } = span;
  for (let i = lo; i + 1 < hi; i++) {
    const code = raw.charCodeAt(i);
    if (!isHanCode(code)) continue;
    const next = raw.charCodeAt(i + 1);
    if (next === code) {
      const finding = judgeDoubledChar(raw, i, lo, hi);
      if (finding) out.push(finding);
      i++;
      continue;
    }
    // Reading past the text deoptimises the loop, hence the bound before the look-ahead.
    if (i + 3 >= hi) continue;
    // Cheap first test: a doubled word of length n has the same character at i and i + n.
    const length = raw.charCodeAt(i + 2) === code ? 2 : raw.charCodeAt(i + 3) === code ? 3 : 0;
    if (length === 0 || !repeatsItself(raw, i, length, hi)) continue;
    const finding = judgeDoubledWord(raw, i, length, lo, hi);
    if (finding) {
      out.push(finding);
      i += 2 * length - 1;
    }
  }
}
