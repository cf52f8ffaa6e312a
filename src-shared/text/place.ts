import { isHanCode } from './han';

/**
 * The shape of a place name: a stem of two or three Han characters and an administrative suffix
 * (夹江县, 峨眉山市, 新津区, 五凤镇); natural features end names too (赤水河, 峨眉山).
 */

const COUNTY = '县'.charCodeAt(0);
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

/** Suffixes of the levels above a county: a province, a city, a prefecture. */
const UPPER_LEVEL_SUFFIXES = new Set(Array.from('省市州', (ch) => ch.charCodeAt(0)));
/** Suffixes of the places a city or prefecture holds: a district, a county, a county-level city. */
const LOWER_LEVEL_SUFFIXES = new Set(Array.from('区县市', (ch) => ch.charCodeAt(0)));
/** Words ending like a city that name none (`全市`, `城市`, `我省`). */
const NOT_A_PLACE = /(?:[全各本该我城超外省]市|[全各本该我外]省|[全各本]州)$/;

/**
 * `…近日,巴中市` | `恩阳区科协举办…`: a report names a place with the city or prefecture that holds
 * it (`成都市新津区`, `自贡市荣县`), so a text ending in a city's name and one opening with a
 * district's or county's name are the two halves of one name cut by a break. Both texts compact.
 */
export function placeNameRunsOn(head: string, tail: string): boolean {
  const end = head.length - 1;
  if (!UPPER_LEVEL_SUFFIXES.has(head.charCodeAt(end)) || NOT_A_PLACE.test(head)) return false;
  let stem = 0;
  while (stem < PLACE_STEM.shortest && end - stem - 1 >= 0 && isHanCode(head.charCodeAt(end - stem - 1))) stem++;
  if (stem < PLACE_STEM.shortest) return false;
  for (let at = 1; at <= PLACE_STEM.longest && at < tail.length; at++) {
    if (!isHanCode(tail.charCodeAt(at - 1))) return false;
    const suffix = tail.charCodeAt(at);
    // A one-character stem names only a county (`荣县`, `泸县`): `社区`, `景区` are no places.
    if (LOWER_LEVEL_SUFFIXES.has(suffix) && (at >= PLACE_STEM.shortest || suffix === COUNTY)) return true;
  }
  return false;
}
