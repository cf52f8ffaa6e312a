import type { Chunk, ChunkRole, Edit, PageAnalysis } from '../../src-shared/model';
import type { ReviewPage } from '../../src-shared/review';
import { automaticEdit } from './fixture';

/**
 * A page with every kind of article field: a section banner; an article with a kicker, a headline
 * with markup, a byline line and a caption, each read from one line; and an article whose headline
 * is two lines and whose byline is taken out of its paragraph.
 */
const LINES: [string, ChunkRole][] = [
  ['地方科协', 'furniture'],
  ['【要闻】', 'kicker'],
  ['# 荣经县科协召开年会', 'headline'],
  ['(本报记者 苏文保)', 'byline'],
  ['荣经县科协日前召开年会。', 'paragraph'],
  ['图为年会现场', 'caption'],
  ['广汉市科协', 'headline'],
  ['开展科普活动', 'headline'],
  ['本报讯 广汉市开展科普活动。(李明)', 'paragraph'],
];

export const FIELDS_RAW = LINES.map(([text]) => text).join('\n') + '\n';

const at = (text: string) => FIELDS_RAW.indexOf(text);

function automatic(id: string, kind: Edit['kind'], text: string, after: string, op: Edit['op']): Edit {
  return automaticEdit(FIELDS_RAW, id, kind, at(text), at(text) + text.length, after, op);
}

export function fieldsAnalysis(): PageAnalysis {
  let offset = 0;
  const chunks = LINES.map(([text, role]): Chunk => {
    const chunk: Chunk = { id: `c${offset}`, start: offset, end: offset + text.length, role };
    if (role === 'furniture') Object.assign(chunk, { furniture: 'banner', section: text });
    offset += text.length + 1;
    return chunk;
  });
  const chunkOf = (text: string) => chunks.find((c) => c.start === at(text))!.id;
  return {
    pipelineVersion: 1,
    chunks,
    boundaries: [
      { id: 'b1', chunk: chunkOf('【要闻】'), confidence: 0.9, reason: 'kicker', status: 'proposed', origin: 'auto' },
      {
        id: 'b2',
        chunk: chunkOf('广汉市科协'),
        confidence: 0.8,
        reason: 'headline',
        status: 'proposed',
        origin: 'auto',
      },
    ],
    edits: [
      automatic('strip', 'strip-markup', '# ', '', { type: 'replace' }),
      automatic('credit', 'extract-byline', '(李明)', '', { type: 'extract', field: 'byline', value: '李明' }),
    ],
    flags: [],
  };
}

export function fieldsPage(pageId = 'p-fields'): ReviewPage {
  return { pageId, raw: FIELDS_RAW, analysis: fieldsAnalysis() };
}
