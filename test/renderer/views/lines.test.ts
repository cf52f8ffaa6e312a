import { describe, expect, it } from 'vitest';
import { highlightFinder, lineIndexAt, rawLines, segmentLine } from '../../../src-renderer/views/page/lines';

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

describe('highlightFinder', () => {
  const lines = rawLines('甲乙丙\n\n丁戊\r\n己');
  const classes = (found: readonly { className: string }[]) => found.map((h) => h.className).sort();

  it('should give each line exactly the highlights overlapping its text', () => {
    const across = { start: 1, end: 6, className: 'across' };
    const onBreakOnly = { start: 3, end: 4, className: 'break' };
    const last = { start: 9, end: 10, className: 'last' };
    const find = highlightFinder([last, across, onBreakOnly]);
    expect(lines.map((line) => classes(find(line)))).toEqual([['across'], [], ['across'], ['last']]);
  });

  it('should find what filtering every highlight on every line finds, long and nested ranges included', () => {
    const text = Array.from({ length: 30 }, (_, i) => '字'.repeat(i % 7)).join('\n');
    const many = rawLines(text);
    const highlights = Array.from({ length: 60 }, (_, i) => ({
      start: (i * 37) % text.length,
      end: ((i * 37) % text.length) + (i % 3 === 0 ? 90 : i % 5),
      className: `h${i}`,
    }));
    const find = highlightFinder(highlights);
    for (const line of many) {
      const overlapping = highlights.filter((h) => h.end > h.start && h.start < line.end && h.end > line.start);
      expect(classes(find(line))).toEqual(line.end > line.start ? classes(overlapping) : []);
    }
  });
});

describe('lineIndexAt', () => {
  const lines = rawLines('甲乙\r\n\n丙');

  it('should name the line an offset falls in, a line break counting to the line it ends', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((offset) => lineIndexAt(lines, offset))).toEqual([0, 0, 0, 0, 1, 2, 2]);
  });
});
