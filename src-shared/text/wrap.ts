/**
 * What a line wrap between two characters reads as once unwrapped: nothing in Chinese text or
 * inside a number cut by the wrap (`2` | `023`), a space between Latin words.
 */
export function wrapSeparator(left: string, right: string): string {
  const latin = (ch: string) => /[A-Za-z0-9]/.test(ch);
  return latin(left) && latin(right) && !(/[0-9]/.test(left) && /[0-9]/.test(right)) ? ' ' : '';
}

/** The text with its line wraps (and the spaces or indents around them) undone. */
export function unwrap(text: string): string {
  return text.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, (wrap, at: number) =>
    wrapSeparator(text[at - 1] ?? '', text[at + wrap.length] ?? ''),
  );
}
