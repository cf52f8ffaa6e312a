/**
 * Builds test/fixtures/eval-ocr (issue 10 item 6, "real OCR noise"): newspaper pages composed from the
 * clean articles in test/ocr-set/articles, printed by Chromium, read back by Tesseract (chi_sim).
 * Each page gives `<name>.raw.txt` (Tesseract's text, byte for byte), `<name>.gold.json` (the articles
 * as composed) and `<name>.engine.json` (the engine's own error on the article bodies, see the README).
 * Not part of the tests: it needs /usr/bin/chromium and tesseract, and takes minutes.
 * Run: `npx tsx test/ocr-set/build.ts [--psm 3] [--pages ocr-01,ocr-07] [--out DIR]`
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from 'fastest-levenshtein';
import { chromium, type Page } from 'playwright-core';
import { flat, type GoldArticle, type GoldPage } from '../eval/evaluate';
import { mulberry32 } from '../sim/random';
import { CHROMIUM_ARGS } from '../../scripts/chromium-args';

const ARTICLES_DIR = fileURLToPath(new URL('./articles', import.meta.url));
const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/eval-ocr', import.meta.url));
/**
 * Pages come in batches, each dealt from its own seed so a later batch leaves the earlier pages as they
 * were. ocr-01…12 were looked at while writing reflow's rules; ocr-13…24 and ocr-25…36 never were.
 */
const BATCHES = [
  { first: 1, count: 24, seed: 20241202 },
  { first: 25, count: 12, seed: 20261202 },
];
/** Chromium's device scale: 2 × 96 CSS px per inch, the resolution Tesseract is told. */
const SCALE = 2;
const DEFAULT_PSM = 3;

interface Section {
  name: string;
  pinyin: string;
}

const SECTIONS: Section[] = [
  { name: '地方科协', pinyin: 'DI FANG KE XIE' },
  { name: '学会之窗', pinyin: 'XUE HUI ZHI CHUANG' },
  { name: '科普天地', pinyin: 'KE PU TIAN DI' },
  { name: '乡村振兴', pinyin: 'XIANG CUN ZHEN XING' },
  { name: '科协动态', pinyin: 'KE XIE DONG TAI' },
  { name: '基层风采', pinyin: 'JI CENG FENG CAI' },
  { name: '科技服务', pinyin: 'KE JI FU WU' },
];

const SPONSORS = [
  '四川省农学会',
  '四川省气象学会',
  '四川省营养学会',
  '四川省机械工程学会',
  '成都市科协',
  '绵阳市科协',
  '宜宾市科协',
];
const COLUMN_SPONSORS = [
  '栏目协办：四川省科协学会部 四川省科协学会服务中心',
  '栏目协办：四川省科协科普部',
  '栏目协办：四川省农村专业技术协会',
];
const PROMO = ['欢迎关注', '“四川科技报”微信公众号'];
const SPONSOR_HEADING = '本版协办单位（排名不分先后）';

/** How the articles sit on the page; each reads to Tesseract differently. */
type Layout =
  | 'bands' // rows across the page, a short article sharing its row with the next one
  | 'flow' // one column flow, headlines one column wide, articles broken across columns
  | 'lead-flow' // a lead article across the page over a column flow of the others
  | 'main-side'; // a two-column main area beside a narrow column of short items
const LAYOUTS: Layout[] = ['bands', 'flow', 'lead-flow', 'main-side'];

/** How the banner prints the section name and its pinyin. */
type BannerStyle = 'stacked' | 'bar' | 'pinyin-first';
const BANNERS: BannerStyle[] = ['stacked', 'bar', 'pinyin-first'];

interface PageSpec {
  name: string;
  layout: Layout;
  columns: number;
  fontSize: number;
  bodyFont: 'serif' | 'sans';
  banner: BannerStyle;
  columnRule: boolean;
  sections: { at: number; section: Section }[];
  columnSponsor: string | null;
  sponsorsAsList: boolean;
  promo: boolean;
  articles: PlacedArticle[];
}

