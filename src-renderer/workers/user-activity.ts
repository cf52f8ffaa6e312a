/**
 * Whether the editor is scrolling, typing or clicking in the page right now, for background work
 * that should leave the page a core meanwhile.
 */

/** Input this recent counts as the editor at work: a scroll sends an event every frame, a typist a key every few hundred ms. */
export const ACTIVE_MS = 1000;
const INPUTS = ['scroll', 'wheel', 'keydown', 'pointerdown', 'touchmove'] as const;

/** Listens to `target` from now on; the answer is true while its last input is under ACTIVE_MS old. */
export function inputWatcher(target: Pick<EventTarget, 'addEventListener'>): (now?: number) => boolean {
  let lastInput = -Infinity;
  const note = () => (lastInput = performance.now());
  // Captured, because a list's own scroll does not bubble to the document.
  for (const type of INPUTS) target.addEventListener(type, note, { capture: true, passive: true });
  return (now = performance.now()) => now - lastInput < ACTIVE_MS;
}

let watching: ((now?: number) => boolean) | null = null;

/** Whether the editor is at work in this page; the page is listened to from the first question on. */
export function userActive(): boolean {
  if (typeof document === 'undefined') return false;
  watching ??= inputWatcher(document);
  return watching();
}
