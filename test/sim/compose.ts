import type { GoldArticle, GoldPage } from '../eval/evaluate';
import { MISREADINGS, misreadRate } from './confusions';
import type { Random } from './random';
import { COLUMN_SPONSORS, PROMO, SECTIONS, SOURCE_ARTICLES, SPONSOR_HEADING, SPONSORS } from './sources';
import type { Layout, NoiseKind } from './types';
import { hangs, lineEnds } from './wrap';

/**
 * Composes one page: picks articles and furniture, writes the gold an editor would publish, and
 * lays the page out as printed units (one headline, paragraph piece, caption, furniture block…)
 * carrying the structural noise. Layout-specific spelling (markup, wrapping, spacing) is left to
 * render.ts; only where a column break can fall depends on the layout's line width.
 */

export type Role =
  | 'banner'
  | 'sponsors'
  | 'promo'
  | 'column-sponsor'
  | 'kicker'
  | 'title'
  | 'subhead'
  | 'paragraph'
  | 'caption'
  | 'byline';

/** Noise inside a unit, in offsets of `unit.lines.join('\n')`. */
export interface Mark {
  kind: NoiseKind;
  start: number;
  end: number;
  expected?: string;
}

export interface Unit {
  role: Role;
  lines: string[];
  /** Index of the gold article the unit prints (or was copied from). */
  article?: number;
  /** Index, in that article's gold blocks, of the paragraph or subhead the unit prints. */
  block?: number;
  /** The first printed line of its article: the article starts here. */
  opens?: boolean;
  /**
   * The whole unit is noise of this kind (a copy, an intruder, a displaced paragraph); `damages`
   * names the gold block it harms when that is not the unit's own (the paragraph an intruder cuts).
   */
  noise?: { kind: NoiseKind; expected?: string; damages?: { article: number; block: number } };
  marks: Mark[];
  /** A paragraph continued after a column break: no indent, no markup. */
  continues?: boolean;
  /** A column break cuts the paragraph after this piece; the kind is logged over the gap. */
  cutKind?: NoiseKind;
  /** A column break falls right before this unit. */
  breakBefore?: boolean;
  /** An image stands before this unit (a caption). */
  imageBefore?: boolean;
}

export interface Composition {
  gold: GoldPage;
  units: Unit[];
}

interface Rates {
  breaks: number;
  paragraphStart: number;
  intruder: number;
  repeatParagraph: number;
  garbled: number;
  repeatArticle: number;
  displaced: number;
  lostEnd: number;
  lostStart: number;
  doubled: number;
  latin: number;
  /** How many times the measured misread rate of each character (test/sim/confusions.ts) this page's print suffers. */
  lookalike: number;
  promoTwice: number;
  headlineBetween: number;
  inlineByline: number;
}

function drawRates(random: Random, layout: Layout): Rates {
  const upTo = (max: number) => random.next() * max;
  return {
    breaks: upTo(0.4),
    paragraphStart: upTo(0.15),
    intruder: upTo(0.7),
    repeatParagraph: upTo(0.1),
    garbled: upTo(0.08),
    repeatArticle: upTo(0.15),
    displaced: upTo(0.15),
    lostEnd: upTo(0.05),
    lostStart: upTo(0.05),
    doubled: upTo(0.3),
    latin: upTo(0.1),
    lookalike: upTo(4),
    promoTwice: upTo(0.6),
    headlineBetween: layout === 'column-wrapped' ? upTo(0.35) : 0,
    inlineByline: upTo(0.3),
  };
}

/** Where a paragraph continues after a break: the first line's room, and the width of the rest. */
export interface Column {
  layout: Layout;
  width: number;
}

