import { describe, expect, it } from 'vitest';
import { shortArticlesPage } from '../../../bench/pages';
import { editMarks } from '../../../src-renderer/views/desk/raw-marks';
import type { Edit } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';

describe('the raw pane’s edit marks', () => {
  const { edits } = analyzePage(shortArticlesPage(200));
  const marking = edits.findIndex(
    (edit) => edit.status === 'applied' && edit.op.type === 'replace' && edit.end > edit.start,
  );
  const silent = edits.findIndex((edit) => edit.op.type !== 'replace' && edit.op.type !== 'extract');
  const first = editMarks(edits, []);

  it('should mark the applied replacements and extractions', () => {
    expect(marking).toBeGreaterThanOrEqual(0);
    expect(first.length).toBeGreaterThan(0);
    expect(first.some((mark) => mark.start === edits[marking].start && mark.end === edits[marking].end)).toBe(true);
  });

  it('should give the same layer back when a step changes only edits that mark nothing', () => {
    expect(silent).toBeGreaterThanOrEqual(0);
    const step: Edit[] = edits.map((edit, i) => (i === silent ? { ...edit, status: 'reverted' as const } : edit));
    expect(editMarks(step, first)).toBe(first);
    expect(editMarks([...edits], first)).toBe(first);
  });

  it('should give a new layer without the mark of a reverted replacement', () => {
    const step: Edit[] = edits.map((edit, i) => (i === marking ? { ...edit, status: 'reverted' as const } : edit));
    const next = editMarks(step, first);
    expect(next).not.toBe(first);
    expect(next).toHaveLength(first.length - 1);
    expect(next.some((mark) => mark.start === edits[marking].start && mark.end === edits[marking].end)).toBe(false);
  });
});
