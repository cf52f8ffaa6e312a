/** The desk's key map: pure, so it is tested without a browser and listed by the shortcut sheet. */

/** Every desk command a key can trigger; the shortcut sheet lists the same table. */
export type DeskCommand =
  | 'undo'
  | 'redo'
  | 'search'
  | 'shortcuts'
  | 'nextFlag'
  | 'previousFlag'
  | 'accept'
  | 'dismiss'
  | 'nextSplit'
  | 'approveSplit'
  | 'rejectSplit'
  | 'approvePage'
  | 'nextPage'
  | 'library'
  | 'nextArticle'
  | 'previousArticle'
  | 'nextChange'
  | 'previousChange'
  | 'focusRaw'
  | 'focusEditor'
  | 'focusDiff'
  | 'nextIssuePage'
  | 'previousIssuePage'
  | 'moveToArticle'
  | 'reanalysePage'
  | 'toggleFields'
  | 'toggleDiff';

export const SHORTCUTS: readonly { command: DeskCommand; keys: string[] }[] = [
  { command: 'nextFlag', keys: ['J', 'F8'] },
  { command: 'previousFlag', keys: ['K', 'Shift+F8'] },
  { command: 'accept', keys: ['A', 'Enter'] },
  { command: 'dismiss', keys: ['D'] },
  { command: 'nextSplit', keys: ['S'] },
  { command: 'approveSplit', keys: ['Y'] },
  { command: 'rejectSplit', keys: ['X'] },
  { command: 'approvePage', keys: ['Ctrl+Enter'] },
  { command: 'nextPage', keys: ['G'] },
  { command: 'library', keys: ['Esc'] },
  { command: 'nextArticle', keys: ['N', 'Alt+↓'] },
  { command: 'previousArticle', keys: ['P', 'Alt+↑'] },
  { command: 'nextChange', keys: [']'] },
  { command: 'previousChange', keys: ['['] },
  { command: 'focusRaw', keys: ['Alt+1'] },
  { command: 'focusEditor', keys: ['Alt+2'] },
  { command: 'focusDiff', keys: ['Alt+3'] },
  { command: 'toggleFields', keys: ['F'] },
  { command: 'toggleDiff', keys: ['V'] },
  { command: 'nextIssuePage', keys: ['Alt+PageDown', '.'] },
  { command: 'previousIssuePage', keys: ['Alt+PageUp', ','] },
  { command: 'moveToArticle', keys: ['Alt+M'] },
  { command: 'reanalysePage', keys: ['Alt+R'] },
  { command: 'search', keys: ['Ctrl+F'] },
  { command: 'undo', keys: ['Ctrl+Z'] },
  { command: 'redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'] },
  { command: 'shortcuts', keys: ['?'] },
];

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * The command a key press means. Letter keys only count outside text fields (where they are
 * typing); modified keys count everywhere. Cmd stands in for Ctrl on macOS.
 */
export function keyCommand(event: KeyLike, inField: boolean): DeskCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod && !event.altKey) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'f') return 'search';
    if (key === 'Enter' && !event.shiftKey) return 'approvePage';
    return null;
  }
  if (event.altKey && !mod) {
    const digit = event.code?.startsWith('Digit') ? event.code.slice(5) : key;
    if (digit === '1') return 'focusRaw';
    if (digit === '2') return 'focusEditor';
    if (digit === '3') return 'focusDiff';
    // By its key, not its character: Alt+M types µ on a Mac.
    if (event.code === 'KeyM' || key === 'm') return 'moveToArticle';
    // Not while typing: a block's text still being written would race the new analysis.
    if ((event.code === 'KeyR' || key === 'r') && !inField) return 'reanalysePage';
    if (key === 'ArrowDown' && !event.shiftKey) return 'nextArticle';
    if (key === 'ArrowUp' && !event.shiftKey) return 'previousArticle';
    if (key === 'PageDown' && !event.shiftKey) return 'nextIssuePage';
    if (key === 'PageUp' && !event.shiftKey) return 'previousIssuePage';
    return null;
  }
  if (key === 'F8') return event.shiftKey ? 'previousFlag' : 'nextFlag';
  if (inField || mod || event.altKey) return null;
  const letters: Record<string, DeskCommand> = {
    j: 'nextFlag',
    k: 'previousFlag',
    a: 'accept',
    Enter: 'accept',
    d: 'dismiss',
    s: 'nextSplit',
    y: 'approveSplit',
    x: 'rejectSplit',
    g: 'nextPage',
    Escape: 'library',
    n: 'nextArticle',
    p: 'previousArticle',
    ']': 'nextChange',
    '[': 'previousChange',
    '.': 'nextIssuePage',
    ',': 'previousIssuePage',
    '?': 'shortcuts',
    f: 'toggleFields',
    v: 'toggleDiff',
  };
  return letters[key] ?? null;
}
