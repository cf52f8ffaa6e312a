/** An import the user handed us cannot be used; the message names the reason in words an editor can act on. */
/**
 * Why a document was refused, as data, so an interface can say it in its own language; the
 * error's `reason` stays the English sentence, with the details (JSON.parse's words, the schema's
 * path) that only a developer reads.
 */
export type DocumentProblem =
  | { key: 'document-empty' }
  | { key: 'document-truncated' }
  | { key: 'document-not-json' }
  | { key: 'document-not-galley' }
  | { key: 'document-is-backup' }
  | { key: 'document-bad-version' }
  | { key: 'document-newer'; version: number; supported: number }
  | { key: 'document-damaged' };

export class ImportFormatError extends Error {
  constructor(
    readonly reason: string,
    readonly problem: DocumentProblem,
  ) {
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
    if (text.trim() === '') throw new ImportFormatError('the file is empty', { key: 'document-empty' });
    if (endsEarly(text, message))
      throw new ImportFormatError(`the JSON ends too early: the file is truncated (${message})`, {
        key: 'document-truncated',
      });
    throw new ImportFormatError(`the file is not valid JSON (${message})`, { key: 'document-not-json' });
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
    throw new ImportFormatError(`made by a newer Galley: schema ${version} > ${supported}; update Galley to open it`, {
      key: 'document-newer',
      version,
      supported,
    });
}
