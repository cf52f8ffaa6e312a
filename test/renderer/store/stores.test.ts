import { afterEach, describe, expect, it } from 'vitest';
import { askToDelete, resetLibraryStore, selectPage, setFilter, useLibrary } from '../../../src-renderer/store/library';
import { dismissNotice, openLibrary, openPage, pushNotice, resetUiStore, useUi } from '../../../src-renderer/store/ui';

afterEach(() => {
  resetUiStore();
  resetLibraryStore();
});

describe('ui store', () => {
  it('should route to a page by id and back to the library', () => {
    openPage('abc');
    expect(useUi.getState().route).toEqual({ name: 'page', pageId: 'abc' });
    openLibrary();
    expect(useUi.getState().route).toEqual({ name: 'library' });
  });

  it('should give each notice its own id and dismiss only that one', () => {
    const first = pushNotice({ tone: 'error', key: 'a' });
    const second = pushNotice({ tone: 'info', key: 'b' });
    dismissNotice(first);
    expect(useUi.getState().notices).toEqual([{ id: second, tone: 'info', key: 'b' }]);
  });

  it('should start from the initial state after a reset', () => {
    openPage('abc');
    pushNotice({ tone: 'info', key: 'b' });
    resetUiStore();
    expect(useUi.getState()).toMatchObject({ route: { name: 'library' }, notices: [] });
  });
});

describe('library store', () => {
  it('should hold filters, the cursor and the page awaiting deletion as ids and values only', () => {
    setFilter({ status: 'approved' });
    setFilter({ search: '人民', flags: 'open' });
    selectPage('p1');
    askToDelete('p1');
    expect(useLibrary.getState()).toEqual({
      filter: { status: 'approved', exported: 'all', flags: 'open', section: '', search: '人民' },
      selectedId: 'p1',
      progress: null,
      confirmDeleteId: 'p1',
    });
  });
});
