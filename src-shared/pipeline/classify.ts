import type { Flag } from '../model/analysis';
import { fittedTitle, type TitleContext } from './decide/title';
import { fittedCaption, type CaptionContext } from './decide/caption';
import type { Decision, Judge } from './decide/model';
import { commit, imageGapOf, makeFlag, previousContent, type PageView, type Piece } from './draft';
import {
  bannerInBlock,
  bodyEndsSentence,
  describesScene,
  isBylineBlock,
  isCaptionText,
  isColumnSponsor,
  isLead,
  isOrganisationList,
  isPlaceName,
  isPromo,
  isSponsorHeading,
  isSponsorList,
  isTitleLike,
  opensReport,
  pinyinMatches,
} from './cues';
import { endsSentence, startsMidSentence } from '../text';
import { compact, isPinyinLine } from './text';

/** Banners, promos and column sponsors are short; longer blocks are not tested for them. */
const FURNITURE_MAX = 80;

/**
 * Gives every block a role. Furniture, bylines and `图为…` captions beside an image gap are
 * recognised by their own form; the short
 * title-like blocks (headline, kicker, subhead, caption) by what surrounds them: a headline opens
 * a lead or a body, a kicker sits right above a headline, a caption follows an image gap, a
 * subhead is a place name leading a report inside a roundup.
 */
export function classify(
  view: PageView,
  judge: Judge<TitleContext> = fittedTitle,
  pair: Judge<CaptionContext> = fittedCaption,
): PageView {
  const pieces = view.pieces.map((piece) => ({ ...piece, role: 'paragraph' as Piece['role'] }));
  const imageGap = imageGapOf(pieces);
  markFurniture(pieces);
  for (const piece of pieces) {
    if (piece.role !== 'paragraph') continue;
    if (isBylineBlock(piece.text)) piece.role = 'byline';
    else if (
      (isCaptionText(piece.text) || (isTitleLike(piece.text) && describesScene(piece.text))) &&
      (piece.gapBefore >= imageGap || piece.gapAfter >= imageGap)
    )
      piece.role = 'caption';
  }
  pieces.forEach((piece, i) => {
    if (piece.role === 'paragraph' && repeatedAsPhotoLine(pieces, i)) piece.role = 'caption';
  });
  const flags: Flag[] = [];
  markTitles(view.raw, pieces, imageGap, { judge, pair }, flags);
  markLeadingCredits(pieces);
  return commit({ ...view, pieces }, [], flags);
}

/** Blocks below a line that a photo-news text reaches when it names the photo (`图为…`). */
const PHOTO_LINE_REACH = 4;
const MIN_PHOTO_LINE = 6;

/**
 * A short line without a sentence end that the text just below repeats as `图为<line>`: the
 * photo's caption, set under it, not a headline (photo news prints both).
 */
function repeatedAsPhotoLine(pieces: readonly Piece[], i: number): boolean {
  const line = compact(pieces[i].text);
  if (line.length < MIN_PHOTO_LINE || pieces[i].text.includes('\n') || endsSentence(line)) return false;
  return pieces.slice(i + 1, i + 1 + PHOTO_LINE_REACH).some((below) => compact(below.text).includes(`图为${line}`));
}

/** A credit before any article belongs to one on an earlier page: kept aside, not lost. */
function markLeadingCredits(pieces: Piece[]): void {
  for (const piece of pieces) {
    if (piece.role === 'byline') setFurniture(piece, 'other');
    else if (piece.role !== 'furniture') return;
  }
}

function setFurniture(piece: Piece, kind: NonNullable<Piece['furniture']>, section?: string): void {
  piece.role = 'furniture';
  piece.furniture = kind;
  if (section) piece.section = section;
}

function markFurniture(pieces: Piece[]): void {
  pieces.forEach((piece, i) => {
    const text = piece.text;
    if (isSponsorHeading(text) || isSponsorList(text)) {
      setFurniture(piece, 'sponsors');
      for (let j = i - 1; j >= 0 && isSponsorEntry(pieces[j]); j--) setFurniture(pieces[j], 'sponsors');
      for (let j = i + 1; j < pieces.length && isSponsorEntry(pieces[j]); j++) setFurniture(pieces[j], 'sponsors');
      return;
    }
    if (piece.role === 'furniture' || text.length > FURNITURE_MAX) return;
    const banner = bannerInBlock(text);
    if (banner) return setFurniture(piece, 'banner', banner);
    if (isPinyinLine(text)) {
      const partner = [pieces[i - 1], pieces[i + 1]].find(
        (other) => other && other.role !== 'furniture' && pinyinMatches(other.text, text),
      );
      if (partner) {
        setFurniture(partner, 'banner', compact(partner.text));
        return setFurniture(piece, 'banner');
      }
    }
    if (isColumnSponsor(text)) return setFurniture(piece, 'column-sponsor');
    if (isPromo(text)) return setFurniture(piece, 'promo');
  });
  // A banner's artwork read as a character or two on a line of its own (`一` over `学会之窗`).
  pieces.forEach((piece, i) => {
    const besideBanner = [pieces[i - 1], pieces[i + 1]].some((other) => other?.furniture === 'banner');
    if (piece.role !== 'furniture' && besideBanner && compact(piece.text).length <= BANNER_DEBRIS_MAX)
      setFurniture(piece, 'banner');
  });
}

/** Characters a banner's artwork comes out as, at most, when the engine reads it as text. */
const BANNER_DEBRIS_MAX = 2;