interface PlacedArticle {
  article: GoldArticle;
  inlineByline: boolean;
  /** Index of the paragraph the photo follows; -1 puts it under the headline. */
  photoAfter: number;
  photoHeight: number;
  /** A headline's internal space printed as a line break instead of a wide space. */
  titleBreak: boolean;
}

function pick<T>(items: readonly T[], rand: () => number): T {
  return items[Math.floor(rand() * items.length)];
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function loadArticles(): GoldArticle[] {
  return readdirSync(ARTICLES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(ARTICLES_DIR, file), 'utf8')) as GoldArticle);
}

const isPhotoNews = (article: GoldArticle) => article.byline?.endsWith('摄影报道') ?? false;
const bodyLength = (article: GoldArticle) => article.blocks.reduce((sum, block) => sum + block.text.length, 0);

/** Every article is dealt once before any is dealt again; a page never holds the same one twice. */
function dealArticles(
  articles: readonly GoldArticle[],
  counts: readonly number[],
  rand: () => number,
): GoldArticle[][] {
  const deck: GoldArticle[] = [];
  const pages: GoldArticle[][] = [];
  for (const count of counts) {
    const page: GoldArticle[] = [];
    while (page.length < count) {
      if (deck.length === 0) deck.push(...shuffled(articles, rand));
      const next = deck.findIndex((article) => !page.includes(article));
      if (next < 0) {
        deck.push(...shuffled(articles, rand));
        continue;
      }
      page.push(...deck.splice(next, 1));
    }
    pages.push(page);
  }
  return pages;
}

function planBatch(articles: readonly GoldArticle[], batch: (typeof BATCHES)[number]): PageSpec[] {
  const rand = mulberry32(batch.seed).next;
  const counts = Array.from({ length: batch.count }, (_, i) => [4, 3, 5, 6, 4, 5][(batch.first - 1 + i) % 6]);
  const dealt = dealArticles(articles, counts, rand);
  return dealt.map((pageArticles, index) => {
    const i = batch.first - 1 + index;
    const layout = LAYOUTS[i % LAYOUTS.length];
    const first = SECTIONS[(i * 3) % SECTIONS.length];
    const sections = [{ at: 0, section: first }];
    if (layout === 'bands' && pageArticles.length >= 5) {
      sections.push({ at: 3, section: SECTIONS[(i * 3 + 1) % SECTIONS.length] });
    }
    return {
      name: `ocr-${String(i + 1).padStart(2, '0')}`,
      layout,
      columns: layout === 'main-side' ? 2 : pick([3, 4, 4], rand),
      fontSize: [13.5, 14, 15, 16, 17][i % 5],
      bodyFont: rand() < 0.7 ? 'serif' : 'sans',
      banner: BANNERS[Math.floor(i / LAYOUTS.length) % BANNERS.length],
      columnRule: rand() < 0.5,
      sections,
      columnSponsor: rand() < 0.4 ? pick(COLUMN_SPONSORS, rand) : null,
      sponsorsAsList: rand() < 0.5,
      promo: rand() < 0.7,
      articles: pageArticles.map((article) => ({
        article,
        inlineByline:
          !isPhotoNews(article) && !article.blocks.some((block) => block.type === 'subhead') && rand() < 0.3,
        photoAfter: isPhotoNews(article) ? -1 : 0,
        photoHeight: Math.round(110 + rand() * 110),
        titleBreak: rand() < 0.4,
      })),
    };
  });
}

const planPages = (articles: readonly GoldArticle[]): PageSpec[] =>
  BATCHES.flatMap((batch) => planBatch(articles, batch));

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `Di Fang Ke Xie`: the pinyin as a pinyin-first banner prints it. */
const titleCasePinyin = (section: Section) =>
  section.pinyin
    .split(' ')
    .map((syllable) => syllable[0] + syllable.slice(1).toLowerCase())
    .join(' ');

