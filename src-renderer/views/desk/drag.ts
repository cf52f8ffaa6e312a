import type { DragEvent } from 'react';

/** Blocks are dragged by id within the desk; other drags (files, text) are ignored. */
const BLOCK_TYPE = 'application/x-galley-block';

export interface DraggedBlock {
  articleId: string;
  blockId: string;
}

export function startBlockDrag(event: DragEvent, block: DraggedBlock): void {
  event.dataTransfer.setData(BLOCK_TYPE, JSON.stringify(block));
  event.dataTransfer.effectAllowed = 'move';
}

export function readDraggedBlock(event: DragEvent): DraggedBlock | null {
  const data = event.dataTransfer.getData(BLOCK_TYPE);
  if (!data) return null;
  const parsed = JSON.parse(data) as Partial<DraggedBlock>;
  return typeof parsed.articleId === 'string' && typeof parsed.blockId === 'string'
    ? { articleId: parsed.articleId, blockId: parsed.blockId }
    : null;
}
