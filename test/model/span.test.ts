import { describe, expect, it } from 'vitest';
import { location, mergeSpans } from '../../src-shared/model/span';

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
