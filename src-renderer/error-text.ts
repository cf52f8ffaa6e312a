/** What an error says about itself: for a notice's or a message's technical detail, never for its sentence. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
