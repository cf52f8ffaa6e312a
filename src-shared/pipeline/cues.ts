import {
  countHan,
  CREDIT_MAX,
  endsSentence,
  HAN_CLASS,
  holdsFullStop,
  isBareCredit,
  isCreditInner,
  isPlaceNameShape,
  lexicon,
  placeNameRunsOn,
  startsMidSentence,
  trailingCredit,
} from '../text';
import { compact, isParenthesized, isPinyinLine, pinyinSyllables } from './text';

/**
 * The newspaper's conventions as predicates over one block's text (page-anatomy.md). Each is a
 * layout or wording convention of the genre, never a string from a particular page.
 */

/** `本报讯`, `本报成都讯`, `新华社成都6月1日电`: the dateline that opens a lead paragraph. */
export function isLead(text: string): boolean {
  return /^本报[^\s,，。]{0,6}讯/.test(text) || AGENCY_DATELINE.test(text);
}

const AGENCY_DATELINE = new RegExp(`^${HAN_CLASS}{1,6}社[^\\s,，。]{0,14}电`);

/** Short, no sentence punctuation: could be a headline, kicker, subhead or caption. */
export function isTitleLike(text: string): boolean {
  const flat = compact(text);
  if (flat.length < 2 || flat.length > 40) return false;
  if (text.split('\n').length > 2) return false;
  if (/[。！？!?；;，,]/.test(flat)) return false;
  if (/[、：:（(]$/.test(flat)) return false;
  if (isLead(flat) || isParenthesized(flat)) return false;
  return countHan(flat) >= 2;
}

/** `图为…`: the conventional opening of a photo caption, even one ending in a full stop. */
export function isCaptionText(text: string): boolean {
  const flat = compact(text);
  return flat.length <= 80 && /^图[为①②③④⑤1-9]/.test(flat) && !text.includes('\n');
}

/** People a news photo shows at work: the subject a caption opens with. */
const PICTURED =
  '(?:专家|志愿者|科研人员|技术人员|工作人员|农技人员|群众|居民|村民|农户|农民|市民|学生|小朋友|孩子|青少年|老人|游客|参观者|观众|选手|讲解员|医生|学员|师生|果农|茶农|种植户|养殖户|特派员|干部|职工|党员|代表|嘉宾|队员|老师|教师|团队)';
/** What they are doing, or where: `在…`, `为…`, `向…`, or a verb of showing and doing. */
const PICTURED_DOING =
  '(?:正在|在|为|向|给|与|同|和|通过|使用|操作|观看|参观|体验|查看|讲解|演示|展示|指导|示范|学习|制作|调试|采集|记录|观摩)';
const SCENE = new RegExp(`^[^，。,；;]{0,6}?${PICTURED}[^，。,；;]{0,4}?${PICTURED_DOING}`);

/**
 * `气象专家为群众讲解暴雨预警信号`, `科研人员在路演现场介绍项目`: a photo caption without `图为`
 * says who is pictured doing what, where a headline names an organisation or an event
 * (`…科协举办…`, `…大会在德阳召开`). Only people doing something: `科技特派员助力夏粮抢收` is a headline.
 */
export function describesScene(text: string): boolean {
  const flat = compact(text);
  return flat.length <= 40 && SCENE.test(flat);
}

/** A place or organisation name of a few characters: the subhead of a roundup report. */
export function isPlaceName(text: string): boolean {
  const flat = compact(text);
  return isPlaceNameShape(flat) || (flat.length <= 10 && /(?:科协|学会|协会|分会)$/.test(flat));
}

/**
 * `(张紫艺)`, `(本报记者 苏文保)`, `(本栏目组稿:陈训煜 吴菲)`: a credit in parentheses; or a
 * credit line set without them (`本报记者 张明`, `记者 王五 通讯员 李六`, `文/张明`).
 */
export function isBylineBlock(text: string): boolean {
  if (text.includes('\n')) return false;
  if (!isParenthesized(text)) return compact(text).length <= CREDIT_MAX && isBareCredit(text.trim());
  return isCreditInner(text.trim().slice(1, -1));
}

/** The text as its author wrote it, without a credit printed inline after the last sentence. */
export function withoutTrailingByline(text: string): string {
  const credit = trailingCredit(text);
  return credit ? text.slice(0, credit.offset) : text;
}

/** True when the block's own text ends a sentence (an inline credit after it does not count). */
export function bodyEndsSentence(text: string): boolean {
  return endsSentence(withoutTrailingByline(text));
}

/** `本版协办单位 (排名不分先后)`: the heading (or the whole line) of the sponsor list. */
export function isSponsorHeading(text: string): boolean {
  return /协办单位|排名不分先后/.test(text) && !holdsFullStop(text);
}

const ORGANISATION =
  /(?:协会|学会|科协|委员会|联合会|研究会|中心|大学|学院|研究院|研究所|公司|集团|医院|学校|中学|小学|基地|银行|报社|办公室|局|厅|馆|站|部)$/;

/** Every line (or space-separated name) is an organisation: an entry of the sponsor list. */
export function isOrganisationList(text: string): boolean {
  const names = text.split(/[\s\u3000]+/).filter(Boolean);
  return (
    names.length > 0 && names.every((name) => name.length <= 24 && !/[，,。；]/.test(name) && ORGANISATION.test(name))
  );
}

/** Organisations listed this many at a time, with nothing else, are the sponsor list even without its heading. */
const SPONSOR_LIST_MIN = 3;

/** `凉山州科学技术协会 甘孜州科学技术协会 …`: the sponsor list printed without `本版协办单位`. */
export function isSponsorList(text: string): boolean {
  return isOrganisationList(text) && text.split(/[\s\u3000]+/).filter(Boolean).length >= SPONSOR_LIST_MIN;
}

/** `栏目协办:…`: the sponsor line of one column. */
export function isColumnSponsor(text: string): boolean {
  return /^[^，,。]{0,6}协办[:：]/.test(compact(text)) && !endsSentence(text);
}

/** `欢迎关注 “…”微信公众号`: a promotion of the paper's channels. */
export function isPromo(text: string): boolean {
  const flat = compact(text);
  return flat.length <= 60 && /欢迎关注|公众号|扫码关注|扫一扫/.test(flat) && !holdsFullStop(flat);
}

/**
 * A column name with its pinyin, in one block (`地方科协 | DI FANG KE XIE`, the two side by side
 * with no bar, or on separate lines in either order). The syllable count matching the character
 * count is the evidence; returns the Chinese name.
 */
export function bannerInBlock(text: string): string | null {
  const parts = bannerParts(text);
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  if (isPinyinLine(a) && pinyinMatches(b, a)) return compact(b);
  if (isPinyinLine(b) && pinyinMatches(a, b)) return compact(a);
  return null;
}

/**
 * The name and its pinyin: split by a line break or a bar, or, with neither, where Chinese
 * characters meet Latin letters on one line (`院士风采 YUAN SHI FENG CAI`).
 */
function bannerParts(text: string): string[] {
  const parts = text
    .split(/\n|[|｜]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length !== 1) return parts;
  const sideBySide =
    /^([^A-Za-z]+?)\s+([A-Za-z][A-Za-z ]*)$/.exec(parts[0]) ?? /^([A-Za-z][A-Za-z ]*?)\s+([^A-Za-z]+)$/.exec(parts[0]);
  return sideBySide ? [sideBySide[1].trim(), sideBySide[2].trim()] : parts;
}

/** True when `han` is a short all-Chinese name whose characters match `pinyin`'s syllables. */
export function pinyinMatches(han: string, pinyin: string): boolean {
  const flat = compact(han);
  if (flat.length < 2 || flat.length > 12 || countHan(flat) !== flat.length) return false;
  return pinyinSyllables(pinyin) === flat.length;
}

/** Characters taken from each side of a cut when looking for a word across it. */
export const SEAM_REACH = 3;

/**
 * Evidence that `tail` is the rest of the sentence `head` broke off in: it opens with a
 * character no sentence opens with, or a word runs across the cut (学习了习 | 近平总书记).
 */
export function continuesAcrossCut(head: string, tail: string): boolean {
  return startsMidSentence(tail) || wordAcrossCut(head, tail);
}

/** Shorter words meet across a cut by chance too often to be evidence. */
const SEAM_WORD_MIN = 3;

/**
 * A word of the lexicon, three characters or more, made of the end of `head` and the start of
 * `tail`; or a place name the cut divided from the city it is in (`巴中市` | `恩阳区…`).
 */
export function wordAcrossCut(head: string, tail: string): boolean {
  const [end, start] = [compact(head).slice(-SEAM_REACH), compact(tail).slice(0, SEAM_REACH + 1)];
  return lexicon().wordAcross(end, start.slice(0, SEAM_REACH), SEAM_WORD_MIN) !== null || placeNameRunsOn(end, start);
}

/** `据悉，` `活动中，` `区科协相关负责人表示，`: a short opening clause of the kinds a report's paragraphs start with. */
export function opensParagraph(text: string): boolean {
  const clause = /^([^，,。：:；;！？!?“”"]{2,12})[，,：:]/.exec(compact(text))?.[1];
  return (
    clause !== undefined && (OPENING_ADVERBIAL.test(clause) || (clause.length >= 3 && OPENING_CLAUSE_END.test(clause)))
  );
}

/** Two characters are clause enough for these. */
const OPENING_ADVERBIAL = /^(?:据悉|据了解|目前|此外|同时|下一步|会上|会后|随后|近年来)$/;
/** `负责人表示`, `活动中`, `会上`, `培训后`, `今年以来`, `活动期间`. */
const OPENING_CLAUSE_END = /(?:表示|介绍|指出|强调|认为|说|中|上|后|以来|期间)$/;

/** `近日，` `日前，` `3月26日，`: how a report, or each report of a roundup, opens its first paragraph. */
export function opensReport(text: string): boolean {
  return /^(?:近日|日前|近期|\d{1,2}月\d{1,2}日)[，,]/.test(compact(text));
}
