import { describe, expect, it } from 'vitest';
import { ACTIVE_MS, inputWatcher } from '../../src-renderer/workers/user-activity';

describe('whether the editor is at work in the page', () => {
  it('should count a scroll, a key, a click and a touch, for ACTIVE_MS after each', () => {
    const page = new EventTarget();
    const active = inputWatcher(page);
    expect(active()).toBe(false);
    for (const type of ['scroll', 'wheel', 'keydown', 'pointerdown', 'touchmove']) {
      page.dispatchEvent(new Event(type));
      const at = performance.now();
      expect(active(at)).toBe(true);
      expect(active(at + ACTIVE_MS + 1)).toBe(false);
    }
  });

  it('should not count what is not the editor at work', () => {
    const page = new EventTarget();
    const active = inputWatcher(page);
    for (const type of ['pointermove', 'focus', 'resize']) page.dispatchEvent(new Event(type));
    expect(active()).toBe(false);
  });
});
