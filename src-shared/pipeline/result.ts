import type { EditKind, EditStatus, FlagKind, FurnitureKind, PageAnalysis, SplitStatus } from '../model/analysis';
import type { BlockType } from '../model/clean';
import { materialize } from '../model/materialize';
import type { Span } from '../model/span';

/**
 * The CLI's JSON for one page (issue 3; schema in `page-result.schema.json`). Derived from raw +
 * analysis through `materialize`, like every other view of the page. Edits and flags also carry
 * their `id`, `rule` and `status`, so a reader can tell an applied change from a proposal.
 */
export interface PageResult {
  source: string;
  articles: ResultArticle[];
  furniture: { kind: FurnitureKind; text: string; start: number; end: number }[];
  edits: ResultEdit[];
  flags: ResultFlag[];
}

export interface ResultArticle {
  id: string;
  section: string | null;
  kicker: string | null;
  title: string;
  byline: string | null;
  captions: string[];
  blocks: { type: BlockType; text: string }[];
  split: { status: SplitStatus; confidence: number };
  spans: Span[];
}

export interface ResultEdit extends Span {
  id: string;
  kind: EditKind;
  rule: string;
  status: EditStatus;
  before: string;
  after: string;
  reason: string;
  confidence: number;
}

export interface ResultFlag extends Span {
  id: string;
  kind: FlagKind;
  rule: string;
  text: string;
  message: string;
  suggestion: string | null;
  confidence: number;
}

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
