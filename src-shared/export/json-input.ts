/** An import the user handed us cannot be used; the message names the reason in words an editor can act on. */
export class ImportFormatError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ImportFormatError';
  }
}

/** JSON.parse, with a cut-off file told apart from a damaged one. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (text.trim() === '') throw new ImportFormatError('the file is empty');
    if (endsEarly(text, message))
      throw new ImportFormatError(`the JSON ends too early: the file is truncated (${message})`);
    throw new ImportFormatError(`the file is not valid JSON (${message})`);
  }
}

/** V8 reports a cut-off document as an unexpected end, an unterminated string, or an error at its last position. */
function endsEarly(text: string, message: string): boolean {
  if (/end of (JSON|data) input|Unterminated string/i.test(message)) return true;
  const position = /position (\d+)/.exec(message);
  return position !== null && Number(position[1]) >= text.trimEnd().length - 1;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function describeValue(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

/** A format from a later Galley is refused with both numbers, so the editor knows to update. */
export function checkNotNewer(version: number, supported: number): void {
  if (version > supported)
    throw new ImportFormatError(`made by a newer Galley: schema ${version} > ${supported}; update Galley to open it`);
}
