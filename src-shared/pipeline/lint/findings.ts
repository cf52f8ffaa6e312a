import type { Chunk, ChunkRole, Edit, Flag, FlagKind } from '../../model/analysis';

/** Roles whose text is the article's own prose; furniture and bylines are never linted. */
const BODY_ROLES: ReadonlySet<ChunkRole> = new Set(['paragraph', 'subhead', 'headline', 'caption', 'kicker']);

export function bodyChunks(chunks: readonly Chunk[]): Chunk[] {
  return chunks.filter((chunk) => BODY_ROLES.has(chunk.role)).sort((a, b) => a.start - b.start);
}

/** CJK unified ideographs (BMP and extension A), tested on a UTF-16 code unit. */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

export interface Finding {
  kind: FlagKind;
  rule: string;
  start: number;
  end: number;
  message: string;
  suggestion: string | null;
  confidence: number;
  /** Near certain: the pipeline applies the suggestion as a `char-fix` edit instead of asking. */
  certain?: boolean;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function toFlag(raw: string, finding: Finding): Flag {
  return {
    id: `f-${finding.rule}-${finding.start}`,
    kind: finding.kind,
    rule: finding.rule,
    start: finding.start,
    end: finding.end,
    text: raw.slice(finding.start, finding.end),
    message: finding.message,
    suggestion: finding.suggestion,
    confidence: round(finding.confidence),
    status: 'open',
  };
}

export function toCharFix(raw: string, finding: Finding): Edit {
  return {
    id: `e-${finding.rule}-${finding.start}`,
    kind: 'char-fix',
    rule: finding.rule,
    start: finding.start,
    end: finding.end,
    before: raw.slice(finding.start, finding.end),
    after: finding.suggestion ?? '',
    reason: finding.message,
    confidence: round(finding.confidence),
    status: 'applied',
    origin: 'auto',
    op: { type: 'replace' },
  };
}
