import { describe, expect, it } from 'vitest';
import { rawLines, segmentLine } from '../../../src-renderer/views/page/lines';

describe('rawLines', () => {
  it('should give each line its raw range, excluding LF and CRLF breaks', () => {
    expect(rawLines('甲乙\r\n\n丙')).toEqual([
      { number: 1, start: 0, end: 2 },
      { number: 2, start: 4, end: 4 },
      { number: 3, start: 5, end: 6 },
    ]);
  });

  it('should give an empty text one empty line', () => {
    expect(rawLines('')).toEqual([{ number: 1, start: 0, end: 0 }]);
  });

  it('should end with an empty line after a final break', () => {
    expect(rawLines('甲\n').map((line) => [line.start, line.end])).toEqual([
      [0, 1],
      [2, 2],
    ]);
  });
});

describe('segmentLine', () => {
  const line = { start: 10, end: 20 };

  it('should return the whole line unmarked without highlights', () => {
    expect(segmentLine(line, [])).toEqual([{ start: 10, end: 20, className: '' }]);
  });

  it('should cut highlights at the line edges and combine overlapping ones', () => {
    expect(
      segmentLine(line, [
        { start: 5, end: 14, className: 'a' },
        { start: 12, end: 16, className: 'b' },
        { start: 25, end: 30, className: 'far' },
      ]),
    ).toEqual([
      { start: 10, end: 12, className: 'a' },
      { start: 12, end: 14, className: 'a b' },
      { start: 14, end: 16, className: 'b' },
      { start: 16, end: 20, className: '' },
    ]);
  });

  it('should ignore empty highlights', () => {
    expect(segmentLine(line, [{ start: 12, end: 12, className: 'caret' }])).toEqual([{ start: 10, end: 20, className: '' }]);
  });
});
