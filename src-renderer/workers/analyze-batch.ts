import type { PageAnalysis } from '../../src-shared/model';
import { analyzePage } from '../../src-shared/pipeline';
import { errorText } from '../error-text';

export interface AnalyzeInput {
  id: string;
  raw: string;
}

/** A page the pipeline threw on is reported, not fatal: the rest of its batch is still stored. */
export type AnalyzeOutput = { id: string; analysis: PageAnalysis } | { id: string; error: string };

/** Runs the pipeline over a batch; the same function serves the worker and in-thread callers. */
export function analyzeBatch(pages: readonly AnalyzeInput[]): AnalyzeOutput[] {
  return pages.map(({ id, raw }) => {
    try {
      return { id, analysis: analyzePage(raw) };
    } catch (error) {
      return { id, error: errorText(error) };
    }
  });
}
