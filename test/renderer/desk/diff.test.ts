import { describe, expect, it } from 'vitest';
import { diffBlock, hasChanges, MAX_EXACT_CHARS } from '../../../src-renderer/views/desk/diff';

const joined = (parts: { kind: string; text: string }[], keep: string) => parts.filter((p) => p.kind !== keep).map((p) => p.text).join('');

describe('block diff', () => {
  it('should mark a single Chinese character fix at character level', () => {
    const diff = diffBlock('近日,荣经县科协召开', '近日,荥经县科协召开');
    expect(diff.exact).toBe(true);
    expect(diff.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '荣' },
      { kind: 'added', text: '荥' },
    ]);
  });

  it('should give the same result object for the same texts', () => {
    expect(diffBlock('甲乙丙', '甲丙')).toBe(diffBlock('甲乙丙', '甲丙'));
  });

  it('should report no change for identical text', () => {
    expect(hasChanges(diffBlock('相同', '相同'))).toBe(false);
  });

  it('should fall back to the changed middle for very long blocks, still rebuilding both texts', () => {
    const source = '科'.repeat(MAX_EXACT_CHARS) + '荣' + '协'.repeat(100);
    const text = '科'.repeat(MAX_EXACT_CHARS) + '荥' + '协'.repeat(100);
    const diff = diffBlock(source, text);
    expect(diff.exact).toBe(false);
    expect(joined(diff.parts, 'added')).toBe(source);
    expect(joined(diff.parts, 'removed')).toBe(text);
    expect(diff.parts.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['荣', '荥']);
  });
});
