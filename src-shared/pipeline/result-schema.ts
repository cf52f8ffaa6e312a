import { z } from 'zod';
import { EDIT_KINDS, EDIT_STATUSES, FLAG_KINDS, FURNITURE_KINDS, SPLIT_STATUSES } from '../model/analysis';

/**
 * The CLI's JSON contract (issue 3) as a zod schema: the one definition of `PageResult`, from
 * which `page-result.schema.json` is generated (test/pipeline/schema.test.ts keeps the file in
 * step; `UPDATE=1` rewrites it) and against which the tests validate real CLI output.
 */
const span = { start: z.number().int().min(0), end: z.number().int().min(0) };
const confidence = z.number().min(0).max(1);

export const pageResultSchema = z
  .object({
    source: z.string().describe('The input file name.'),
    articles: z.array(
      z
        .object({
          id: z.string().describe('The id of the boundary that opens the article, or "page-start".'),
          section: z.string().nullable(),
          kicker: z.string().nullable(),
          title: z.string(),
          byline: z.string().nullable().describe('Without the parentheses.'),
          captions: z.array(z.string()),
          blocks: z.array(z.object({ type: z.enum(['paragraph', 'subhead']), text: z.string() }).strict()),
          split: z.object({ status: z.enum(SPLIT_STATUSES), confidence }).strict(),
          spans: z.array(z.object(span).strict()).describe('Raw ranges the article came from, merged, in raw order.'),
        })
        .strict(),
    ),
    furniture: z.array(
      z
        .object({
          kind: z.enum(FURNITURE_KINDS),
          text: z.string(),
          ...span,
        })
        .strict(),
    ),
    edits: z.array(
      z
        .object({
          id: z.string(),
          kind: z.enum(EDIT_KINDS),
          rule: z.string().describe('Dotted rule id, e.g. join.column-break.'),
          status: z.enum(EDIT_STATUSES),
          ...span,
          before: z.string().describe('Raw text of [start, end).'),
          after: z.string(),
          reason: z.string(),
          confidence,
        })
        .strict(),
    ),
    flags: z.array(
      z
        .object({
          id: z.string(),
          kind: z.enum(FLAG_KINDS).describe('Character-level suspicions start with "ocr-".'),
          rule: z.string(),
          ...span,
          text: z.string(),
          message: z.string(),
          suggestion: z.string().nullable(),
          confidence,
        })
        .strict(),
    ),
  })
  .strict()
  .describe(
    'One cleaned page as printed by `galley clean --format json`. Offsets are UTF-16 code units into the decoded text of the file.',
  );

export function pageResultJsonSchema(): object {
  return {
    $id: 'https://galley.invalid/page-result.schema.json',
    title: 'Galley page result',
    ...z.toJSONSchema(pageResultSchema),
  };
}