export function compose(random: Random, column: Column): Composition {
  const rates = drawRates(random, column.layout);
  const count = random.int(3, 7);
  const sources = random.shuffle(SOURCE_ARTICLES).slice(0, count);
  const sections = assignSections(random, count);
  const golds = sources.map((source, i) =>
    goldArticle(random, source, sections[i]?.name ?? null, rates, column.layout),
  );
  const articles = golds.map((gold) => gold.article);
  const furniture: string[] = [];
  const units: Unit[] = [];

  if (random.chance(0.4)) units.push(...promo(random, rates, furniture));
  articles.forEach((article, i) => {
    const banner = sections[i];
    if (banner && (i === 0 || sections[i - 1] !== banner)) units.push(bannerUnit(random, banner, furniture));
    units.push(...articleUnits(random, article, golds[i].lost, i, rates));
    const groupEnds = i === count - 1 || sections[i + 1] !== banner;
    if (groupEnds && random.chance(0.35))
      units.push(furnitureUnit('column-sponsor', [random.pick(COLUMN_SPONSORS)], furniture));
  });
  if (random.chance(0.35)) units.push(...promo(random, rates, furniture));
  if (random.chance(0.5)) units.push(...sponsorList(random, furniture));

  const page = new PageUnits(random, units, column);
  page.cutParagraphs(rates);
  page.repeatParagraphs(rates);
  page.displaceAfterBylines(rates);
  page.repeatArticles(rates);
  page.headlinesBetweenColumns(rates);
  page.characterErrors(rates);
  page.twoLineHeadlines();
  return { gold: { heldOut: true, articles, furniture }, units: page.units };
}

/** Banners over runs of articles; the first run may have none (section null). */
function assignSections(random: Random, count: number): ({ name: string; pinyin: string } | null)[] {
  const runs = random.int(1, Math.min(3, count));
  const cuts = new Set(random.shuffle(Array.from({ length: count - 1 }, (_, i) => i + 1)).slice(0, runs - 1));
  const names = random.shuffle(SECTIONS);
  const untitledStart = random.chance(0.4);
  let run = 0;
  return Array.from({ length: count }, (_, i) => {
    if (cuts.has(i)) run++;
    return untitledStart && run === 0 ? null : names[run];
  });
}

/** Print form of a text on a page set with full-width punctuation (the column-wrapped engines' pages). */
const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？' };
export const HALF_WIDTH: Record<string, string> = Object.fromEntries(
  Object.entries(FULL_WIDTH).map(([half, full]) => [full, half]),
);

function printForm(text: string, layout: Layout): string {
  if (layout !== 'column-wrapped') return text;
  // A colon between digits is a time (9:30), set half-width in print as well.
  return text.replace(/[,:;?]/g, (mark, at: number) =>
    mark === ':' && /\d/.test(text[at - 1] ?? '') && /\d/.test(text[at + 1] ?? '') ? mark : FULL_WIDTH[mark],
  );
}

const SENTENCE_END = /[。！？!?”」』]$/;

type Loss = 'lost.end' | 'lost.start';

/** The editor's article: the source with this page's section, minus text lost in print (by block index). */
function goldArticle(
  random: Random,
  source: GoldArticle,
  section: string | null,
  rates: Rates,
  layout: Layout,
): { article: GoldArticle; lost: Map<number, Loss> } {
  const print = (text: string) => printForm(text, layout);
  const blocks = source.blocks.map((block) => ({ type: block.type, text: print(block.text) }));
  const lost = new Map<number, Loss>();
  const paragraphs = blocks.filter((block) => block.type === 'paragraph' && block.text.length >= 40);
  for (const block of paragraphs) {
    if (paragraphs.length < 2) break;
    if (random.chance(rates.lostEnd)) {
      block.text = lostEnd(random, block.text);
      lost.set(blocks.indexOf(block), 'lost.end');
    } else if (block !== blocks[0] && random.chance(rates.lostStart)) {
      block.text = lostStart(random, block.text);
      lost.set(blocks.indexOf(block), 'lost.start');
    }
  }
  const article = {
    section,
    kicker: source.kicker === null ? null : print(source.kicker),
    title: print(source.title),
    byline: source.byline === null ? null : print(source.byline),
    captions: source.captions.map(print),
    blocks,
  };
  return { article, lost };
}

function lostEnd(random: Random, text: string): string {
  let cut = random.int(Math.floor(text.length * 0.4), text.length - 8);
  while (cut > 10 && !isHan(text[cut - 1])) cut--;
  return text.slice(0, cut);
}

function lostStart(random: Random, text: string): string {
  let cut = random.int(6, Math.floor(text.length * 0.5));
  while (cut < text.length - 10 && !isHan(text[cut])) cut++;
  return text.slice(cut);
}