function bannerHtml(section: Section, style: BannerStyle): string {
  const name = escapeHtml(section.name);
  if (style === 'bar')
    return `<div class="banner bar"><span class="name">${name}</span><span class="sep">|</span><span class="pinyin">${section.pinyin}</span></div>`;
  if (style === 'pinyin-first') {
    return `<div class="banner pinyin-first"><div class="pinyin">${titleCasePinyin(section)}</div><div class="name">${name}</div></div>`;
  }
  return `<div class="banner stacked"><div class="name">${name}</div><div class="pinyin">${section.pinyin}</div></div>`;
}

/** Furniture as printed: what a banner shows, in the form the banner style prints it. */
function bannerFurniture(section: Section, style: BannerStyle): string[] {
  return style === 'pinyin-first' ? [titleCasePinyin(section), section.name] : [section.name, section.pinyin];
}

function headlineHtml(placed: PlacedArticle): string {
  const { article } = placed;
  const title = escapeHtml(article.title).replace(/ /g, placed.titleBreak ? '<br>' : '\u3000');
  const kicker = article.kicker ? `<div class="kicker">${escapeHtml(article.kicker)}</div>` : '';
  return `<header>${kicker}<h2>${title}</h2></header>`;
}

function photoHtml(placed: PlacedArticle): string {
  const caption = placed.article.captions[0];
  return `<figure><div class="photo" style="height:${placed.photoHeight}px"></div>${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

function bodyHtml(placed: PlacedArticle): string {
  const { article } = placed;
  const photo = article.captions.length ? photoHtml(placed) : '';
  const parts: string[] = [placed.photoAfter < 0 ? photo : ''];
  const lastParagraph = article.blocks.map((block) => block.type).lastIndexOf('paragraph');
  const byline = article.byline ? `（${escapeHtml(article.byline)}）` : '';
  article.blocks.forEach((block, index) => {
    if (block.type === 'subhead') {
      parts.push(`<p class="subhead">${escapeHtml(block.text)}</p>`);
    } else {
      const text = escapeHtml(block.text).replace(/^本报讯 /, '<b>本报讯</b> ');
      const inline =
        placed.inlineByline && index === lastParagraph ? `<span class="byline-inline">${byline}</span>` : '';
      parts.push(`<p class="body">${text}${inline}</p>`);
    }
    if (index === placed.photoAfter) parts.push(photo);
  });
  if (byline && !placed.inlineByline) parts.push(`<p class="byline">${byline}</p>`);
  return parts.join('');
}

/** An article as one block inside a column flow: headline one column wide. */
function flowArticleHtml(placed: PlacedArticle): string {
  return `<article class="in-flow" data-title="${escapeHtml(placed.article.title)}">${headlineHtml(placed)}${bodyHtml(placed)}</article>`;
}

/** An article as a rectangle of its own: headline across its columns, body in `columns` columns. */
function bandArticleHtml(placed: PlacedArticle, columns: number): string {
  return `<article class="band" data-title="${escapeHtml(placed.article.title)}">${headlineHtml(placed)}<div class="cols" style="column-count:${columns}">${bodyHtml(placed)}</div></article>`;
}

const SHORT_ARTICLE = 260;

function bandsHtml(spec: PageSpec): string {
  const rows: string[] = [];
  const items = spec.articles;
  for (let i = 0; i < items.length; i++) {
    const banner = spec.sections.find((entry) => entry.at === i && i > 0);
    if (banner) rows.push(bannerHtml(banner.section, spec.banner));
    const next = items[i + 1];
    const nextStartsSection = spec.sections.some((entry) => entry.at === i + 1);
    if (
      next &&
      !nextStartsSection &&
      bodyLength(items[i].article) < SHORT_ARTICLE &&
      bodyLength(next.article) < SHORT_ARTICLE * 1.5
    ) {
      const half = Math.max(1, Math.floor(spec.columns / 2));
      rows.push(
        `<div class="row">${bandArticleHtml(items[i], half)}${bandArticleHtml(next, spec.columns - half)}</div>`,
      );
      i++;
    } else {
      rows.push(`<div class="row">${bandArticleHtml(items[i], spec.columns)}</div>`);
    }
  }
  return rows.join('');
}

function flowHtml(items: readonly PlacedArticle[], columns: number): string {
  return `<div class="cols flow" style="column-count:${columns}">${items.map(flowArticleHtml).join('')}</div>`;
}

function layoutHtml(spec: PageSpec): string {
  const items = spec.articles;
  switch (spec.layout) {
    case 'bands':
      return bandsHtml(spec);
    case 'flow':
      return flowHtml(items, spec.columns);
    case 'lead-flow':
      return `<div class="row">${bandArticleHtml(items[0], spec.columns)}</div>${flowHtml(items.slice(1), spec.columns)}`;
    case 'main-side': {
      const side = Math.max(1, Math.floor(items.length / 2));
      return `<div class="main-side"><div class="main">${flowHtml(items.slice(0, items.length - side), 2)}</div><div class="side">${flowHtml(items.slice(items.length - side), 1)}</div></div>`;
    }
  }
}

function footerHtml(spec: PageSpec): string {
  const sponsors = spec.sponsorsAsList
    ? `<div class="sponsors list"><div>${SPONSOR_HEADING}</div>${SPONSORS.map((name) => `<div>${name}</div>`).join('')}</div>`
    : `<div class="sponsors line">${SPONSOR_HEADING}：${SPONSORS.join(' ')}</div>`;
  const promo = spec.promo
    ? `<div class="promo"><div class="qr"></div><div>${PROMO.map((line) => `<div>${line}</div>`).join('')}</div></div>`
    : '';
  return `<footer>${sponsors}${promo}</footer>`;
}

function footerFurniture(spec: PageSpec): string[] {
  const sponsors = spec.sponsorsAsList ? [SPONSOR_HEADING, ...SPONSORS] : [`${SPONSOR_HEADING}：${SPONSORS.join(' ')}`];
  return [...sponsors, ...(spec.promo ? PROMO : [])];
}

const PAGE_WIDTH = 1120;

function pageHtml(spec: PageSpec): string {
  const bodyFamily = spec.bodyFont === 'serif' ? '"Noto Serif CJK SC"' : '"Noto Sans CJK SC"';
  const rule = spec.columnRule ? 'column-rule:1px solid #888;' : '';
  const css = `
    body { margin: 0; padding: 36px 40px; width: ${PAGE_WIDTH}px; background: #fff; color: #111;
      font-family: ${bodyFamily}; font-size: ${spec.fontSize}px; line-height: 1.65; }
    .banner { border-top: 5px solid #111; border-bottom: 1px solid #111; margin: 0 0 14px; padding: 6px 0; font-family: "Noto Sans CJK SC"; }
    .banner .name { font-size: 34px; font-weight: bold; letter-spacing: 6px; }
    .banner .pinyin { font-size: 15px; letter-spacing: 3px; color: #333; }
    .banner.bar { display: flex; align-items: baseline; gap: 14px; }
    .banner.pinyin-first .pinyin { font-style: italic; font-size: 17px; }
    .column-sponsor { font-family: "Noto Sans CJK SC"; font-size: 13px; text-align: right; margin: -8px 0 12px; }
    .row { display: flex; gap: 28px; border-bottom: 1px solid #555; padding-bottom: 12px; margin-bottom: 14px; }
    .row > article { flex: 1; min-width: 0; }
    .cols { column-gap: 26px; ${rule} column-fill: balance; }
    header { break-inside: avoid; break-after: avoid; margin-bottom: 6px; }
    .kicker { font-family: "Noto Sans CJK SC"; font-size: ${Math.round(spec.fontSize * 1.05)}px; color: #333; }
    h2 { margin: 0; font-family: "Noto Sans CJK SC"; font-weight: bold; line-height: 1.3; }
    .band h2 { font-size: ${Math.round(spec.fontSize * 1.9)}px; }
    .in-flow h2 { font-size: ${Math.round(spec.fontSize * 1.45)}px; }
    .in-flow { margin-bottom: 18px; }
    p { margin: 0; text-align: justify; }
    p.body { text-indent: 2em; }
    p.subhead { font-family: "Noto Sans CJK SC"; font-weight: bold; margin-top: 4px; }
    p.byline { text-align: right; }
    figure { margin: 8px 0; break-inside: avoid; }
    .photo { background: linear-gradient(135deg, #9a9a9a, #c8c8c8); }
    figcaption { font-family: "Noto Sans CJK SC"; font-size: ${Math.round(spec.fontSize * 0.85)}px; margin-top: 4px; }
    .main-side { display: flex; gap: 26px; }
    .main { flex: 2; min-width: 0; }
    .side { flex: 1; min-width: 0; border-left: 1px solid #555; padding-left: 20px; }
    footer { border-top: 3px double #111; margin-top: 10px; padding-top: 8px; font-family: "Noto Sans CJK SC"; font-size: 13px; display: flex; gap: 40px; align-items: center; }
    .sponsors.list { column-count: 2; }
    .promo { display: flex; gap: 10px; align-items: center; }
    .qr { width: 70px; height: 70px; background: repeating-linear-gradient(90deg, #222 0 6px, #fff 6px 11px); }
    body.body-only * { visibility: hidden; }
    body.body-only article.shown :is(p.body, p.body *, p.subhead) { visibility: visible; }
    body.body-only article.shown p.body .byline-inline { visibility: hidden; }`;
  const sponsor = spec.columnSponsor ? `<div class="column-sponsor">${spec.columnSponsor}</div>` : '';
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><style>${css}</style></head><body>${bannerHtml(spec.sections[0].section, spec.banner)}${sponsor}${layoutHtml(spec)}${footerHtml(spec)}</body></html>`;
}

/** The gold lists articles in the order the page is composed, which is the order a reader takes them. */
function goldPage(spec: PageSpec): GoldPage {
  const sectionAt = (index: number) => [...spec.sections].reverse().find((entry) => entry.at <= index)!.section.name;
  return {
    heldOut: true,
    articles: spec.articles.map(({ article }, index) => ({ ...article, section: sectionAt(index) })),
    furniture: [
      ...spec.sections.flatMap(({ section }) => bannerFurniture(section, spec.banner)),
      ...(spec.columnSponsor ? [spec.columnSponsor] : []),
      ...footerFurniture(spec),
    ],
  };
}

function tesseract(png: string, outBase: string, psm: number): string {
  execFileSync('tesseract', [png, outBase, '-l', 'chi_sim', '--psm', String(psm), '--dpi', String(96 * SCALE)], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return readFileSync(`${outBase}.txt`, 'utf8');
}

/** Whitespace-free body text of an article, subheads included, as the evaluation counts it. */
const goldBody = (article: GoldArticle) => article.blocks.map((block) => flat(block.text)).join('');

/**
 * The engine's own reading of one article's body: the page printed again with everything but that article's
 * paragraphs and subheads hidden (nothing moves), each printed column of it read on its own, left to right,
 * so neither the page's layout analysis nor a column's order counts against the engine.
 */
async function readArticleBody(page: Page, title: string, pngBase: string, psm: number): Promise<string> {
  const clips = await page.evaluate((wanted) => {
    document.body.classList.add('body-only');
    document.querySelectorAll('article.shown').forEach((element) => element.classList.remove('shown'));
    const article = [...document.querySelectorAll('article')].find((element) => element.dataset.title === wanted)!;
    article.classList.add('shown');
    const rects = [...article.querySelectorAll('p.body, p.subhead')].flatMap((element) => [
      ...element.getClientRects(),
    ]);
    const columns = new Map<number, DOMRect[]>();
    for (const rect of rects) columns.set(Math.round(rect.left), [...(columns.get(Math.round(rect.left)) ?? []), rect]);
    const margin = 10;
    return [...columns.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, column]) => {
        const left = Math.max(0, Math.min(...column.map((r) => r.left)) - margin);
        const top = Math.max(0, Math.min(...column.map((r) => r.top)) - margin);
        return {
          x: left,
          y: top,
          width: Math.max(...column.map((r) => r.right)) + margin - left,
          height: Math.max(...column.map((r) => r.bottom)) + margin - top,
        };
      });
  }, title);
  const texts: string[] = [];
  for (const [index, clip] of clips.entries()) {
    const png = `${pngBase}-${index + 1}.png`;
    await page.screenshot({ path: png, clip });
    texts.push(tesseract(png, png.replace(/\.png$/, ''), psm));
  }
  return texts.join('\n');
}

/** Whole-page text against every article's printed text in gold order: lower means columns read in a better order. */
function readingOrderCer(gold: GoldPage, raw: string): number {
  const expected = gold.articles
    .map((article) =>
      [article.kicker, article.title, goldBody(article), ...article.captions, article.byline].map(flat).join(''),
    )
    .join('');
  return distance(flat(raw), expected) / expected.length;
}

function argument(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const psm = Number(argument('--psm') ?? DEFAULT_PSM);
  const outDir = resolve(argument('--out') ?? FIXTURES_DIR);
  const only = argument('--pages')?.split(',');
  const workDir = join(outDir, 'work');
  mkdirSync(workDir, { recursive: true });
  const specs = planPages(loadArticles()).filter((spec) => !only || only.includes(spec.name));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({
      viewport: { width: PAGE_WIDTH + 80, height: 1200 },
      deviceScaleFactor: SCALE,
    });
    for (const spec of specs) {
      const gold = goldPage(spec);
      const html = join(workDir, `${spec.name}.html`);
      writeFileSync(html, pageHtml(spec));
      await page.goto(`file://${html}`);
      await page.evaluate(() => document.fonts.ready);
      const height = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().bottom));
      await page.setViewportSize({ width: PAGE_WIDTH + 80, height });
      const png = join(workDir, `${spec.name}.png`);
      await page.screenshot({ path: png });
      const raw = tesseract(png, join(workDir, spec.name), psm);
      let engineErrors = 0;
      let bodyChars = 0;
      for (const [index, article] of gold.articles.entries()) {
        const text = await readArticleBody(page, article.title, join(workDir, `${spec.name}.body-${index + 1}`), psm);
        engineErrors += distance(flat(text), goldBody(article));
        bodyChars += goldBody(article).length;
      }
      const engine = { psm, bodyChars, engineErrors, engineCer: Number((engineErrors / bodyChars).toFixed(4)) };
      writeFileSync(join(outDir, `${spec.name}.raw.txt`), raw);
      writeFileSync(join(outDir, `${spec.name}.gold.json`), `${JSON.stringify(gold, null, 2)}\n`);
      writeFileSync(join(outDir, `${spec.name}.engine.json`), `${JSON.stringify(engine, null, 2)}\n`);
      const pct = (n: number) => `${(n * 100).toFixed(2)}%`;
      console.log(
        `${spec.name} ${spec.layout} ${spec.columns} cols ${spec.fontSize}px ${spec.bodyFont}: engine body CER ${pct(engine.engineCer)}, whole page in gold order ${pct(readingOrderCer(gold, raw))}`,
      );
    }
  } finally {
    await browser.close();
  }
}

await main();
