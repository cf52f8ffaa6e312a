import type { Chunk, Edit, Flag } from '../../model/analysis';
import { spansOverlap } from '../../model/span';
import { findConfusedCharacters } from './confusable';
import { findDoubled } from './doubled';
import { bodyChunks, toCharFix, toFlag, withoutLayoutSpaces, type Finding } from './findings';
import { findLatin } from './latin';
import { findLostText } from './lost';
import { findMisreads, findNameVariants } from './names';
import { findPersonVariants } from './people';

export {
  corpusDigest,
  corpusFindingFlags,
  corpusFindings,
  lintCorpus,
  type CorpusDigest,
  type CorpusPage,
} from './corpus';
export type { Finding } from './findings';

/**
 * The lint stage: OCR character suspects and lost text in the page's prose. Offsets are raw
 * (UTF-16). Near-certain character fixes come back as applied `char-fix` edits; every other doubt is
 * an open flag with a suggestion where one is clear.
 */
export function lintPage(raw: string, chunks: Chunk[]): { flags: Flag[]; edits: Edit[] } {
  const body = bodyChunks(chunks);
  const findings: Finding[] = [];
  const confused: Finding[] = [];
  for (const chunk of body) {
    const { text, span, toRaw } = withoutLayoutSpaces(raw, chunk);
    const inChunk: Finding[] = [];
    findDoubled(text, span, inChunk);
    findMisreads(text, span, inChunk);
    const confusedInChunk: Finding[] = [];
    findConfusedCharacters(text, span, confusedInChunk);
    for (const finding of inChunk) findings.push(toRaw(finding));
    for (const finding of confusedInChunk) confused.push(toRaw(finding));
  }
  findLatin(raw, body, findings);
  findNameVariants(raw, body, findings);
  findPersonVariants(raw, body, findings);
  findLostText(raw, chunks, findings);
  // A known misread or a name spelled two ways on the page says more than one word's odds.
  const lookalikes = findings.filter((finding) => finding.kind === 'ocr-lookalike');
  findings.push(...confused.filter((finding) => !lookalikes.some((known) => spansOverlap(known, finding))));

  // Two detectors may report the same rule at the same place (a misread inside a name variant):
  // ids must stay unique, so the more confident report wins.
  findings.sort((a, b) => a.start - b.start || b.confidence - a.confidence);
  const seen = new Set<string>();
  const flags: Flag[] = [];
  const edits: Edit[] = [];
  for (const finding of findings) {
    const key = `${finding.rule}@${finding.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (finding.certain) edits.push(toCharFix(raw, finding));
    else flags.push(toFlag(raw, finding));
  }
  return { flags, edits };
}