function isSponsorEntry(piece: Piece): boolean {
  return piece.role !== 'furniture' && isOrganisationList(piece.text);
}

/**
 * Title-like blocks still unassigned, resolved left to right with a look ahead of two blocks:
 * pairs of title lines and a photo's title by their layout, any other lone line by the scored
 * title decision.
 */
function markTitles(
  raw: string,
  pieces: Piece[],
  imageGap: number,
  { judge, pair }: { judge: Judge<TitleContext>; pair: Judge<CaptionContext> },
  flags: Flag[],
): void {
  const candidate = (piece: Piece | undefined) => !!piece && piece.role === 'paragraph' && isTitleLike(piece.text);
  const nextIndex = (from: number, skipCredits = false) => {
    let j = from + 1;
    while (j < pieces.length && (pieces[j].role === 'furniture' || (skipCredits && pieces[j].role === 'byline'))) j++;
    return j;
  };
  let roundup = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.furniture === 'banner') roundup = false;
    if (!candidate(piece)) continue;
    const j = nextIndex(i);
    const next = pieces[j];
    const previous = previousContent(pieces, i);
    if (!next) continue;

    // A credit printed under the headline (`本报记者 张明`) does not separate it from its lead.
    const leadAt = nextIndex(i, true);
    const leadBelow = isLead(next.text) || (next.role === 'byline' && !!pieces[leadAt] && isLead(pieces[leadAt].text));
    // Above a lead, a title-like line is a headline on the decision's evidence; elsewhere the
    // layout may say what it is first.
    if (!leadBelow) {
      // The rest of a caption a break cut (`图为小学生在气象观测场` / `内观测气象仪器`).
      if (previous?.role === 'caption' && !bodyEndsSentence(previous.text) && piece.gapBefore < imageGap) {
        piece.role = 'caption';
        continue;
      }
      if (candidate(next)) {
        const k = nextIndex(j);
        const after = pieces[k];
        if (next.gapBefore >= imageGap && after && !candidate(after)) {
          piece.role = 'headline';
          next.role = 'caption';
          roundup = false;
          i = j;
          continue;
        }
        if (
          after &&
          !isLead(after.text) &&
          !candidate(after) &&
          isPlaceName(next.text) &&
          compact(next.text).length < compact(piece.text).length
        ) {
          piece.role = 'headline';
          next.role = 'subhead';
          roundup = true;
          i = j;
          continue;
        }
        if (after && after.role !== 'furniture') {
          if (pair({ pieces, first: i, second: j, after: k, imageGap }).verdict === 'apply') {
            piece.role = 'headline';
            next.role = 'caption';
            roundup = false;
            i = j;
            continue;
          }
          piece.role = 'kicker';
          next.role = 'headline';
          const body = pieces[nextIndex(k)];
          // Three title lines over a body: below the kicker, either the photo's caption (after an
          // image gap, or as the pair decision reads the last two lines) or the second line of a
          // headline set on two lines.
          if (candidate(after) && body && !candidate(body)) {
            const caption =
              after.gapBefore >= imageGap ||
              pair({ pieces, first: j, second: k, after: nextIndex(k), imageGap }).verdict === 'apply';
            after.role = caption ? 'caption' : 'headline';
          }
          roundup = false;
          i = after.role === 'paragraph' ? j : k;
          continue;
        }
      }
      // A photo's title: an image below it (not above only: that is a caption), then its caption
      // or text. Even after a report that broke off: a cut paragraph's tail does not stand over
      // an image. Between two images, a line inside a paragraph a break cut is that photo's caption.
      const imageBelow =
        piece.gapAfter >= imageGap &&
        (next.role === 'caption' || (next.role === 'paragraph' && !startsMidSentence(next.text)));
      const imageAbove = piece.gapBefore >= imageGap && !!previous;
      const inCut = previous?.role === 'paragraph' && !bodyEndsSentence(previous.text);
      if (imageBelow && (!imageAbove || !inCut) && !isPlaceName(piece.text)) {
        piece.role = 'headline';
        roundup = false;
        continue;
      }
      // A place name opening the next report of a roundup, even after a report that broke off: a
      // cut that left just a name would continue mid-sentence. A photo's title is over an image gap.
      if (
        roundup &&
        next.role === 'paragraph' &&
        isPlaceName(piece.text) &&
        piece.gapAfter < imageGap &&
        !startsMidSentence(next.text)
      ) {
        piece.role = 'subhead';
        continue;
      }
    }
    const decision = judge({ pieces, at: i, next: j, lead: leadAt, imageGap });
    if (decision.verdict === 'apply') {
      piece.role = 'headline';
      // A place name over a report (`旌阳区` / `近日，…`) is how a roundup whose headline was read
      // elsewhere (between the columns of the article before) opens: the place names after it
      // lead its other reports.
      roundup = isPlaceName(piece.text) && next?.role === 'paragraph' && opensReport(next.text);
    } else if (decision.verdict === 'propose') {
      flags.push(possibleHeadline(raw, piece, decision));
    }
  }
}

function possibleHeadline(raw: string, piece: Piece, decision: Decision): Flag {
  return makeFlag(raw, {
    kind: 'low-confidence-split',
    rule: 'decide.title',
    start: piece.start,
    end: piece.end,
    message: `Possibly a headline (${decision.reasons.join(' ')}); left as text.`,
    confidence: decision.p,
  });
}
