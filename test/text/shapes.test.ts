import { describe, expect, it } from 'vitest';
import {
  endsPlaceNameCode,
  isBareCredit,
  isCreditInner,
  isPlaceNameShape,
  placeNameCandidates,
  placeNameRunsOn,
  trailingCredit,
} from '../../src-shared/text';

describe('place-name shape', () => {
  it('should read an administrative suffix at the end of a short text', () => {
    expect(
      ['四川省', '成都市', '夹江县', '新津区', '凉山州', '五凤镇', '白马乡', '新华村', '城关街道'].map(
        isPlaceNameShape,
      ),
    ).toEqual(Array(9).fill(true));
  });

  it('should refuse a long text or another ending', () => {
    expect(['岳池县科协', '峨眉山', '成都市科协召开第八次代表大会暨换届选举市', ''].map(isPlaceNameShape)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('should give every stem of two and three Han characters before a suffix', () => {
    expect(placeNameCandidates('峨眉山市和夹江县')).toEqual(['眉山市', '峨眉山市', '夹江县', '和夹江县']);
    expect(placeNameCandidates('2023年市场')).toEqual([]);
  });

  it('should end a place name on a natural feature too', () => {
    expect(Array.from('河江山湖海县', (ch) => endsPlaceNameCode(ch.charCodeAt(0)))).toEqual(Array(6).fill(true));
    expect(endsPlaceNameCode('会'.charCodeAt(0))).toBe(false);
  });
});

describe('credit shape', () => {
  it('should accept the credits page-anatomy.md lists, inside their parentheses', () => {
    expect(
      [
        '张紫艺',
        '本报记者 苏文保',
        '德阳市科协',
        '广汉市科协供稿',
        '邱海鹰 董永长 摄影报道',
        '本栏目组稿:陈训煜 吴菲',
      ].map(isCreditInner),
    ).toEqual(Array(6).fill(true));
  });

  it('should refuse an empty, a long or a punctuated aside', () => {
    expect(['', '  ', '见下图。', '这是一个很长很长的括注,'.repeat(4)].map(isCreditInner)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('should accept a bare credit line with a title before a name', () => {
    expect(
      ['本报记者 张明', '记者 王五 通讯员 李六', '特约记者:赵六', '文/张明', '图：李四'].map(isBareCredit),
    ).toEqual(Array(5).fill(true));
    expect(['记者会上,他说', '本报讯 近日', '文件/通知'].map(isBareCredit)).toEqual([false, false, false]);
  });

  it('should find a credit after the last sentence, but not a count in parentheses', () => {
    expect(trailingCredit('会议取得圆满成功。 (本报记者 苏文保)')).toEqual({
      offset: 9,
      length: 11,
      value: '本报记者 苏文保',
    });
    expect(trailingCredit('会议取得圆满成功。(一)')).toBeNull();
    expect(trailingCredit('会议取得圆满成功(张三)')).toBeNull();
  });
});

describe('a place name cut from the city it is in', () => {
  it('should read a district or county after its city, prefecture or province as one name', () => {
    for (const [head, tail] of [
      ['近日,巴中市', '恩阳区科协'],
      ['自贡市', '荣县农学会'],
      ['凉山州', '德昌县科协'],
      ['乐山市', '峨眉山市科协'],
      ['四川省', '成都市科协'],
    ])
      expect(placeNameRunsOn(head, tail), head + tail).toBe(true);
  });

  it('should not read words that end like a city, nor places that are no district', () => {
    for (const [head, tail] of [
      ['推动全市', '青白江区'],
      ['在城市', '新区建设'],
      ['成都市', '社区居民'],
      ['成都市', '区科协'],
      ['科协组织', '专家们'],
    ])
      expect(placeNameRunsOn(head, tail), head + tail).toBe(false);
  });
});
