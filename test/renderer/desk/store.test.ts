import { afterEach, describe, expect, it } from 'vitest';
import {
  enterPage,
  resetDeskStore,
  selectArticle,
  setBlockDraft,
  setDiffMode,
  useDesk,
} from '../../../src-renderer/store/desk';

afterEach(resetDeskStore);

describe('desk store', () => {
  it('should clear selections but keep view settings when another page is entered', () => {
    enterPage('p1');
    selectArticle('a1', 'b1');
    setDiffMode('side');
    enterPage('p2');
    expect(useDesk.getState()).toMatchObject({ pageId: 'p2', articleId: null, blockId: null, diffMode: 'side' });
  });

  it('should keep a typed draft per block until it is cleared', () => {
    setBlockDraft('b1', '草稿');
    expect(useDesk.getState().drafts).toEqual({ b1: '草稿' });
    const before = useDesk.getState();
    setBlockDraft('b2', null);
    expect(useDesk.getState()).toBe(before);
    setBlockDraft('b1', null);
    expect(useDesk.getState().drafts).toEqual({});
  });
});