export const isHan = (char: string | undefined): boolean => !!char && /\p{Script=Han}/u.test(char);

/** The printed units of one article: kicker, headline, caption, body, credit. */
function articleUnits(
  random: Random,
  article: GoldArticle,
  lost: Map<number, Loss>,
  index: number,
  rates: Rates,
): Unit[] {
  const units: Unit[] = [];
  const own = (role: Role, text: string): Unit => ({ role, lines: [text], article: index, marks: [] });
  if (article.kicker) units.push(own('kicker', article.kicker));
  units.push(own('title', article.title));
  units[0].opens = true;
  const body = article.blocks.map((block, i) => {
    const unit: Unit = { ...own(block.type, block.text), block: i };
    // The loss is logged on the character beside it.
    const loss = lost.get(i);
    if (loss)
      unit.marks.push(
        loss === 'lost.end'
          ? { kind: loss, start: block.text.length - 1, end: block.text.length }
          : { kind: loss, start: 0, end: 1 },
      );
    return unit;
  });
  const captions = article.captions.map((text) => ({ ...own('caption', text), imageBefore: true }));
  const captionAfterTitle = random.chance(0.5);
  units.push(
    ...(captionAfterTitle ? captions : []),
    ...body.slice(0, 1),
    ...(captionAfterTitle ? [] : captions),
    ...body.slice(1),
  );
  if (article.byline) {
    const last = units[units.length - 1];
    const credit = `(${article.byline})`;
    if (last.role === 'paragraph' && SENTENCE_END.test(last.lines[0]) && random.chance(rates.inlineByline))
      last.lines[0] += credit;
    else units.push(own('byline', credit));
  }
  return units;
}

function furnitureUnit(role: Role, lines: string[], furniture: string[]): Unit {
  furniture.push(...lines);
  return { role, lines, marks: [] };
}

function bannerUnit(random: Random, section: { name: string; pinyin: string }, furniture: string[]): Unit {
  const pinyin = random.chance(0.3)
    ? section.pinyin
        .toLowerCase()
        .replace(/(^|\s)\p{L}/gu, (s) => s.toUpperCase())
        .replace(/ (?=\S)/g, ' ')
    : section.pinyin;
  const forms = [
    [`${section.name} | ${pinyin}`],
    [`${section.name} ${pinyin}`],
    [section.name, pinyin],
    [pinyin, section.name],
  ];
  return furnitureUnit('banner', random.pick(forms), furniture);
}

function promo(random: Random, rates: Rates, furniture: string[]): Unit[] {
  const lines = random.chance(0.5) ? [...PROMO] : [PROMO.join(' ')];
  const unit = furnitureUnit('promo', lines, furniture);
  return random.chance(rates.promoTwice)
    ? [unit, { ...unit, lines: [...lines], noise: { kind: 'repeat.promo', expected: '' } }]
    : [unit];
}

function sponsorList(random: Random, furniture: string[]): Unit[] {
  const names = random.shuffle(SPONSORS).slice(0, random.int(3, 12));
  if (random.chance(0.25)) return [furnitureUnit('sponsors', [[...SPONSOR_HEADING, ...names].join(' ')], furniture)];
  const units = [
    furnitureUnit('sponsors', random.chance(0.5) ? [...SPONSOR_HEADING] : [SPONSOR_HEADING.join(' ')], furniture),
  ];
  for (let i = 0; i < names.length;) {
    const size = random.int(1, 3);
    units.push(furnitureUnit('sponsors', names.slice(i, i + size), furniture));
    i += size;
  }
  return units;
}

/** Words a break can cut in two (`习` / `近平`). */
const WORDS = [
  '习近平',
  '科协',
  '科技',
  '科普',
  '科学',
  '工作',
  '发展',
  '服务',
  '创新',
  '会议',
  '学习',
  '活动',
  '青少年',
  '志愿者',
  '乡村',
  '农业',
  '技术',
  '专家',
  '企业',
  '组织',
  '群众',
  '建设',
  '教育',
  '精神',
  '推动',
  '开展',
  '提升',
  '学会',
  '全面',
  '基层',
];
const COMMAS = new Set([',', '，']);

