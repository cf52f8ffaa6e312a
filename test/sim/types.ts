import type { GoldPage } from '../eval/evaluate';

export type Layout = 'blank-line' | 'hard-wrapped' | 'column-wrapped';
export const LAYOUTS: readonly Layout[] = ['blank-line', 'hard-wrapped', 'column-wrapped'];

/** Dotted `family.variant`, e.g. 'break.mid-sentence', 'repeat.paragraph', 'char.doubled' (see NOISE_KINDS). */
export type NoiseKind = string;

export interface InjectedNoise {
  kind: NoiseKind;
  /** Raw offsets, [start, end). */
  start: number;
  end: number;
  /**
   * What the clean page reads in place of raw [start, end) when the span is simply wrong text:
   * '' for text that is extra here (a copy, markup, an intruder, a doubled character), the right
   * character for a look-alike or half-width one. Absent for spans that only mark where something
   * happened (a column break, lost text): the raw there is what gold keeps.
   */
  expected?: string;
  /** The gold article (index) and its block (index into `blocks`) this noise damages, when it damages one. */
  article?: number;
  block?: number;
}

export interface SimPage {
  name: string;
  layout: Layout;
  seed: number;
  raw: string;
  gold: GoldPage;
  noise: InjectedNoise[];
  /** raw offset where each gold article's first printed line (kicker, else title) starts, in gold order */
  articleStarts: number[];
  /** The printed column width in characters of a wrapped layout; null for blank-line blocks. */
  columnWidth: number | null;
}

/** Every kind the simulator injects; a page holds a random subset at random rates. */
export const NOISE_KINDS = [
  'markup.residue',
  'break.mid-sentence',
  'break.mid-word',
  'break.after-comma',
  'break.doubled-char',
  'break.paragraph-start',
  'intruder.caption',
  'intruder.byline',
  'intruder.fragment',
  'repeat.paragraph',
  'repeat.garbled',
  'repeat.article',
  'repeat.promo',
  'displaced.after-byline',
  'lost.end',
  'lost.start',
  'char.doubled',
  'char.latin',
  'char.lookalike',
  'layout.cjk-space',
  'layout.half-width',
  'layout.headline-between-columns',
  'layout.two-line-headline',
] as const;

/** The character errors the OCR lint (`ocr.*` flags) is meant to find. */
export const CHAR_ERROR_KINDS: readonly NoiseKind[] = ['char.doubled', 'char.latin', 'char.lookalike'];
