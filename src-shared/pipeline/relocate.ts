import { isHanCode, placeNameCandidates } from '../text';
import { opensArticle, type Piece } from './draft';
import { compact } from './text';

export interface Home {
  /**
   * The article's own paragraphs (stranded ones left out), in raw order: in a roundup, those of
   * the report whose subhead the fragment names, when it names one.
   */
  paragraphs: Piece[];
  /** Whether the article prints a credit anywhere. */
  credited: boolean;
  /** Whether its title, and no other article's, names a place the fragment names. */
  named: boolean;
  /** Its topic match, discounted by distance (what picks it among the page's articles)... */
  score: number;
  /** ...the match itself, and the match with the article it was printed in. */
  match: number;
  own: number;
}

/** Articles other than `own` whose titles name a place the fragment names (none if `own`'s does). */
function titledArticles(byName: ReadonlyMap<string, readonly number[]>, fragment: Piece, own: number): number[] {
  const titled = new Set<number>();
  for (const name of placeNames(fragment.text)) for (const index of byName.get(name) ?? []) titled.add(index);
  return titled.has(own) ? [] : [...titled];
}

/** The articles each place is named in the title of. */
function titleIndex(articles: readonly ArticleSpan[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  articles.forEach((article, i) => {
    for (const name of new Set(placeNames(article.title))) index.set(name, [...(index.get(name) ?? []), i]);
  });
  return index;
}

/** A paragraph inside an article must match the one it strayed from this many times better. */
const STRAYED_MARGIN = 4;

/**
 * Finds paragraphs printed inside the body of the wrong article, where neither a byline nor a
 * break marks them: one that names a place only another article's title names (`近年来,南部县科协…`
 * in the 科技馆 report, beside `南部县科协 搭建…`) and whose wording matches that article four
 * times better than its own. Both are needed: reports mention other places, and wording alone
 * misleads on short articles. The title check is an index lookup, so only candidates that pass
 * it pay for a topic match (`findHome`, built over the same blocks, leaves their own words out
 * of their article's).
 */
export function strayFinder(
  pieces: readonly Piece[],
  misplaced: ReadonlySet<Piece>,
  findHome: (fragment: Piece) => Home | null,
): (paragraph: Piece) => Home | null {
  const articles = articleSpans(pieces, misplaced, false);
  const byName = titleIndex(articles);
  const articleOf = new Map<Piece, number>();
  articles.forEach((article, i) => article.pieces.forEach((piece) => articleOf.set(piece, i)));
  return (paragraph) => {
    const own = articleOf.get(paragraph);
    if (own === undefined || titledArticles(byName, paragraph, own).length !== 1) return null;
    const home = findHome(paragraph);
    return home && home.named && matchesElsewhere(home, STRAYED_MARGIN) ? home : null;
  };
}

/** One report of a roundup: the paragraphs under its place subhead (the unnamed one before any). */
export interface Report {
  name: string;
  paragraphs: Piece[];
}

/**
 * The paragraphs of the one report of a roundup whose subhead the fragment names
 * (`昭化区科协相关负责人表示…` under `昭化区科协`); null when it names none, or several.
 */
export function reportNamedBy(reports: readonly Report[], fragment: Piece): Piece[] | null {
  const text = compact(fragment.text);
  const named = reports.filter((report) => report.name && report.paragraphs.length && text.includes(report.name));
  return named.length === 1 ? named[0].paragraphs : null;
}

/** One article as printed: its blocks in raw order and its two-character word counts. */
interface ArticleSpan {
  pieces: Piece[];
  /** Two-character words, as small integer keys (see hanBigrams), counted. */
  words: Map<number, number>;
  /** Its headline and kicker, whitespace removed. */
  title: string;
}

const TITLE_NAME_WEIGHT = 2;

/** A topic match below this is noise (a sentence of boilerplate matches everything a little)... */
const MIN_MOVE_MATCH = 0.04;
/** ...and the other article must match this many times better than the one it was printed in. */
const MOVE_MARGIN = 2;

/**
 * The fragment reads as part of `home` rather than of the article it was printed in. The distance
 * discount chose `home`; by default the comparison with its own article is on the plain match,
 * since text a break carried three articles away is no less foreign where it landed. Where the
 * fragment's place is no evidence at all, the discounted score is compared instead.
 */
export function matchesElsewhere(home: Home, margin = MOVE_MARGIN, measure: 'match' | 'score' = 'match'): boolean {
  return home[measure] >= MIN_MOVE_MATCH && home[measure] >= home.own * margin;
}

/**
 * A break moves text a short way, mostly into a neighbouring article, but not only: the discount
 * by distance is its square root, so a clearly better match two or three articles away still wins
 * (a plain 1/distance sent half of such fragments to the wrong neighbour on simulated pages).
 */
const nearness = (distance: number) => 1 / Math.sqrt(distance);
/** No page prints this many articles between a fragment and its own: the search stays local on huge pages. */
const MAX_HOME_DISTANCE = 16;

type Vector = Map<number, number>;

/**
 * Finds, for a block that may be out of place, the article whose topic it matches best: the
 * cosine of TF-IDF vectors over two-character words (so `科协`, `本报`, printed in every article,
 * count for little), discounted by how many articles away it stands (see `nearness`). A place named in the fragment and in exactly one article's title (`夹江县科协相关负责人
 * 表示` under `夹江县科协 授牌…`) doubles that article's score: a report names its subject. Word
 * counts are taken once per page; `stranded` blocks (known to be out of place) are left out of their
 * article's words, and any other block's own words are subtracted from its article's when it is
 * compared with it, so a fragment is never matched against itself.
 */
export function homeFinder(pieces: readonly Piece[], stranded: ReadonlySet<Piece>): (fragment: Piece) => Home | null {
  const articles = articleSpans(pieces, stranded);
  // Each word's document count, then in place its inverse document frequency.
  const idfs = new Map<number, number>();
  for (const article of articles) for (const word of article.words.keys()) idfs.set(word, (idfs.get(word) ?? 0) + 1);
  for (const [word, seen] of idfs) idfs.set(word, 1 + Math.log((articles.length + 1) / (seen + 1)));
  const unseen = 1 + Math.log(articles.length + 1);
  const weight = (word: number, count: number) => (count > 0 ? (1 + Math.log(count)) * (idfs.get(word) ?? unseen) : 0);
  // An article's weights are read from its counts as a fragment's words ask for them, and its norm
  // is summed once when first compared: most fragments look at a few neighbours, not every article.
  const norms: number[] = [];
  const normOf = (index: number) => {
    if (norms[index] === undefined) {
      let sum = 0;
      for (const [word, count] of articles[index].words) sum += weight(word, count) ** 2;
      norms[index] = Math.sqrt(sum);
    }
    return norms[index];
  };
  const articleOf = new Map<Piece, number>();
  articles.forEach((article, i) => article.pieces.forEach((piece) => articleOf.set(piece, i)));
  const byName = titleIndex(articles);
  // Each article's insertion points and credit, found once: an article runs to a thousand blocks
  // on a page of many short articles, and every fragment weighs up to 32 of them.
  const homes: ({ reports: Report[]; paragraphs: Piece[]; credited: boolean } | undefined)[] = [];
  const homeOf = (index: number) => {
    if (!homes[index]) {
      const reports: Report[] = [{ name: '', paragraphs: [] }];
      const paragraphs: Piece[] = [];
      for (const piece of articles[index].pieces) {
        if (piece.role === 'subhead') reports.push({ name: compact(piece.text), paragraphs: [] });
        if (piece.role !== 'paragraph' || stranded.has(piece)) continue;
        reports[reports.length - 1].paragraphs.push(piece);
        paragraphs.push(piece);
      }
      homes[index] = { reports, paragraphs, credited: articles[index].pieces.some((piece) => piece.role === 'byline') };
    }
    return homes[index];
  };
  return (fragment) => {
    const own = articleOf.get(fragment);
    const words = hanBigrams(fragment.text);
    if (own === undefined || words.size === 0) return null;
    const mine = weighted(words, weight);
    const mineNorm = norm(mine);
    const similarity = (index: number) => {
      const articleNorm = normOf(index);
      if (!mineNorm || !articleNorm) return 0;
      const counts = articles[index].words;
      let product = 0;
      for (const [word, x] of mine) product += x * weight(word, counts.get(word) ?? 0);
      return product / (mineNorm * articleNorm);
    };
    const titled = titledArticles(byName, fragment, own);
    // A cosine is at most 1, so no article `distance` away can score above ceiling × nearness:
    // searching outwards from `own` stops there, and a page of many articles costs each fragment
    // its neighbourhood, not the whole page. The best is the highest score, the first article on ties.
    const ceiling = (titled.length === 1 ? TITLE_NAME_WEIGHT : 1) * (1 + 1e-9);
    let best: Home | null = null;
    let bestIndex = -1;
    const reach = Math.min(articles.length, MAX_HOME_DISTANCE + 1);
    for (let distance = 1; distance < reach && !(best && ceiling * nearness(distance) < best.score); distance++) {
      for (const index of [own - distance, own + distance]) {
        if (index < 0 || index >= articles.length) continue;
        const named = titled.length === 1 && titled[0] === index;
        const match = (named ? TITLE_NAME_WEIGHT : 1) * similarity(index);
        const score = match * nearness(distance);
        if (best && (score < best.score || (score === best.score && index > bestIndex))) continue;
        const { reports, paragraphs, credited } = homeOf(index);
        if (!paragraphs.length) continue;
        best = { paragraphs: reportNamedBy(reports, fragment) ?? paragraphs, credited, named, score, match, own: 0 };
        bestIndex = index;
      }
    }
    if (best) best.own = stranded.has(fragment) ? similarity(own) : similarityWithout(own);
    return best;

    /** The match with its own article with its own words taken out of that article's. */
    function similarityWithout(index: number): number {
      const counts = articles[index].words;
      let normSquared = normOf(index) ** 2;
      let product = 0;
      for (const [word, count] of words) {
        const before = weight(word, counts.get(word) ?? 0);
        const after = weight(word, (counts.get(word) ?? 0) - count);
        normSquared += after * after - before * before;
        product += (mine.get(word) ?? 0) * after;
      }
      return mineNorm && normSquared > 1e-12 ? product / (mineNorm * Math.sqrt(normSquared)) : 0;
    }
  };
}

/** The page's articles as the view counts them (`Piece.article`), furniture left out. */
function articleSpans(pieces: readonly Piece[], stranded: ReadonlySet<Piece>, counting = true): ArticleSpan[] {
  const articles: ArticleSpan[] = [];
  for (const piece of pieces) {
    if (piece.article === undefined) continue;
    const current = (articles[piece.article] ??= { pieces: [], words: new Map(), title: '' });
    current.pieces.push(piece);
    if (opensArticle(piece)) current.title += compact(piece.text);
    if (!counting || piece.role === 'byline' || stranded.has(piece)) continue;
    for (const [word, count] of hanBigrams(piece.text)) current.words.set(word, (current.words.get(word) ?? 0) + count);
  }
  return articles;
}

/** `夹江县`, `峨眉山市`: two or three characters before an administrative suffix. */
function placeNames(text: string): string[] {
  return placeNameCandidates(compact(text));
}

function weighted(words: ReadonlyMap<number, number>, weight: (word: number, count: number) => number): Vector {
  const result: Vector = new Map();
  for (const [word, count] of words) result.set(word, weight(word, count));
  return result;
}

function norm(vector: Vector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

/**
 * Two-character words of a text, counted. Several finders are built per page over the same
 * blocks (the join's, the displaced stage's), so the counts are kept per text.
 */
const bigramCache = new Map<string, ReadonlyMap<number, number>>();
const BIGRAM_CACHE_LIMIT = 4096;
/** Bigram keys stay small integers (fast map keys): codes counted from the first CJK block. */
const HAN_FIRST = 0x3400;
const HAN_SPAN = 0xa000 - HAN_FIRST;

function hanBigrams(text: string): ReadonlyMap<number, number> {
  const cached = bigramCache.get(text);
  if (cached) return cached;
  const words = new Map<number, number>();
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0x09) continue;
    if (isHanCode(previous) && isHanCode(code)) {
      const word = (previous - HAN_FIRST) * HAN_SPAN + (code - HAN_FIRST);
      words.set(word, (words.get(word) ?? 0) + 1);
    }
    previous = code;
  }
  if (bigramCache.size >= BIGRAM_CACHE_LIMIT) bigramCache.clear();
  bigramCache.set(text, words);
  return words;
}

