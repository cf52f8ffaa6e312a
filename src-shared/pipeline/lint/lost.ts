import type { Chunk } from '../../model/analysis';
import { isHanCode, type Finding } from './findings';
import { LEXICON } from './lexicon';

const SENTENCE_FINAL = new Set(Array.from('。！？!?…；;'));
const CLOSERS = new Set(Array.from('”’」』）)》】"\''));
/** Punctuation that only ever follows words: a paragraph opening with it lost its beginning. */
const CLOSING_OR_INNER = new Set(Array.from('，,、。；;：:！!？?）)」』》】”’'));
/** Characters that attach to a preceding word (particles, suffixes) and cannot open a sentence. */
const ENCLITICS = new Set(Array.from('的了着过们地得吗呢吧啊'));
/** Connectives that continue a clause (并, 及, 而) and adverbs that need a subject before them. */
const CONTINUATIONS = new Set(Array.from('并及而都也还又'));
/** Layout residue before the words: markup and spaces. */
const LEADING_LAYOUT = /^[\s\u3000#*+\-]*/;
/** Roles that may sit between the halves of a cut paragraph (captions, bylines, banners). */
const INTRUDER_ROLES = new Set<Chunk['role']>(['caption', 'byline', 'furniture']);

/** How far a lost-text flag reaches into the paragraph: enough to read, not the whole block. */
const EXCERPT = 12;

function endsSentence(raw: string, chunk: Chunk): boolean {
  let i = chunk.end - 1;
  while (i >= chunk.start && /\s/.test(raw[i])) i--;
  // An inline byline (…力量。(杨博)) or a closing quote follows the sentence's own final mark.
  if (raw[i] === ')' || raw[i] === '）') {
    const open = Math.max(raw.lastIndexOf('(', i), raw.lastIndexOf('（', i));
    if (open > chunk.start && i - open < 40) i = open - 1;
  }
  for (; i >= chunk.start; i--) {
    if (SENTENCE_FINAL.has(raw[i])) return true;
    if (!CLOSERS.has(raw[i])) return false;
  }
  return false;
}

function isProse(raw: string, chunk: Chunk): boolean {
  if (chunk.end - chunk.start < 20) return false;
  const text = raw.slice(chunk.start, chunk.end);
  return /[，,。；]/.test(text);
}

/** How sure we are that a paragraph's first characters cannot open a sentence; 0 when they can. */
function openingDoubt(raw: string, chunk: Chunk): number {
  const first = chunk.start + (LEADING_LAYOUT.exec(raw.slice(chunk.start, Math.min(chunk.end, chunk.start + 8)))?.[0].length ?? 0);
  const ch = raw[first];
  if (ch === undefined) return 0;
  if (CLOSING_OR_INNER.has(ch)) return 0.6;
  if (!isHanCode(raw.charCodeAt(first))) return 0;
  // 了解, 地方, 都市, 而且 open sentences: a word starting here clears the character.
  if (LEXICON.has(raw.slice(first, first + 2))) return 0;
  if (ENCLITICS.has(ch)) return 0.5;
  if (CONTINUATIONS.has(ch)) return 0.35;
  return 0;
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
    const doubt = continues ? 0 : openingDoubt(raw, chunk);
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
