import { describe, expect, it } from 'vitest';
import { describesScene } from '../../src-shared/pipeline/cues';

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
