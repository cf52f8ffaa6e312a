import type { Chunk, ChunkRole, Edit, Flag, PageAnalysis } from '../../src-shared/model';
import { applyEntry, type HistoryEntry, type ReviewPage } from '../../src-shared/review';

/**
 * A small page with every kind of thing the desk acts on: a banner, two articles (the second
 * with a paragraph broken by a column break and a doubtful split), markup, a byline, an OCR suspect.
 */
const LINES: [string, ChunkRole][] = [
  ['地方科协', 'furniture'],
  ['# 荣经县科协召开年会', 'headline'],
  ['本报讯 近日,荣经县科协召开年会,能能总结工作。', 'paragraph'],
  ['会议要求各级科协', 'paragraph'],
  ['做好科普工作。(张紫艺)', 'paragraph'],
  ['广汉市 开展科普活动', 'headline'],
  ['本报讯 广汉市在荣经县学习经验。', 'paragraph'],
  ['活动吸引群众参与。', 'subhead'],
];

export const RAW = LINES.map(([text]) => text).join('\n') + '\n';

function chunks(): Chunk[] {
  let at = 0;
  return LINES.map(([text, role]) => {
    const chunk: Chunk = { id: `c${at}`, start: at, end: at + text.length, role };
    if (role === 'furniture') Object.assign(chunk, { furniture: 'banner', section: text });
    at += text.length + 1;
    return chunk;
  });
}

export function fixtureAnalysis(): PageAnalysis {
  const cs = chunks();
  const at = (text: string, from = 0) => RAW.indexOf(text, from);
  const doubled = at('能能');
  const suspect = at('荣经县');
  const edits: Edit[] = [
    edit('strip', 'strip-markup', at('# '), at('# ') + 2, '', { type: 'replace' }),
    edit('join', 'join', cs[4].start, cs[4].start, '', { type: 'join', chunk: cs[4].id, onto: cs[3].id }),
    edit('byline', 'extract-byline', at('(张紫艺)'), at('(张紫艺)') + 5, '', {
      type: 'extract',
      field: 'byline',
      value: '张紫艺',
    }),
    { ...edit('fix', 'char-fix', doubled, doubled + 2, '能', { type: 'replace' }), status: 'proposed' },
  ];
  const flags: Flag[] = [
    flag('f-double', 'ocr-doubled-char', doubled, doubled + 2, '能', 0.7),
    flag('f-lookalike', 'ocr-lookalike', suspect, suspect + 1, '荥', 0.6),
    flag('f-split', 'low-confidence-split', cs[5].start, cs[5].end, null, 0.4),
  ];
  return {
    pipelineVersion: 1,
    chunks: cs,
    boundaries: [
      {
        id: 'b1',
        chunk: cs[1].id,
        confidence: 0.95,
        reason: 'headline followed by 本报讯 lead',
        status: 'proposed',
        origin: 'auto',
      },
      { id: 'b2', chunk: cs[5].id, confidence: 0.4, reason: 'short line', status: 'proposed', origin: 'auto' },
    ],
    edits,
    flags,
  };
}

export function fixturePage(pageId = 'p1'): ReviewPage {
  return { pageId, raw: RAW, analysis: fixtureAnalysis() };
}

function edit(id: string, kind: Edit['kind'], start: number, end: number, after: string, op: Edit['op']): Edit {
  return automaticEdit(RAW, id, kind, start, end, after, op);
}

/** An applied automatic edit of `raw` [start, end), as a fixture page's analysis holds them. */
export function automaticEdit(
  raw: string,
  id: string,
  kind: Edit['kind'],
  start: number,
  end: number,
  after: string,
  op: Edit['op'],
): Edit {
  return {
    id,
    kind,
    rule: `fixture.${kind}`,
    start,
    end,
    before: raw.slice(start, end),
    after,
    reason: kind,
    confidence: 0.9,
    status: 'applied',
    origin: 'auto',
    op,
  };
}

function flag(
  id: string,
  kind: Flag['kind'],
  start: number,
  end: number,
  suggestion: string | null,
  confidence: number,
): Flag {
  return {
    id,
    kind,
    rule: `fixture.${kind}`,
    start,
    end,
    text: RAW.slice(start, end),
    message: kind,
    suggestion,
    confidence,
    status: 'open',
  };
}

/** The page after one history entry, applied forward (the action) or backward (its undo). */
export function run(page: ReviewPage, step: HistoryEntry, direction: 'forward' | 'backward' = 'forward'): ReviewPage {
  return { ...page, analysis: applyEntry(page.analysis, page.pageId, step, direction) };
}