const LATIN = ['and', 'the', 'of', 'in', 'to', 'for', 'on'];

/** The page's units and the structural noise applied to them in place. */
/** Share of the headlines of a wrapped page set on two lines. */
const TWO_LINE_SHARE = 0.3;
const MIN_HEADLINE_LINE = 8;

/** FNV-1a of the text, as a number in [0, 1). */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 0x100000000;
}

class PageUnits {
  /** Units another operation already moved, cut or copied: one kind of damage per unit keeps gold exact. */
  private readonly touched = new Set<Unit>();

  constructor(
    private readonly random: Random,
    public units: Unit[],
    private readonly column: Column,
  ) {}

  private paragraphs(article?: number): Unit[] {
    return this.units.filter(
      (u) =>
        u.role === 'paragraph' && !u.noise && !this.touched.has(u) && (article === undefined || u.article === article),
    );
  }

  private articleCount(): number {
    return Math.max(-1, ...this.units.map((u) => u.article ?? -1)) + 1;
  }

  private insertAfter(anchor: Unit, ...inserted: Unit[]): void {
    this.units.splice(this.units.indexOf(anchor) + 1, 0, ...inserted);
  }

  private insertBefore(anchor: Unit, ...inserted: Unit[]): void {
    this.units.splice(this.units.indexOf(anchor), 0, ...inserted);
  }

  private remove(unit: Unit): void {
    this.units.splice(this.units.indexOf(unit), 1);
  }

  /** Offsets where a column break may end this paragraph's piece: any character apart, or a printed line end. */
  private cutCandidates(text: string, continues: boolean): number[] {
    const candidates =
      this.column.layout === 'blank-line'
        ? Array.from({ length: text.length }, (_, i) => i)
        : lineEnds(text, this.firstLineWidth(continues), this.column.width);
    return candidates.filter((at) => at >= 6 && at <= text.length - 6 && !hangs(text[at]) && text[at - 1] !== ' ');
  }

  private firstLineWidth(continues: boolean): number {
    return this.column.layout === 'hard-wrapped' && !continues ? this.column.width - 2 : this.column.width;
  }

  /** Splits a paragraph unit at `at`; returns the continuation. */
  private split(unit: Unit, at: number, cutKind: NoiseKind, doubled: boolean): Unit {
    const text = unit.lines[0];
    const head = text.slice(0, at);
    const tail = (doubled ? text[at - 1] : '') + text.slice(at);
    const shift = at - (doubled ? 1 : 0);
    const rest: Unit = {
      ...unit,
      lines: [tail],
      opens: false,
      continues: true,
      breakBefore: true,
      marks: unit.marks.filter((m) => m.start >= at).map((m) => ({ ...m, start: m.start - shift, end: m.end - shift })),
    };
    if (doubled) rest.marks.unshift({ kind: 'break.doubled-char', start: 0, end: 1, expected: '' });
    unit.lines = [head];
    unit.marks = unit.marks.filter((m) => m.end <= at);
    unit.cutKind = cutKind;
    this.insertAfter(unit, rest);
    this.touched.add(unit).add(rest);
    return rest;
  }

  cutParagraphs(rates: Rates): void {
    for (const unit of this.paragraphs()) {
      const text = unit.lines[0];
      // An earlier cut may have moved this paragraph into its break: it is taken.
      if (this.touched.has(unit) || unit.marks.some((m) => m.kind === 'lost.start')) continue;
      if (this.random.chance(rates.paragraphStart)) {
        const at = this.column.layout === 'blank-line' ? this.random.int(10, 17) : this.firstLineWidth(false);
        if (text.length >= at + 12 && !hangs(text[at]) && !hangs(text[at - 1]))
          this.withIntruders(this.split(unit, at, 'break.paragraph-start', false), rates);
        continue;
      }
      if (!this.random.chance(rates.breaks)) continue;
      const candidates = this.cutCandidates(text, false);
      if (candidates.length === 0) continue;
      const wanted = this.random.pick([
        'break.mid-sentence',
        'break.mid-word',
        'break.after-comma',
        'break.doubled-char',
      ]);
      const afterComma = candidates.filter((at) => COMMAS.has(text[at - 1]));
      const midWord = candidates.filter((at) => WORDS.some((word) => insideWord(text, at, word)));
      const midSentence = candidates.filter((at) => isHan(text[at - 1]) && isHan(text[at]));
      const pool = wanted === 'break.after-comma' ? afterComma : wanted === 'break.mid-word' ? midWord : midSentence;
      const at = pool.length ? this.random.pick(pool) : this.random.pick(candidates);
      const kind =
        pool.length && wanted !== 'break.doubled-char'
          ? wanted
          : COMMAS.has(text[at - 1])
            ? 'break.after-comma'
            : 'break.mid-sentence';
      const doubled = wanted === 'break.doubled-char' && isHan(text[at - 1]);
      this.withIntruders(this.split(unit, at, kind, doubled), rates);
    }
  }

