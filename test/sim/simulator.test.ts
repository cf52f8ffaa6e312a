import { describe, expect, it } from 'vitest';
import { flat } from '../eval/evaluate';
import { LAYOUTS, NOISE_KINDS, simulatePage, simulatePages, type InjectedNoise, type SimPage } from './index';

/** Raw with the recorded wrong text replaced by what gold reads there, outermost span first. */
function denoise(page: SimPage, take: (noise: InjectedNoise) => boolean = () => true): string {
  const spans = page.noise
    .filter((noise) => noise.expected !== undefined && take(noise))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let text = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    text += page.raw.slice(at, span.start) + span.expected;
    at = span.end;
  }
  return text + page.raw.slice(at);
}

/** Only the character substitutions undone: text that is extra or out of place stays. */
const substitutionsUndone = (page: SimPage) => flat(denoise(page, (noise) => noise.expected !== ''));

/** True when `text` reads in raw with all recorded noise undone, or (moved text) with only its substitutions undone. */
function printed(page: SimPage): (text: string) => boolean {
  const clean = flat(denoise(page));
  const substituted = substitutionsUndone(page);
  return (text) => clean.includes(flat(text)) || substituted.includes(flat(text));
}

/** Half-width and full-width marks read alike, as the layouts mix them. */
const loose = (text: string) =>
  flat(text).replace(/[，：；？]/g, (mark) => String.fromCharCode(mark.charCodeAt(0) - 0xfee0));

const pages = simulatePages({ seed: 1000, count: 200 });

