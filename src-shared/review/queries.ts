import { materialize, spanContains, spansOverlap, type Article, type CleanPage, type Edit, type Flag } from '../model';
import type { ReviewPage } from './page';

/** Open doubts whose span lies inside the article's raw ranges. */
export function articleFlags(
  article: Article,
  flags: readonly Flag[],
  status: Flag['status'] | 'any' = 'open',
): Flag[] {
  return flags.filter(
    (f) => (status === 'any' || f.status === status) && article.spans.some((s) => spanContains(s, f)),
  );
}

/**
 * Every edit that concerns the article: text edits over its raw ranges, and structural edits that
 * name one of its chunks or the article itself.
 */
export function articleChanges(article: Article, edits: readonly Edit[]): Edit[] {
  const chunks = new Set(article.blocks.flatMap((b) => b.chunks));
  return edits.filter((edit) => {
    const { op } = edit;
    switch (op.type) {
      case 'replace':
      case 'extract':
        return article.spans.some(
          (s) => spansOverlap(s, edit) || (edit.start === edit.end && s.start <= edit.start && edit.start < s.end),
        );
      case 'join':
        return chunks.has(op.chunk) || chunks.has(op.onto);
      case 'move':
      case 'role':
      case 'set-text':
        return chunks.has(op.chunk) || article.spans.some((s) => spansOverlap(s, edit));
      case 'set-field':
      case 'set-captions':
        return op.article === article.id;
    }
  });
}

/** The article and block a raw offset became; furniture and removed text give null. */
export function locateOffset(clean: CleanPage, offset: number): { articleId: string; blockId: string | null } | null {
  const inside = (s: { start: number; end: number }) => s.start <= offset && offset < s.end;
  for (const article of clean.articles) {
    const block = article.blocks.find((b) => b.spans.some(inside));
    if (block) return { articleId: article.id, blockId: block.id };
  }
  const article = clean.articles.find((a) => a.spans.some(inside));
  return article ? { articleId: article.id, blockId: null } : null;
}

/**
 * What the editor typed, beside what it replaced: a typed field beside its earlier value, a typed
 * block beside the text the automatic edits made of it (not the raw text the edit records, whose
 * markup and line breaks the editor never saw). A typed block joined from several chunks is one
 * change, told by its first chunk's edit; the others, and edits not typed, give null.
 */
export function typedChange(page: ReviewPage, edit: Edit): { before: string; after: string } | null {
  const { op } = edit;
  if (op.type === 'set-field' || op.type === 'set-captions') return { before: edit.before, after: edit.after };
  if (op.type !== 'set-text') return null;
  const typedChunk = (e: Edit) => e.origin === 'editor' && e.op.type === 'set-text';
  const untyped = materialize(page.raw, {
    ...page.analysis,
    edits: page.analysis.edits.filter((e) => !typedChunk(e)),
  });
  const block = untyped.articles.flatMap((a) => a.blocks).find((b) => b.chunks.includes(op.chunk));
  return block?.chunks[0] === op.chunk ? { before: block.text, after: op.text } : null;
}