  /** Prints something of the page in the column break before `rest`: a caption, the credit, another article's paragraph. */
  private withIntruders(rest: Unit, rates: Rates): void {
    if (!this.random.chance(rates.intruder)) return;
    const article = rest.article!;
    // Few articles have a photo: when this one has, its caption is the likeliest thing in the break.
    const others = this.random.shuffle(['byline', 'fragment'] as const);
    const kinds = this.random.chance(0.7)
      ? ['caption' as const, ...others]
      : this.random.shuffle(['caption' as const, ...others]);
    for (const kind of kinds) {
      const intruder = this.intruder(kind, article);
      if (!intruder) continue;
      if (kind !== 'fragment') intruder.noise!.damages = { article, block: rest.block! };
      intruder.breakBefore = true;
      rest.breakBefore = this.random.chance(0.5);
      this.insertBefore(rest, intruder);
      return;
    }
  }

  private intruder(kind: 'caption' | 'byline' | 'fragment', article: number): Unit | null {
    if (kind === 'caption') {
      const caption = this.units.find(
        (u) => u.role === 'caption' && u.article === article && !u.noise && !this.touched.has(u),
      );
      if (!caption) return null;
      this.remove(caption);
      this.touched.add(caption);
      caption.noise = { kind: 'intruder.caption', expected: '' };
      caption.imageBefore = this.random.chance(0.5);
      return caption;
    }
    if (kind === 'byline') {
      const byline = this.units.find((u) => u.role === 'byline' && u.article === article && !u.noise);
      if (!byline) return null;
      // The credit either moved into the break or is printed there a second time.
      if (this.random.chance(0.5)) this.remove(byline);
      return { ...byline, marks: [], noise: { kind: 'intruder.byline', expected: '' } };
    }
    const others = this.units.filter(
      (u) => u.role === 'paragraph' && u.article !== article && !u.noise && !this.touched.has(u) && !this.opensBody(u),
    );
    if (others.length === 0) return null;
    const fragment = this.random.pick(others);
    this.remove(fragment);
    this.touched.add(fragment);
    fragment.noise = { kind: 'intruder.fragment', expected: '' };
    return fragment;
  }

  /** The article's first body paragraph (its lead), which must stay under its headline. */
  private opensBody(unit: Unit): boolean {
    return this.units.find((u) => u.article === unit.article && u.role === 'paragraph') === unit;
  }

  repeatParagraphs(rates: Rates): void {
    for (const unit of this.paragraphs()) {
      const text = unit.lines[0];
      if (text.length < 16 || unit.marks.length) continue;
      if (this.random.chance(rates.repeatParagraph)) {
        const copies = Array.from({ length: this.random.int(1, 2) }, (): Unit => ({
          ...unit,
          lines: [text],
          marks: [],
          opens: false,
          noise: { kind: 'repeat.paragraph', expected: '' },
        }));
        this.insertAfter(unit, ...copies);
        this.touched.add(unit);
      } else if (this.random.chance(rates.garbled)) {
        this.insertAfter(unit, {
          ...unit,
          lines: [this.garble(text)],
          marks: [],
          opens: false,
          noise: { kind: 'repeat.garbled', expected: '' },
        });
        this.touched.add(unit);
      }
    }
  }

