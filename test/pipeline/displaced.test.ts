import { describe, expect, it } from 'vitest';
import { continuesAcrossCut } from '../../src-shared/pipeline/cues';
import { readsAsClosing } from '../../src-shared/pipeline/relocate';

describe('closing paragraphs', () => {
  it.each([
    ['a spokesperson’s remarks', '县科协相关负责人表示,下一步将继续开展科普进校园活动。'],
    ['participants’ remarks', '参训学员纷纷表示,培训内容实用,收获很大。'],
    ['next steps', '下一步,市科协将加强对工作站的跟踪服务。'],
    ['the tally', '据统计,此次活动共发放科普资料3000余份。'],
    ['the outcome', '通过此次培训,基层人员进一步掌握了防控知识。'],
    ['the event’s tally', '活动期间,科技特派员共开展集中培训6场,发放技术资料1500余份。'],
  ])('should read %s as a close', (_, text) => {
    expect(readsAsClosing(text)).toBe(true);
  });

  it.each([
    ['a scene from the meeting', '会上,专家们围绕产业发展需求进行了深入交流。'],
    ['background', '据介绍,该县依托工作站先后引进新品种6个。'],
    ['a remark reported later in a sentence', '活动中,专家讲解了防治知识,村民表示很有收获。'],
    ['a running total of past years', '据悉,该学会自2021年起组建专家团,累计走进校园120余次。'],
  ])('should not read %s as a close', (_, text) => {
    expect(readsAsClosing(text)).toBe(false);
  });
});

describe('a sentence running across a cut', () => {
  it.each([
    ['a name cut mid-word', '会议认真传达学习了习', '近平总书记在全国科技大会上的重要讲话精神。'],
    ['a word cut mid-word', '各区县科协要进一', '步加强科普阵地建设。'],
    ['a tail opening with a particle', '专家们详细讲解了防治技术', '的要点和注意事项。'],
  ])('should see %s', (_, head, tail) => {
    expect(continuesAcrossCut(head, tail)).toBe(true);
  });

  it.each([
    ['a new sentence', '会议认真传达学习了习', '夹江县科协相关负责人表示,将继续开展培训。'],
    ['two characters that only make a short word', '锲而不舍深化“天', '城乡群众科学素质提升的实际行动。'],
  ])('should not see %s', (_, head, tail) => {
    expect(continuesAcrossCut(head, tail)).toBe(false);
  });
});
