import type { Chunk } from '../../model/analysis';
import { endsSentenceAt, lexicon, openingDoubt, type OpeningDoubt } from '../../text';
import type { Finding } from './findings';

/** How sure a character that cannot open a sentence makes us that the paragraph's start is lost. */
const DOUBT: Record<OpeningDoubt, number> = { punctuation: 0.6, enclitic: 0.5, connective: 0.35 };
/** Layout residue around the words: markup and spaces. */
const LAYOUT = new Set(Array.from(' \t\r\n\u3000#*+-', (ch) => ch.charCodeAt(0)));
/** Roles that may sit between the halves of a cut paragraph (captions, bylines, banners). */
const INTRUDER_ROLES = new Set<Chunk['role']>(['caption', 'byline', 'furniture']);
const CLAUSE_PUNCTUATION = new Set(Array.from('，,。；', (ch) => ch.charCodeAt(0)));
const OPEN_PAREN = new Set([0x28, 0xff08]);
const CLOSE_PAREN = new Set([0x29, 0xff09]);

/** How far a lost-text flag reaches into the paragraph: enough to read, not the whole block. */
const EXCERPT = 12;

function endsSentence(raw: string, chunk: Chunk): boolean {
  let i = chunk.end - 1;
  while (i >= chunk.start && LAYOUT.has(raw.charCodeAt(i))) i--;
  // An inline byline (…力量。(杨博)) follows the sentence's own final mark: look before it.
  if (CLOSE_PAREN.has(raw.charCodeAt(i))) {
    let open = i - 1;
    while (open > chunk.start && i - open < 40 && !OPEN_PAREN.has(raw.charCodeAt(open))) open--;
    if (OPEN_PAREN.has(raw.charCodeAt(open))) i = open - 1;
  }
  return endsSentenceAt(raw, chunk.start, i + 1);
}

/** Long enough and punctuated like running text: a short bare line is a title or a label. */
function isProse(raw: string, chunk: Chunk): boolean {
  if (chunk.end - chunk.start < 20) return false;
  for (let i = chunk.start; i < chunk.end; i++) if (CLAUSE_PUNCTUATION.has(raw.charCodeAt(i))) return true;
  return false;
}

/** How sure we are that a paragraph's first characters cannot open a sentence; 0 when they can. */
function lostStartDoubt(raw: string, chunk: Chunk): number {
  let first = chunk.start;
  while (first < chunk.end && LAYOUT.has(raw.charCodeAt(first))) first++;
  if (first === chunk.end) return 0;
  const doubt = openingDoubt(raw[first]);
  if (doubt === null) return 0;
  // 了解, 地方, 都市, 而且 open sentences: a word starting here clears the character.
  if (doubt !== 'punctuation' && lexicon().has(raw.slice(first, first + 2))) return 0;
  return DOUBT[doubt];
}

/** The nearest chunk in `direction` that is not a caption, byline or banner, or null at the page edge. */
function neighbour(order: readonly Chunk[], index: number, direction: 1 | -1): Chunk | null {
  for (let i = index + direction; i >= 0 && i < order.length; i += direction) {
    if (!INTRUDER_ROLES.has(order[i].role)) return order[i];
  }
  return null;
}

/**
 * Paragraphs whose start or end is missing. A paragraph cut by a column break continues in the next
 * paragraph chunk, so only a cut with nothing to continue it (a headline or the page edge next) is
 * lost text; a paragraph opening mid-sentence is lost only if what precedes it ends a sentence.
 */
export function findLostText(raw: string, chunks: readonly Chunk[], out: Finding[]): void {
  const order = [...chunks].sort((a, b) => a.start - b.start);
  order.forEach((chunk, index) => {
    if (chunk.role !== 'paragraph') return;
    const before = neighbour(order, index, -1);
    const continues = before?.role === 'paragraph' && !endsSentence(raw, before);
    const doubt = continues ? 0 : lostStartDoubt(raw, chunk);
    if (doubt > 0) {
      out.push({
        kind: 'lost-text',
        rule: 'lost.start',
        start: chunk.start,
        end: Math.min(chunk.end, chunk.start + EXCERPT),
        message: 'The paragraph opens mid-sentence and nothing before it leads into it: its beginning may be lost.',
        suggestion: null,
        confidence: doubt,
      });
    }
    if (!isProse(raw, chunk) || endsSentence(raw, chunk)) return;
    const after = neighbour(order, index, 1);
    if (after?.role === 'paragraph') return;
    out.push({
      kind: 'lost-text',
      rule: 'lost.end',
      start: Math.max(chunk.start, chunk.end - EXCERPT),
      end: chunk.end,
      message: after
        ? 'The paragraph stops mid-sentence and the next block starts something else: its end may be lost.'
        : 'The paragraph stops mid-sentence at the end of the page: its end may be lost or continue elsewhere.',
      suggestion: null,
      confidence: after ? 0.5 : 0.4,
    });
  });
}