  /** A partial copy with a few characters misread or dropped. */
  private garble(text: string): string {
    const start = this.random.chance(0.6) ? 0 : this.random.int(0, Math.floor(text.length / 4));
    const length = Math.max(12, Math.floor(text.length * (0.5 + this.random.next() * 0.4)));
    const chars = Array.from(text.slice(start, start + length));
    const han = chars.filter((c) => isHan(c));
    return chars
      .map((c) => (isHan(c) && this.random.chance(0.06) ? (this.random.chance(0.4) ? '' : this.random.pick(han)) : c))
      .join('');
  }

  displaceAfterBylines(rates: Rates): void {
    for (const byline of this.units.filter((u) => u.role === 'byline' && !u.noise)) {
      if (!this.random.chance(rates.displaced)) continue;
      const candidates = this.paragraphs().filter(
        (u) => u.article !== byline.article && !this.opensBody(u) && !u.marks.length,
      );
      if (candidates.length === 0) continue;
      const moved = this.random.pick(candidates);
      this.remove(moved);
      this.touched.add(moved);
      moved.noise = { kind: 'displaced.after-byline', expected: '' };
      this.insertAfter(byline, moved);
    }
  }

  repeatArticles(rates: Rates): void {
    for (let article = 0; article < this.articleCount(); article++) {
      if (!this.random.chance(rates.repeatArticle)) continue;
      const own = this.units.filter((u) => u.article === article && !u.noise);
      const body = own.filter((u) => u.role === 'paragraph' && !u.continues);
      if (body.length === 0) continue;
      const heading = this.random.chance(0.5) ? own.filter((u) => u.role === 'kicker' || u.role === 'title') : [];
      const copied = [...heading, ...body.slice(0, this.random.int(1, Math.min(2, body.length)))];
      const copies = copied.map((u): Unit => ({
        ...u,
        lines: [...u.lines],
        marks: [],
        opens: false,
        cutKind: undefined,
        continues: false,
        breakBefore: false,
        noise: { kind: 'repeat.article', expected: '' },
      }));
      if (this.random.chance(0.5)) this.insertBefore(own[0], ...copies);
      else this.insertAfter(own[own.length - 1], ...copies);
    }
  }

  /** A headline set across columns, read by the engine between two columns of the article before. */
  headlinesBetweenColumns(rates: Rates): void {
    for (let article = 1; article < this.articleCount(); article++) {
      if (!this.random.chance(rates.headlineBetween)) continue;
      const heading = this.units.filter(
        (u) => u.article === article && !u.noise && (u.role === 'kicker' || u.role === 'title'),
      );
      const before = this.paragraphs(article - 1).filter((u) => !u.marks.length);
      const host = before[before.length - 1];
      if (!host || this.units.indexOf(host) > this.units.indexOf(heading[0])) continue;
      // A banner between them opens a new column: its headline is set below it, not across the one before.
      if (
        this.units.slice(this.units.indexOf(host), this.units.indexOf(heading[0])).some((u) => u.article === undefined)
      )
        continue;
      const candidates = this.cutCandidates(host.lines[0], !!host.continues);
      if (candidates.length === 0) continue;
      const rest = this.split(host, this.random.pick(candidates), 'break.mid-sentence', false);
      for (const unit of heading) {
        this.remove(unit);
        unit.noise = {
          kind: 'layout.headline-between-columns',
          expected: '',
          damages: { article: article - 1, block: host.block! },
        };
      }
      heading[0].breakBefore = true;
      this.insertBefore(rest, ...heading);
    }
  }