describe('page simulator', () => {
  it('should give the same page for the same seed and layout, and another for another seed', () => {
    for (const layout of LAYOUTS) {
      expect(simulatePage(77, layout)).toEqual(simulatePage(77, layout));
      expect(simulatePage(78, layout).raw).not.toBe(simulatePage(77, layout).raw);
    }
  });

  it('should take the layouts in turn from consecutive seeds', () => {
    const run = simulatePages({ seed: 5, count: 4, layouts: ['hard-wrapped', 'blank-line'] });
    expect(run.map((page) => [page.seed, page.layout])).toEqual([
      [5, 'hard-wrapped'],
      [6, 'blank-line'],
      [7, 'hard-wrapped'],
      [8, 'blank-line'],
    ]);
    expect(run[1]).toEqual(simulatePage(6, 'blank-line'));
  });

  it('should compose pages of three to seven articles', () => {
    for (const page of pages) {
      expect(page.gold.articles.length).toBeGreaterThanOrEqual(3);
      expect(page.gold.articles.length).toBeLessThanOrEqual(7);
    }
  });

  it('should print every gold paragraph in raw once the recorded noise is undone', () => {
    for (const page of pages) {
      const reads = printed(page);
      for (const block of page.gold.articles.flatMap((article) => article.blocks))
        expect(reads(block.text), `${page.name}: ${block.text}`).toBe(true);
    }
  });

  it('should print every title, kicker, caption and byline of the gold in raw', () => {
    for (const page of pages) {
      const reads = printed(page);
      for (const article of page.gold.articles) {
        for (const text of [article.title, article.kicker, article.byline, ...article.captions]) {
          if (text !== null) expect(reads(text), `${page.name}: ${text}`).toBe(true);
        }
      }
    }
  });

  it('should start each article where its kicker or title is printed', () => {
    for (const page of pages) {
      page.gold.articles.forEach((article, i) => {
        const start = page.articleStarts[i];
        const line = page.raw.slice(start, page.raw.indexOf('\n', start)).replace(/^(#{1,6}|-) /, '');
        const heading = loose(article.kicker ?? article.title);
        // A headline set on two lines starts with its first line.
        const twoLines =
          !article.kicker &&
          page.noise.some((noise) => noise.kind === 'layout.two-line-headline' && noise.start === start);
        if (twoLines)
          expect(
            heading.startsWith(loose(line)) && loose(line).length < heading.length,
            `${page.name} article ${i}`,
          ).toBe(true);
        else expect(loose(line), `${page.name} article ${i}`).toBe(heading);
      });
    }
  });

  it('should log noise inside the raw text, with the character gold reads for a substitution', () => {
    for (const page of pages) {
      for (const noise of page.noise) {
        expect(noise.start).toBeGreaterThanOrEqual(0);
        expect(noise.end).toBeLessThanOrEqual(page.raw.length);
        expect(noise.end, `${page.name} ${noise.kind}`).toBeGreaterThan(noise.start);
        if (noise.kind === 'char.lookalike' || noise.kind === 'layout.half-width') {
          expect(noise.expected).toHaveLength(1);
          expect(page.raw.slice(noise.start, noise.end)).not.toBe(noise.expected);
        }
        if (noise.kind === 'char.doubled') {
          // The copy may straddle a wrapped line end.
          const copy = flat(page.raw.slice(noise.start, noise.end));
          expect(flat(page.raw.slice(0, noise.start)).endsWith(copy), page.name).toBe(true);
        }
      }
    }
  });

  it('should name the gold block a noise damages, next to the text it damages', () => {
    let named = 0;
    for (const page of pages) {
      for (const noise of page.noise.filter((n) => n.block !== undefined)) {
        named++;
        const block = page.gold.articles[noise.article!].blocks[noise.block!];
        expect(block, `${page.name} ${noise.kind}`).toBeDefined();
        if (noise.kind === 'lost.end')
          expect(loose(page.raw.slice(noise.start, noise.end))).toBe(loose(block.text).slice(-1));
        if (noise.kind === 'lost.start')
          expect(loose(page.raw.slice(noise.start, noise.end))).toBe(loose(block.text).slice(0, 1));
      }
    }
    expect(named).toBeGreaterThan(pages.length);
  });

  it('should inject every noise kind over two hundred pages', () => {
    const seen = new Set(pages.flatMap((page) => page.noise.map((noise) => noise.kind)));
    expect([...NOISE_KINDS].filter((kind) => !seen.has(kind))).toEqual([]);
  });

  describe('layouts', () => {
    const of = (layout: string) => pages.filter((page) => page.layout === layout);
    const lines = (page: SimPage) => page.raw.split('\n');
    /** Lines set on their own rather than wrapped: headings, credits, furniture. */
    const ownLines = (page: SimPage) =>
      new Set(
        [
          ...page.gold.furniture,
          ...page.gold.articles.flatMap((a) => [
            a.title,
            a.kicker,
            a.byline && `(${a.byline})`,
            ...a.blocks.filter((b) => b.type === 'subhead').map((b) => b.text),
          ]),
        ]
          .filter((text): text is string => !!text)
          .map(loose),
      );
    const hanging = /[。！？”’，,、：:；;）)」』\s]+$/;

    it('blank-line: one block per paragraph with blank lines between, markdown residue, no indents', () => {
      for (const page of of('blank-line')) {
        expect(page.columnWidth).toBeNull();
        expect(page.raw).not.toMatch(/^\u3000\u3000/m);
        const blocks = page.raw.split(/\n[ \t]*\n/).map(flat);
        const whole = page.gold.articles.flatMap((a) => a.blocks).filter((b) => blocks.includes(flat(b.text)));
        expect(whole.length, page.name).toBeGreaterThan(0);
      }
      expect(of('blank-line').some((page) => /^#{1,3} /m.test(page.raw))).toBe(true);
      expect(of('blank-line').some((page) => /\n\n\n\n/.test(page.raw))).toBe(true);
    });

    it('hard-wrapped: column lines no wider than the column, indented paragraph openings, few blank lines', () => {
      for (const page of of('hard-wrapped')) {
        const width = page.columnWidth!;
        expect(width).toBeGreaterThanOrEqual(12);
        expect(width).toBeLessThanOrEqual(25);
        const own = ownLines(page);
        const text = lines(page).filter((line) => line.trim() && !own.has(loose(line)));
        for (const line of text)
          expect(line.replace(hanging, '').length, `${page.name}: ${line}`).toBeLessThanOrEqual(width);
        expect(text.filter((line) => line.startsWith('\u3000\u3000')).length, page.name).toBeGreaterThanOrEqual(
          page.gold.articles.length,
        );
        expect(lines(page).filter((line) => !line.trim()).length / lines(page).length, page.name).toBeLessThan(0.1);
      }
    });

    it('column-wrapped: lines wrapped at the column without indents, some half-width marks and spaced CJK', () => {
      for (const page of of('column-wrapped')) {
        const own = ownLines(page);
        expect(page.raw).not.toMatch(/^\u3000/m);
        for (const line of lines(page).filter((l) => l.trim() && !own.has(loose(l)))) {
          expect(line.replace(/ /g, '').replace(hanging, '').length, `${page.name}: ${line}`).toBeLessThanOrEqual(
            page.columnWidth!,
          );
        }
      }
      const kinds = new Set(of('column-wrapped').flatMap((page) => page.noise.map((noise) => noise.kind)));
      expect(kinds).toContain('layout.half-width');
      expect(kinds).toContain('layout.cjk-space');
    });
  });
});
