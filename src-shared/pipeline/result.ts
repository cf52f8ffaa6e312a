import type { z } from 'zod';
import type { PageAnalysis } from '../model/analysis';
import { materialize } from '../model/materialize';
import type { pageResultSchema } from './result-schema';

/**
 * The CLI's JSON for one page (issue 3; the contract is `pageResultSchema`, published as
 * `page-result.schema.json`). Derived from raw + analysis through `materialize`, like every other
 * view of the page. Edits and flags also carry their `id`, `rule` and `status`, so a reader can
 * tell an applied change from a proposal.
 */
export type PageResult = z.infer<typeof pageResultSchema>;
export type ResultArticle = PageResult['articles'][number];
export type ResultEdit = PageResult['edits'][number];
export type ResultFlag = PageResult['flags'][number];

export function toPageResult(source: string, raw: string, analysis: PageAnalysis): PageResult {
  const clean = materialize(raw, analysis);
  return {
    source,
    articles: clean.articles.map((article) => ({
      id: article.id,
      section: article.section,
      kicker: article.kicker,
      title: article.title,
      byline: article.byline,
      captions: article.captions,
      blocks: article.blocks.map((block) => ({ type: block.type, text: block.text })),
      split: { status: article.split.status, confidence: article.split.confidence },
      spans: article.spans,
    })),
    furniture: clean.furniture.map((item) => ({ kind: item.kind, text: item.text, start: item.start, end: item.end })),
    edits: analysis.edits.map((edit) => ({
      id: edit.id,
      kind: edit.kind,
      rule: edit.rule,
      status: edit.status,
      start: edit.start,
      end: edit.end,
      before: edit.before,
      after: edit.after,
      reason: edit.reason,
      confidence: edit.confidence,
    })),
    flags: analysis.flags.map((flag) => ({
      id: flag.id,
      kind: flag.kind,
      rule: flag.rule,
      start: flag.start,
      end: flag.end,
      text: flag.text,
      message: flag.message,
      suggestion: flag.suggestion,
      confidence: flag.confidence,
    })),
  };
}
