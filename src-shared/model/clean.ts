import type { FurnitureKind, SplitStatus, ArticleId, ChunkId } from './analysis';
import type { Span } from './span';

/** The clean page, derived from raw text + analysis by `materialize`. */
export interface CleanPage {
  articles: Article[];
  furniture: FurnitureItem[];
}

export type BlockType = 'paragraph' | 'subhead';

export interface Block {
  /** The id of the block's first chunk. */
  id: ChunkId;
  type: BlockType;
  text: string;
  /** Raw ranges the block was made from, in reading order. */
  spans: Span[];
  /** All chunks that make up the block (a joined paragraph has several). */
  chunks: ChunkId[];
}

export interface Article {
  id: ArticleId;
  section: string | null;
  kicker: string | null;
  title: string;
  /** Without the parentheses. */
  byline: string | null;
  captions: string[];
  blocks: Block[];
  split: { status: SplitStatus; confidence: number; reason: string; boundary: string | null };
  /** Raw ranges the article came from (merged, in raw order). */
  spans: Span[];
}

export interface FurnitureItem extends Span {
  kind: FurnitureKind;
  text: string;
  chunk: ChunkId;
}
