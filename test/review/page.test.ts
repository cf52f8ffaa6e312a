import { describe, expect, it } from 'vitest';
import { materialize } from '../../src-shared/model';
import { cleanOf, revertEdit } from '../../src-shared/review';
import { fixturePage, run } from './fixture';

describe('cleanOf', () => {
  it('should derive an analysis once, whoever asks for it: the desk and the action it runs share it', () => {
    const page = fixturePage();
    const shown = cleanOf(page);
    expect(cleanOf({ ...page, raw: `${page.raw}` })).toBe(shown);
    expect(shown).toEqual(materialize(page.raw, page.analysis));
  });

  it('should derive a changed analysis anew', () => {
    const page = fixturePage();
    const before = cleanOf(page);
    const after = run(page, revertEdit(page, 'join'));
    expect(cleanOf(after)).not.toBe(before);
    expect(cleanOf(after)).toEqual(materialize(after.raw, after.analysis));
  });

  it('should not give the clean page of one raw text for another', () => {
    const page = fixturePage();
    const other = { ...page, raw: page.raw.replace('荣经县', '荥经县') };
    expect(cleanOf(other)).not.toBe(cleanOf(page));
    expect(cleanOf(other)).toEqual(materialize(other.raw, other.analysis));
  });
});
