import { isHanCode } from './han';

/**
 * The shape of a place name: a stem of two or three Han characters and an administrative suffix
 * (夹江县, 峨眉山市, 新津区, 五凤镇); natural features end names too (赤水河, 峨眉山).
 */

const ADMINISTRATIVE_SUFFIXES = new Set(Array.from('省市县区州镇乡村', (ch) => ch.charCodeAt(0)));
const FEATURE_SUFFIXES = new Set(Array.from('河江山湖海', (ch) => ch.charCodeAt(0)));
/** Stem lengths before a suffix; names are mostly two or three characters. */
export const PLACE_STEM = { shortest: 2, longest: 3 } as const;

/** `县`, `市`, …: a character that ends an administrative name. */
export function isPlaceSuffixCode(code: number): boolean {
  return ADMINISTRATIVE_SUFFIXES.has(code);
}

/** An administrative suffix or a natural feature's (河, 江, 山): a character a place name may end with. */
export function endsPlaceNameCode(code: number): boolean {
  return ADMINISTRATIVE_SUFFIXES.has(code) || FEATURE_SUFFIXES.has(code);
}

/** Every `stem + suffix` the text holds, each stem length tried (`江县`, `夹江县`), in text order. */
export function placeNameCandidates(text: string): string[] {
  const names: string[] = [];
  for (let s = PLACE_STEM.shortest; s < text.length; s++) {
    if (!isPlaceSuffixCode(text.charCodeAt(s))) continue;
    for (let stem = 1; stem <= PLACE_STEM.longest && s - stem >= 0 && isHanCode(text.charCodeAt(s - stem)); stem++) {
      if (stem >= PLACE_STEM.shortest) names.push(text.slice(s - stem, s + 1));
    }
  }
  return names;
}

/** Longest whole text read as a place name. */
const PLACE_NAME_MAX = 10;

/** A whole short text (no spaces) ending like a place name: `成都市`, `新津区`, `五凤镇`, `城关街道`. */
export function isPlaceNameShape(text: string): boolean {
  return (
    text.length <= PLACE_NAME_MAX && (isPlaceSuffixCode(text.charCodeAt(text.length - 1)) || text.endsWith('街道'))
  );
}
