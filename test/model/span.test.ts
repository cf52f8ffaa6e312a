import { describe, expect, it } from 'vitest';
import { location, mergeSpans, subtractSpans } from '../../src-shared/model/span';

describe('location', () => {
  it('should convert offsets to 1-based line and column', () => {
    const loc = location('ab\n第二行\r\nx');
    expect(loc.toPoint(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(loc.toPoint(3)).toEqual({ line: 2, column: 1, offset: 3 });
    expect(loc.toPoint(8)).toEqual({ line: 3, column: 1, offset: 8 });
  });

  it('should throw a RangeError naming the offset and length', () => {
    expect(() => location('abc').toPoint(4)).toThrow(/offset 4 .*length 3/);
  });
});

describe('mergeSpans', () => {
  it('should merge touching and overlapping spans in order', () => {
    expect(
      mergeSpans([
        { start: 5, end: 8 },
        { start: 0, end: 2 },
        { start: 2, end: 4 },
        { start: 7, end: 9 },
      ]),
    ).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
    ]);
  });
});

describe('subtractSpans', () => {
  it('should keep what the other spans leave of each span, in order', () => {
    const from = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    const minus = [
      { start: 2, end: 4 },
      { start: 8, end: 22 },
      { start: 25, end: 26 },
    ];
    expect(subtractSpans(from, minus)).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 8 },
      { start: 22, end: 25 },
      { start: 26, end: 30 },
    ]);
  });

  it('should leave nothing of a span covered whole, and all of one nothing touches', () => {
    expect(subtractSpans([{ start: 3, end: 5 }], [{ start: 0, end: 9 }])).toEqual([]);
    expect(subtractSpans([{ start: 3, end: 5 }], [{ start: 5, end: 9 }])).toEqual([{ start: 3, end: 5 }]);
  });
});
