import { compose } from './compose';
import { mulberry32 } from './random';
import { render } from './render';
import { LAYOUTS, type Layout, type SimPage } from './types';

/**
 * The page simulator (issue 10 item 6): raw OCR pages composed from clean gold articles, with
 * every noise kind of page-anatomy.md at random positions and rates, in the three layouts, with
 * exact gold, a log of the injected noise and where each article starts. Deterministic: the same
 * seed and layout give the same page. docs/evaluation.md describes it.
 */
export { LAYOUTS, NOISE_KINDS, CHAR_ERROR_KINDS } from './types';
export type { InjectedNoise, Layout, NoiseKind, SimPage } from './types';

export function simulatePage(seed: number, layout: Layout): SimPage {
  const random = mulberry32(seed * 3 + LAYOUTS.indexOf(layout));
  const width = layout === 'blank-line' ? 0 : random.int(12, 25);
  const column = { layout, width };
  const { gold, units } = compose(random, column);
  const { raw, noise, articleStarts } = render(random, units, column);
  return {
    name: `sim-${seed}-${layout}`,
    layout,
    seed,
    raw,
    gold,
    noise,
    articleStarts: gold.articles.map((_, i) => articleStarts[i]),
    columnWidth: layout === 'blank-line' ? null : width,
  };
}

/** `count` pages from consecutive seeds, the layouts taken in turn. */
export function simulatePages(opts: { seed: number; count: number; layouts?: readonly Layout[] }): SimPage[] {
  const layouts = opts.layouts ?? LAYOUTS;
  return Array.from({ length: opts.count }, (_, i) => simulatePage(opts.seed + i, layouts[i % layouts.length]));
}
