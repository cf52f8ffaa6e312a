import type { Edit, Flag } from '../../../src-shared/model/analysis';
import { spansOverlap } from '../../../src-shared/model/span';
import { lintCorpus, lintPage } from '../../../src-shared/pipeline/lint';
import type { AnnotatedPage, GoldError } from './annotated';
import { roughChunks } from './chunks';

/** Findings that claim a character error: ocr-* and name-variant flags, and applied char fixes. */
type CharClaim = (Flag | Edit) & { page: string };

export interface LintScore {
  errors: number;
  covered: number;
  claims: number;
  realClaims: number;
  recall: number;
  precision: number;
  missed: (GoldError & { page: string })[];
  falseClaims: CharClaim[];
}

function claimsCharError(finding: Flag | Edit): boolean {
  if ('op' in finding) return finding.kind === 'char-fix';
  return finding.kind.startsWith('ocr-') || finding.kind === 'name-variant';
}

/** Runs page and corpus lint over annotated pages and scores them against their gold errors. */
export function evaluateLint(pages: readonly AnnotatedPage[]): LintScore {
  const inputs = pages.map((page) => ({ id: page.id, raw: page.raw, chunks: roughChunks(page.raw) }));
  const corpus = lintCorpus(inputs);
  const claims: CharClaim[] = [];
  const all: (Flag | Edit)[][] = [];
  inputs.forEach((input) => {
    const { flags, edits } = lintPage(input.raw, input.chunks);
    const found = [...flags, ...edits, ...(corpus.get(input.id) ?? [])];
    all.push(found);
    for (const finding of found) if (claimsCharError(finding)) claims.push({ ...finding, page: input.id });
  });

  const missed: LintScore['missed'] = [];
  let errors = 0;
  pages.forEach((page, p) => {
    for (const error of page.gold) {
      errors++;
      if (!all[p].some((finding) => spansOverlap(finding, error))) missed.push({ ...error, page: page.id });
    }
  });
  const goldOf = new Map(pages.map((page) => [page.id, page.gold]));
  const falseClaims = claims.filter(
    (claim) => !(goldOf.get(claim.page) ?? []).some((error) => spansOverlap(claim, error)),
  );
  const covered = errors - missed.length;
  const realClaims = claims.length - falseClaims.length;
  return {
    errors,
    covered,
    claims: claims.length,
    realClaims,
    recall: errors ? covered / errors : 1,
    precision: claims.length ? realClaims / claims.length : 1,
    missed,
    falseClaims,
  };
}
