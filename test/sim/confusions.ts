import { OCR_CONFUSIONS } from '../../src-shared/text/data/ocr-confusions';

/**
 * What the simulator misreads a character as, and how likely per printed occurrence. The measured
 * table (Tesseract on eval-ocr's tuning half) carries its own rates; the classic one-stroke pairs
 * (已/己, 士/土) were never misread there in some hundred printings each, so they get a rate below
 * that. Weighting sites by rate puts the misreads where an engine makes them: on rare, many-stroke
 * characters far more than on common ones.
 */
export interface Misreading {
  read: string;
  rate: number;
}

const CLASSIC_RATE = 0.005;
const SMOOTHING = 3;
const CLASSIC_PAIRS = [
  '荥荣',
  '逐遂',
  '遂逐',
  '已己',
  '己已',
  '未末',
  '末未',
  '士土',
  '土士',
  '侯候',
  '候侯',
  '拨拔',
  '拔拨',
  '晴睛',
  '辨辩',
  '辩辨',
  '崇祟',
  '折拆',
  '徙徒',
  '兔免',
  '治冶',
  '贷货',
  '货贷',
];

export const MISREADINGS = new Map<string, Misreading[]>();
const add = (right: string, misreading: Misreading) =>
  MISREADINGS.set(right, [...(MISREADINGS.get(right) ?? []), misreading]);
for (const pair of CLASSIC_PAIRS) add(pair[0], { read: pair[1], rate: CLASSIC_RATE });
const entries = OCR_CONFUSIONS.trim().split(/\s+/);
for (let i = 0; i + 2 < entries.length; i += 3) {
  const [right, read] = Array.from(entries[i]);
  // Smoothed as if the character had been printed a few more times without a misread: one
  // misread in one printing (辩 → 辨) is not a certainty.
  add(right, { read, rate: Number(entries[i + 1]) / (Number(entries[i + 2]) + SMOOTHING) });
}

/** A character's chance of being misread at all. */
export function misreadRate(ch: string): number {
  return (MISREADINGS.get(ch) ?? []).reduce((total, misreading) => total + misreading.rate, 0);
}
