import { describe, expect, it } from 'vitest';
import type { Boundary, Chunk, ChunkRole, Edit, EditOp, PageAnalysis } from '../../src-shared/model/analysis';
import { materialize } from '../../src-shared/model/materialize';
import { liveChunks } from '../../src-shared/pipeline';

/**
 * Large pages (issue 18: 14,900 short articles) must cost time in proportion to their size. Work is
 * counted, not timed: every property read on the analysis' chunks and edits goes through a
 * counting proxy, so a scan of all edits for every chunk shows up as reads growing with n², whatever
 * the machine. Sorting is allowed: 4× the articles may cost at most 5× the reads (n² gives 16×).
 */
const GROWTH = 4;
const MAX_RATIO = 5;

let reads = 0;
function counted<T extends object>(value: T): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      reads++;
      return Reflect.get(target, key, receiver);
    },
  });
}

const ARTICLE = [
  ['headline', '标题'],
  ['paragraph', '正文第一段,被分栏'],
  ['paragraph', '切断了。'],
  ['paragraph', '重复的一段。'],
  ['byline', '(本报记者 王五)'],
] as const satisfies readonly (readonly [ChunkRole, string])[];

/** `articles` short articles, each with the edits the pipeline makes: a join, a duplicate removed, a move, a role fix, a title set. */
function largePage(articles: number): { raw: string; analysis: PageAnalysis } {
  const lines: string[] = [];
  const chunks: Chunk[] = [];
  const boundaries: Boundary[] = [];
  const edits: Edit[] = [];
  let at = 0;
  const edit = (start: number, end: number, op: EditOp): Edit => ({
    id: `e${edits.length}`,
    kind: 'join',
    rule: 'test.rule',
    start,
    end,
    before: '',
    after: '',
    reason: 'test',
    confidence: 1,
    status: 'applied',
    origin: 'auto',
    op,
  });
  for (let i = 0; i < articles; i++) {
    const [headline, first, second, copy, byline] = ARTICLE.map(([role, text]) => {
      const chunk: Chunk = { id: `c${at}`, start: at, end: at + text.length, role };
      lines.push(text);
      chunks.push(chunk);
      at = chunk.end + 2;
      return chunk;
    });
    boundaries.push({
      id: `b${headline.start}`,
      chunk: headline.id,
      confidence: 0.9,
      reason: 'headline',
      status: 'proposed',
      origin: 'auto',
    });
    edits.push(
      edit(first.end, second.start, { type: 'join', chunk: second.id, onto: first.id }),
      edit(copy.start, copy.end, { type: 'replace' }),
      edit(byline.start, byline.end, { type: 'move', chunk: byline.id, after: first.id }),
      edit(second.start, second.end, { type: 'role', chunk: second.id, role: 'paragraph' }),
      edit(headline.start, headline.end, {
        type: 'set-field',
        article: `b${headline.start}`,
        field: 'title',
        value: `标题${i}`,
      }),
    );
  }
  return {
    raw: lines.join('\n\n'),
    analysis: { pipelineVersion: 1, chunks: chunks.map(counted), boundaries, edits: edits.map(counted), flags: [] },
  };
}

function readsFor(articles: number, run: (raw: string, analysis: PageAnalysis) => unknown): number {
  const { raw, analysis } = largePage(articles);
  reads = 0;
  run(raw, analysis);
  return reads;
}

describe('work on large pages', () => {
  it('should build the page in which the edits take effect', () => {
    const { raw, analysis } = largePage(3);
    const page = materialize(raw, analysis);
    expect(page.articles.map((article) => article.title)).toEqual(['标题0', '标题1', '标题2']);
    expect(page.articles[0].blocks.map((block) => block.text)).toEqual(['正文第一段,被分栏切断了。']);
    expect(liveChunks(raw, analysis).map((chunk) => raw.slice(chunk.start, chunk.end))).not.toContain('重复的一段。');
  });

  it.each([
    ['materialize', materialize],
    ['liveChunks', liveChunks],
  ] as const)('should keep %s near-linear in the number of chunks and edits', (_, run) => {
    const small = readsFor(500, run);
    const large = readsFor(500 * GROWTH, run);
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThanOrEqual(MAX_RATIO);
  });
});
