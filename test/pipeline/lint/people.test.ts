import { describe, expect, it } from 'vitest';
import { lintPage } from '../../../src-shared/pipeline/lint';
import { page } from './page';

function people(...blocks: Parameters<typeof page>) {
  const { raw, chunks } = page(...blocks);
  return lintPage(raw, chunks)
    .flags.filter((flag) => flag.rule === 'ocr.person-name')
    .map((flag) => [flag.text, flag.suggestion]);
}

describe('a person spelled two ways on one page', () => {
  it('should flag the later spelling on a tie, suggesting the one introduced with a title', () => {
    expect(people('县科协党组书记、主席李文涛出席会议并讲话。', '李文韬要求,要抓好三项重点工作。')).toEqual([
      ['李文韬', '李文涛'],
    ]);
  });

  it('should flag the spelling printed fewer times', () => {
    expect(people('王建化表示,将加强基层组织建设。', '区科协主席王建华介绍了情况。王建华指出,要抓好落实。')).toEqual([
      ['王建化', '王建华'],
    ]);
  });

  it.each([
    ['two different people', '县长张建国、副县长张建华出席。张建国表示,要抓好落实。'],
    ['words before a verb of speech that are no names', '要提升企业创新能力要求,激发新活力。'],
    ['a name spelled one way', '主席李晓雯出席会议。李晓雯表示,将继续努力。'],
  ])('should not flag %s', (_, text) => {
    expect(people(text)).toEqual([]);
  });
});
