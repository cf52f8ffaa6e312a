import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { approveAllAbove, cleanOf } from '../../../src-shared/review';
import { enterPage, resetDeskStore } from '../../../src-renderer/store/desk';
import { resetUiStore, useUi } from '../../../src-renderer/store/ui';
import { approvePage } from '../../../src-renderer/views/desk/commands';
import { fixturePage, run } from '../../review/fixture';

// The approval's write is the database's business, tested there; here only what the editor is told.
vi.mock('../../../src-renderer/db/reviews', () => ({
  changePageStatus: vi.fn(() => Promise.resolve(null)),
  commitAction: vi.fn(),
  travel: vi.fn(),
}));

const shown = () => useUi.getState().notices.map((notice) => notice.key);

afterEach(() => {
  resetUiStore();
  resetDeskStore();
});

describe('approving a page', () => {
  it('should take a refusal off the screen once the page is approved', async () => {
    enterPage('p1');
    const undecided = fixturePage();
    await approvePage(undecided.analysis, cleanOf(undecided));
    await approvePage(undecided.analysis, cleanOf(undecided));
    expect(shown()).toEqual(['desk:notice.splitsUndecided']);

    const decided = run(undecided, approveAllAbove(undecided, 0));
    await approvePage(decided.analysis, cleanOf(decided));
    expect(shown()).toEqual(['desk:notice.approvedUnnamed', 'desk:notice.approvedWithFlags']);
  });
});
