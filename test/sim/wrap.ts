/**
 * Greedy column wrapping as a typesetter does it: a line holds `width` characters, and a closing
 * mark or a space that would open the next line hangs at the end of this one instead.
 */
const HANGING = /[。！？”’，,、：:；;）)」』\s]/;

export const hangs = (char: string | undefined): boolean => !!char && HANGING.test(char);

/** Offsets where each printed line of `text` ends (the last one is `text.length`). */
export function lineEnds(text: string, firstWidth: number, width: number): number[] {
  const ends: number[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + (ends.length === 0 ? firstWidth : width));
    while (end < text.length && hangs(text[end])) end++;
    ends.push(end);
    at = end;
  }
  return ends;
}
