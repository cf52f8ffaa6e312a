import type { Chunk, ChunkRole } from '../../../src-shared/model/analysis';

/**
 * A stand-in for the pipeline's chunk + classify stages, so the lint tests do not depend on them:
 * blocks separated by blank lines, roles from obvious layout cues only (a short unpunctuated
 * line after an image gap of three blank lines is a caption).
 */
export function roughChunks(raw: string): Chunk[] {
  const chunks: Chunk[] = [];
  const block = /[^\n]+(?:\n(?![ \t\u3000]*\r?\n)[^\n]+)*/g;
  for (const match of raw.matchAll(block)) {
    const text = match[0];
    const lead = text.length - text.trimStart().length;
    const start = match.index + lead;
    const end = match.index + text.trimEnd().length;
    if (end <= start) continue;
    const role = roleOf(text.trim());
    const afterImageGap = /\n[ \t\u3000]*\r?\n[ \t\u3000]*\r?\n[ \t\u3000]*\r?\n$/.test(
      raw.slice(Math.max(0, start - 8), start),
    );
    chunks.push({ id: `c${start}`, start, end, role: role === 'headline' && afterImageGap ? 'caption' : role });
  }
  return chunks;
}

function roleOf(text: string): ChunkRole {
  if (/^[(（].*[)）]$/.test(text)) return 'byline';
  if (/^[A-Za-z |]+$/.test(text) || /^(栏目|本版)协办/.test(text) || text.includes('欢迎关注') || text.includes('\n')) {
    return 'furniture';
  }
  if (!/[，,。；！？]/.test(text) && text.length <= 40) return 'headline';
  return 'paragraph';
}
