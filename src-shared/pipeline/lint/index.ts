import type { Chunk, Edit, Flag } from '../../model/analysis';
import { findDoubled } from './doubled';
import { bodyChunks, toCharFix, toFlag, type Finding } from './findings';
import { findLatin } from './latin';
import { findLostText } from './lost';
import { findMisreads, findNameVariants } from './names';

export { lintCorpus, type CorpusPage } from './corpus';

/**
 * The lint stage: OCR character suspects and lost text in the page's prose. Offsets are raw
 * (UTF-16). Near-certain character fixes come back as applied `char-fix` edits; every other doubt is
 * an open flag with a suggestion where one is clear.
 */
export function lintPage(raw: string, chunks: Chunk[]): { flags: Flag[]; edits: Edit[] } {
  const body = bodyChunks(chunks);
  const findings: Finding[] = [];
  for (const chunk of body) {
    findDoubled(raw, chunk, findings);
    findMisreads(raw, chunk, findings);
  }
  findLatin(raw, body, findings);
  findNameVariants(raw, body, findings);
  findLostText(raw, chunks, findings);

  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  const flags: Flag[] = [];
  const edits: Edit[] = [];
  for (const finding of findings) {
    if (finding.certain) edits.push(toCharFix(raw, finding));
    else flags.push(toFlag(raw, finding));
  }
  return { flags, edits };
}
