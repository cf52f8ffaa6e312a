import { describe, expect, it } from 'vitest';
import { continuesAcrossCut, describesScene, opensParagraph } from '../../src-shared/pipeline/cues';

describe('a caption that says who is pictured doing what', () => {
  it('should read people at work, where or for whom, as a scene', () => {
    for (const caption of [
      '气象专家为群众讲解暴雨预警信号',
      '科研人员在路演现场介绍项目',
      '志愿者向居民演示灭火器使用方法',
      '学生们通过天文望远镜观测月球',
      '技术人员操作植保无人机进行飞防作业',
    ])
      expect(describesScene(caption), caption).toBe(true);
  });

  it('should not read a headline as a scene, even one naming people or a place where something is held', () => {
    for (const headline of [
      '科技特派员助力夏粮抢收',
      '创新青少年科普教育模式',
      '全省科协系统深化改革工作推进会在蓉召开',
      '眉山市科协举办科技人员能力提升培训',
      '小小科学家 走进科技馆',
    ])
      expect(describesScene(headline), headline).toBe(false);
  });
});

describe("a paragraph opening as a report's paragraphs do", () => {
  it('should read the short openings of meetings and reports, two characters included', () => {
    for (const opening of [
      '会上，各学会负责人汇报了工作',
      '会后，与会人员参观了展厅',
      '随后，专家们走进果园',
      '近年来，该县科协依托农技协',
      '据悉，该工作站建于2020年',
      '活动中，志愿者发放资料',
      '县科协相关负责人表示，将继续',
    ])
      expect(opensParagraph(opening), opening).toBe(true);
  });

  it('should not read a two-character clause outside the list, nor the rest of a word a cut split', () => {
    for (const text of ['成绩，有效扩大了影响力', '会议，全县12家学会参加', '知识，并为居民测量血压'])
      expect(opensParagraph(text), text).toBe(false);
    // `在座谈` | `会上，`: the word across the cut says the sentence runs on, whatever the opening.
    expect(continuesAcrossCut('大家在座谈', '会上，纷纷发言')).toBe(true);
  });
});