/**
 * A report's last paragraph is often its close: a spokesperson's or participants' remarks
 * (`…负责人表示,`, `学员们纷纷表示,`), next steps (`下一步`, `今后`), the tally (`据统计`, `…期间,共开展…6场`), the
 * outcome (`通过此次…`). A paragraph lifted out of the middle belongs before such a close.
 */
export function readsAsClosing(text: string): boolean {
  const flat = compact(text);
  const firstClause = flat.split(/[,，。；;：:]/, 1)[0];
  const firstSentence = flat.split(/[。！？]/, 1)[0];
  return (
    /^(?:下一步|今后|接下来|据统计|通过此次|通过本次|通过这次|此次活动|本次活动|活动结束后|最后)/.test(flat) ||
    /表示$/.test(firstClause) ||
    // The tally of the event: `活动期间,…共开展集中培训6场` (not `累计`, which sums up the past).
    /^[^,，]{0,8}[,，][^。]*?共[^。，,]{0,10}\d/.test(firstSentence)
  );
}

/**
 * Where a fragment goes back into an article: before the article's closing paragraphs when it
 * ends with some (participants' remarks, then the official's, then next steps: a report may close
 * with several) and the fragment is not itself a close, else after the last paragraph. Returns the
 * block to insert after. A paragraph a break cut is several blocks, each joined onto the one
 * before: it is read from its first block (where a close says `…表示,`), and nothing goes inside it.
 */
export function insertionPoint(paragraphs: readonly Piece[], fragment: Piece): Piece | null {
  const last = paragraphs.length - 1;
  if (last < 0) return null;
  const firstBlockOf = (end: number) => {
    let first = end;
    while (first > 0 && paragraphs[first].joinedOnto === paragraphs[first - 1].id) first--;
    return first;
  };
  if (readsAsClosing(fragment.text)) return paragraphs[last];
  let after = last;
  for (let first = firstBlockOf(last); first > 0 && readsAsClosing(paragraphs[first].text);) {
    after = first - 1;
    first = firstBlockOf(after);
  }
  return paragraphs[after];
}