  /**
   * A headline set one column wide in a wrapped layout: the engine gives its two printed lines,
   * the second shorter or longer (`多地开展全国科技工作者日慰` / `问活动`, `岳池县科协` / `召开第三次代表大会`),
   * with no blank line between. Chosen by a hash of headline and width, not the page's random
   * stream, so every other draw, and so every other page, stays as it was.
   */
  twoLineHeadlines(): void {
    if (this.column.layout === 'blank-line') return;
    // Headline type is about 1.4 times the body's: a column holds fewer of its characters.
    const room = Math.max(MIN_HEADLINE_LINE, Math.round(this.column.width * 0.7));
    for (const unit of this.units) {
      if (unit.role !== 'title' || unit.noise || unit.lines.length !== 1 || unit.marks.length) continue;
      const title = unit.lines[0];
      const draw = unitHash(`${title}|${this.column.width}`);
      if (draw >= TWO_LINE_SHARE) continue;
      const space = title.indexOf(' ');
      // Half of the spaced headlines print their space as the line break, as the OCR set's pages do.
      const lines =
        space > 0 && draw < TWO_LINE_SHARE / 2
          ? [title.slice(0, space), title.slice(space + 1)]
          : title.length > room
            ? [title.slice(0, room), title.slice(room)]
            : null;
      // Longer than two lines of the column: set across columns, on one line.
      if (!lines || !lines[1].trim() || lines.some((line) => line.length > room)) continue;
      unit.lines = lines;
      unit.marks.push({ kind: 'layout.two-line-headline', start: 0, end: lines.join('\n').length });
    }
  }

  characterErrors(rates: Rates): void {
    for (const unit of this.units.filter((u) => u.role === 'paragraph' && !u.noise)) {
      if (this.random.chance(rates.doubled)) this.injectDoubled(unit);
      if (this.random.chance(rates.latin)) this.injectLatin(unit);
      this.injectLookalikes(unit, rates.lookalike);
    }
  }

  /**
   * No noise at or right beside `at`, nor on the text a doubled copy repeats (as wide as the copy):
   * a look-alike on the original of a doubled pair would hide the pair.
   */
  private freeAt(unit: Unit, at: number): boolean {
    return !unit.marks.some((m) => m.start - Math.max(1, m.end - m.start) <= at && at <= m.end);
  }

  private insertText(unit: Unit, at: number, text: string, kind: NoiseKind): void {
    unit.lines[0] = unit.lines[0].slice(0, at) + text + unit.lines[0].slice(at);
    for (const mark of unit.marks) {
      if (mark.start >= at) {
        mark.start += text.length;
        mark.end += text.length;
      }
    }
    unit.marks.push({ kind, start: at, end: at + text.length, expected: '' });
  }

  private injectDoubled(unit: Unit): void {
    const text = unit.lines[0];
    const width = this.random.chance(0.25) ? 2 : 1;
    const sites = [];
    for (let i = 1; i + width < text.length; i++) {
      const piece = text.slice(i, i + width);
      if (
        Array.from(piece).every(isHan) &&
        text[i - 1] !== text[i] &&
        text.slice(i + width, i + 2 * width) !== piece &&
        this.freeAt(unit, i)
      )
        sites.push(i);
    }
    if (sites.length === 0) return;
    const at = this.random.pick(sites);
    this.insertText(unit, at + width, text.slice(at, at + width), 'char.doubled');
  }

  private injectLatin(unit: Unit): void {
    const text = unit.lines[0];
    const sites = [];
    for (let i = 2; i < text.length - 2; i++)
      if (isHan(text[i - 1]) && isHan(text[i]) && this.freeAt(unit, i)) sites.push(i);
    if (sites.length === 0) return;
    this.insertText(unit, this.random.pick(sites), ` ${this.random.pick(LATIN)} `, 'char.latin');
  }

  /** Each character misread on its own chance: its measured rate times the page's `intensity`. */
  private injectLookalikes(unit: Unit, intensity: number): void {
    // UTF-16 units, as marks count them; every misread character is in the BMP.
    const text = unit.lines[0].split('');
    for (let at = 0; at < text.length; at++) {
      const misreadings = MISREADINGS.get(text[at]);
      if (!misreadings || !this.freeAt(unit, at) || !this.random.chance(misreadRate(text[at]) * intensity)) continue;
      const right = text[at];
      text[at] = this.random.weighted(
        misreadings.map((misreading) => ({ item: misreading.read, weight: misreading.rate })),
      );
      unit.marks.push({ kind: 'char.lookalike', start: at, end: at + 1, expected: right });
    }
    unit.lines[0] = text.join('');
  }
}

function insideWord(text: string, at: number, word: string): boolean {
  for (let offset = 1; offset < word.length; offset++) if (text.startsWith(word, at - offset)) return true;
  return false;
}
