import type { Chunk, EditOp, PageAnalysis } from '../model';
import { bannerInBlock } from '../pipeline/cues';

type RoleOp = Extract<EditOp, { type: 'role' }>;

/**
 * The page name (版名) a page's own furniture proposes: the Chinese name of its first section
 * banner (`地方科协 | DI FANG KE XIE` → 地方科协), with the roles as the editor left them. Null
 * when the page prints no banner; the editor names the page then.
 */
export function proposePageName(analysis: Pick<PageAnalysis, 'chunks' | 'edits'>, raw: string): string | null {
  const roles = new Map<string, RoleOp>();
  for (const edit of analysis.edits)
    if (edit.status === 'applied' && edit.op.type === 'role') roles.set(edit.op.chunk, edit.op);
  const banners = analysis.chunks
    .map((chunk): Chunk => {
      const op = roles.get(chunk.id);
      return op ? { ...chunk, role: op.role, furniture: op.furniture, section: op.section } : chunk;
    })
    .filter((chunk) => chunk.role === 'furniture' && chunk.furniture === 'banner')
    .sort((a, b) => a.start - b.start);
  for (const banner of banners) {
    const name = banner.section ?? bannerInBlock(raw.slice(banner.start, banner.end));
    if (name) return name;
  }
  return null;
}
