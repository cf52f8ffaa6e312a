import type { Chunk, ChunkRole } from '../../../src-shared/model/analysis';

/** A page made of blocks joined by blank lines, each block given a role, with raw offsets. */
export function page(...blocks: (string | [ChunkRole, string])[]): { raw: string; chunks: Chunk[] } {
  let raw = '';
  const chunks: Chunk[] = [];
  for (const block of blocks) {
    const [role, text] = typeof block === 'string' ? (['paragraph', block] as const) : block;
    if (raw) raw += '\n\n';
    chunks.push({ id: `c${raw.length}`, start: raw.length, end: raw.length + text.length, role });
    raw += text;
  }
  return { raw, chunks };
}
