import { describe, expect, it } from 'vitest';
import { highlightsByLine, rawLines, segmentLine } from '../../../src-renderer/views/page/lines';

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
    expect(segmentLine(line, [{ start: 12, end: 12, className: 'caret' }])).toEqual([
      { start: 10, end: 20, className: '' },
    ]);
  });
});

describe('highlightsByLine', () => {
  const lines = rawLines('甲乙丙\n\n丁戊\r\n己');

  it('should give each line exactly the highlights overlapping its text', () => {
    const across = { start: 1, end: 6, className: 'across' };
    const onBreakOnly = { start: 3, end: 4, className: 'break' };
    const last = { start: 9, end: 10, className: 'last' };
    expect(
      highlightsByLine(lines, [across, onBreakOnly, last]).map((bucket) => bucket.map((h) => h.className)),
    ).toEqual([['across'], [], ['across'], ['last']]);
  });

  it('should give the same segments as filtering every highlight on every line', () => {
    const highlights = Array.from({ length: 40 }, (_, i) => ({
      start: (i * 7) % 11,
      end: ((i * 7) % 11) + (i % 5),
      className: `h${i}`,
    }));
    const buckets = highlightsByLine(lines, highlights);
    lines.forEach((line, i) => expect(segmentLine(line, buckets[i])).toEqual(segmentLine(line, highlights)));
  });
});
