import { DOMAIN_WORDS } from './data/domain-words';
import { JIEBA_TOTAL, JIEBA_WORDS } from './data/jieba-words';

/**
 * Chinese words with their probabilities, for evidence about word boundaries: does a word run
 * across a column cut, is a doubled character a word or the edge between two? It is not a
 * segmenter. Backed by jieba's dictionary (two to four characters, trimmed, see
 * scripts/trim-jieba-dict.ts) and a short list of the genre's own words.
 */
export interface Lexicon {
  has(word: string): boolean;
  /** Natural log of the word's probability; `floor` for a word the lexicon does not hold. */
  logProb(word: string): number;
  /** Below every known word's log-probability. */
  readonly floor: number;
  /** Longest word held, so scans around a position stay bounded. */
  readonly longest: number;
  /** The longest word of at least `minLength` starting at `first` and ending before `hi`, or null. */
  wordStartingAt(text: string, first: number, hi: number, minLength: number): string | null;
  /** The longest word of at least `minLength` ending at `last` (inclusive) and starting at `lo` or after, or null. */
  wordEndingAt(text: string, last: number, lo: number, minLength: number): string | null;
  /**
   * The longest word of at least `minLength` made of an end of `left` and a start of `right`, each
   * part at least one character (学习了习 | 近平总书记 → 习近平), or null.
   */
  wordAcross(left: string, right: string, minLength: number): string | null;
  /**
   * Whether the two UTF-16 codes stand side by side in some word: no word can run through a
   * character unless one of its neighbours pairs with it, so scans test this before building words.
   */
  pairsInWord(first: number, second: number): boolean;
}

/** Frequencies are stored as binary orders: a word of level L was seen about 2^(L + 0.5) times. */
const LN2 = Math.log(2);
/** A domain word counts as common: about a thousand times in jieba's corpus. */
const DOMAIN_LEVEL = 10;
/** An unknown word is taken as seen once: rarer than anything kept (the trim keeps five or more). */
const FLOOR_LEVEL = -0.5;

class LevelLexicon implements Lexicon {
  readonly floor: number;
  readonly longest: number;
  private readonly logTotal: number;
  /** First code → the codes that follow it inside a word (small integers hash fast; their product would not). */
  private pairs: Map<number, Set<number>> | undefined;

  constructor(
    private readonly levels: ReadonlyMap<string, number>,
    total: number,
  ) {
    this.logTotal = Math.log(total);
    this.floor = this.fromLevel(FLOOR_LEVEL);
    let longest = 0;
    for (const word of levels.keys()) longest = Math.max(longest, word.length);
    this.longest = longest;
  }

  has(word: string): boolean {
    return this.levels.has(word);
  }

  logProb(word: string): number {
    const level = this.levels.get(word);
    return level === undefined ? this.floor : this.fromLevel(level);
  }

  wordStartingAt(text: string, first: number, hi: number, minLength: number): string | null {
    for (let length = Math.min(this.longest, hi - first); length >= minLength; length--) {
      const word = text.slice(first, first + length);
      if (this.levels.has(word)) return word;
    }
    return null;
  }

  wordEndingAt(text: string, last: number, lo: number, minLength: number): string | null {
    for (let length = Math.min(this.longest, last - lo + 1); length >= minLength; length--) {
      const word = text.slice(last - length + 1, last + 1);
      if (this.levels.has(word)) return word;
    }
    return null;
  }

  wordAcross(left: string, right: string, minLength: number): string | null {
    let best: string | null = null;
    for (let a = Math.min(left.length, this.longest - 1); a >= 1; a--) {
      for (let b = Math.min(right.length, this.longest - a); b >= 1 && a + b > (best?.length ?? minLength - 1); b--) {
        const word = left.slice(-a) + right.slice(0, b);
        if (this.levels.has(word)) best = word;
      }
    }
    return best;
  }

  pairsInWord(first: number, second: number): boolean {
    if (!this.pairs) {
      this.pairs = new Map();
      for (const word of this.levels.keys()) {
        for (let i = 0; i + 1 < word.length; i++) {
          const code = word.charCodeAt(i);
          let next = this.pairs.get(code);
          if (!next) this.pairs.set(code, (next = new Set()));
          next.add(word.charCodeAt(i + 1));
        }
      }
    }
    return this.pairs.get(first)?.has(second) ?? false;
  }

  private fromLevel(level: number): number {
    return (level + 0.5) * LN2 - this.logTotal;
  }
}

/** `level word word …` lines (jieba's), then the domain words at their fixed level. */
function parse(): Lexicon {
  const levels = new Map<string, number>();
  for (const line of JIEBA_WORDS.split('\n')) {
    const words = line.split(' ');
    const level = Number(words[0]);
    for (let i = 1; i < words.length; i++) levels.set(words[i], level);
  }
  for (const word of DOMAIN_WORDS.split(/\s+/)) {
    if (word) levels.set(word, Math.max(levels.get(word) ?? DOMAIN_LEVEL, DOMAIN_LEVEL));
  }
  return new LevelLexicon(levels, JIEBA_TOTAL);
}

let loaded: Lexicon | undefined;

/** The lexicon, parsed on first use and kept for the life of the process (or worker). */
export function lexicon(): Lexicon {
  return (loaded ??= parse());
}
