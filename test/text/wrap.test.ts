import { describe, expect, it } from 'vitest';
import { unwrap, wrapSeparator } from '../../src-shared/text';

describe('line wraps', () => {
  it('should join Chinese and numbers cut by a wrap with nothing, Latin words with a space', () => {
    expect(wrapSeparator('科', '协')).toBe('');
    expect(wrapSeparator('2', '0')).toBe('');
    expect(wrapSeparator('n', 'T')).toBe(' ');
    expect(wrapSeparator('D', '1')).toBe(' ');
  });

  it('should undo every wrap of a text with the spaces and indents around it', () => {
    expect(unwrap('筠连县科 \n　　协')).toBe('筠连县科协');
    expect(unwrap('本报记者 苏\r\n文保')).toBe('本报记者 苏文保');
    expect(unwrap('Pu Zhi\nChuang')).toBe('Pu Zhi Chuang');
  });
});
