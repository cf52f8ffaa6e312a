import { describe, expect, it } from 'vitest';
import { keyCommand, SHORTCUTS, type KeyLike } from '../../../src-renderer/views/desk/keymap';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('desk keys', () => {
  it('should map letters to commands outside text fields only', () => {
    expect(keyCommand(press('j'), false)).toBe('nextFlag');
    expect(keyCommand(press('A', { shiftKey: true }), false)).toBe('accept');
    expect(keyCommand(press('d'), false)).toBe('dismiss');
    expect(keyCommand(press('s'), false)).toBe('nextSplit');
    expect(keyCommand(press('j'), true)).toBeNull();
    expect(keyCommand(press('Enter'), true)).toBeNull();
  });

  it('should run the whole review loop from the keyboard: splits, page approval, next page, back to the library', () => {
    expect(keyCommand(press('y'), false)).toBe('approveSplit');
    expect(keyCommand(press('x'), false)).toBe('rejectSplit');
    expect(keyCommand(press('Enter', { ctrlKey: true }), true)).toBe('approvePage');
    expect(keyCommand(press('g'), false)).toBe('nextPage');
    expect(keyCommand(press('Escape'), false)).toBe('library');
    expect(keyCommand(press('Escape'), true)).toBeNull();
    expect(keyCommand(press('y'), true)).toBeNull();
  });

  it('should undo and redo with Ctrl or Cmd, also while typing', () => {
    expect(keyCommand(press('z', { ctrlKey: true }), true)).toBe('undo');
    expect(keyCommand(press('Z', { metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(keyCommand(press('y', { ctrlKey: true }), false)).toBe('redo');
    expect(keyCommand(press('f', { ctrlKey: true }), true)).toBe('search');
  });

  it('should read Alt+digit from the physical key, whatever the layout types', () => {
    expect(keyCommand(press('¡', { altKey: true, code: 'Digit1' }), true)).toBe('focusRaw');
    expect(keyCommand(press('3', { altKey: true }), false)).toBe('focusDiff');
    expect(keyCommand(press('ArrowDown', { altKey: true }), true)).toBe('nextArticle');
    expect(keyCommand(press('ArrowDown', { altKey: true, shiftKey: true }), true)).toBeNull();
  });

  it('should open "Move to article…" with Alt+M, also while typing in the block', () => {
    expect(keyCommand(press('m', { altKey: true, code: 'KeyM' }), true)).toBe('moveToArticle');
    expect(keyCommand(press('µ', { altKey: true, code: 'KeyM' }), false)).toBe('moveToArticle');
    expect(keyCommand(press('m'), true)).toBeNull();
  });

  it('should re-analyse the page with Alt+R, but not while typing in a field', () => {
    expect(keyCommand(press('r', { altKey: true, code: 'KeyR' }), false)).toBe('reanalysePage');
    expect(keyCommand(press('®', { altKey: true, code: 'KeyR' }), false)).toBe('reanalysePage');
    expect(keyCommand(press('r', { altKey: true, code: 'KeyR' }), true)).toBeNull();
  });

  it('should step flags with F8 anywhere', () => {
    expect(keyCommand(press('F8'), true)).toBe('nextFlag');
    expect(keyCommand(press('F8', { shiftKey: true }), false)).toBe('previousFlag');
  });

  it('should step through the pages of an issue with Alt+PageUp/PageDown anywhere, and , and . outside fields', () => {
    expect(keyCommand(press('PageDown', { altKey: true }), true)).toBe('nextIssuePage');
    expect(keyCommand(press('PageUp', { altKey: true }), false)).toBe('previousIssuePage');
    expect(keyCommand(press('.'), false)).toBe('nextIssuePage');
    expect(keyCommand(press(','), false)).toBe('previousIssuePage');
    expect(keyCommand(press('.'), true)).toBeNull();
  });

  it('should fold the fields with F and the diff with V, outside fields only', () => {
    expect(keyCommand(press('f'), false)).toBe('toggleFields');
    expect(keyCommand(press('V', { shiftKey: true }), false)).toBe('toggleDiff');
    expect(keyCommand(press('f'), true)).toBeNull();
    expect(keyCommand(press('v'), true)).toBeNull();
  });

  it('should list in the shortcut sheet every command a key can trigger', () => {
    const listed = new Set(SHORTCUTS.map((s) => s.command));
    const keys = [
      'j',
      'k',
      'a',
      'Enter',
      'd',
      's',
      'y',
      'x',
      'g',
      'Escape',
      'n',
      'p',
      ']',
      '[',
      '?',
      'F8',
      '.',
      ',',
      'f',
      'v',
    ];
    for (const key of keys) expect(listed).toContain(keyCommand(press(key), false));
  });
});
