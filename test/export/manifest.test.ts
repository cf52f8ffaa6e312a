import { describe, expect, it } from 'vitest';
import type { Edit } from '../../src-shared/model';
import { describeChanges, exportManifest } from '../../src-shared/export';
import { loadPage, OPTIONS, withAnalysis } from './fixture';

const page = loadPage();
const first = exportManifest(page, 'tei', OPTIONS.exportedAt);
const later = OPTIONS.exportedAt + 60_000;

function editorSetsTitle(article: string, value: string): Edit {
  return {
    id: 'e-title',
    kind: 'manual',
    rule: 'manual.set-field',
    start: 0,
    end: 0,
    before: '',
    after: '',
    reason: 'editor',
    confidence: 1,
    status: 'applied',
    origin: 'editor',
    op: { type: 'set-field', article, field: 'title', value },
  };
}

describe('export manifest', () => {
  it('should call the first export of a page a first export', () => {
    const changes = describeChanges(undefined, first);
    expect(changes).toMatchObject({ firstExport: true, changed: [], removed: [] });
    expect(changes.summary).toBe('First export: 2 articles.');
  });

  it('should report no change when the page was exported again untouched', () => {
    const changes = describeChanges(first, exportManifest(page, 'tei', later));
    expect(changes).toMatchObject({ firstExport: false, added: [], removed: [], changed: [], unchanged: 2 });
    expect(changes.summary).toBe('No change since the export of 2026-11-24T16:00:00.000Z.');
  });

  it('should name an article whose text the editor changed', () => {
    const id = page.clean.articles[1].id;
    const edited = withAnalysis(page, {
      ...page.analysis,
      edits: [...page.analysis.edits, editorSetsTitle(id, '各地动态')],
    });
    const changes = describeChanges(first, exportManifest(edited, 'tei', later));
    expect(changes.changed.map((article) => article.title)).toEqual(['各地动态']);
    expect(changes.unchanged).toBe(1);
    expect(changes.summary).toBe(
      'Changed since the export of 2026-11-24T16:00:00.000Z: 1 article changed (“各地动态”).',
    );
  });

  it('should show a rejected split as one article removed and its neighbour changed', () => {
    const boundaries = page.analysis.boundaries.map((boundary) =>
      boundary.status === 'proposed' ? { ...boundary, status: 'rejected' as const } : boundary,
    );
    const changes = describeChanges(
      first,
      exportManifest(withAnalysis(page, { ...page.analysis, boundaries }), 'tei', later),
    );
    expect(changes.removed.map((article) => article.title)).toEqual(['- 各地动态 #1']);
    expect(changes.changed).toHaveLength(1);
    expect(changes.added).toEqual([]);
  });

  it('should treat canonically equivalent text as unchanged', () => {
    const decomposed = {
      ...page,
      clean: {
        ...page.clean,
        articles: page.clean.articles.map((article) => ({ ...article, title: article.title.normalize('NFD') })),
      },
    };
    expect(exportManifest(decomposed, 'tei', later).articles.map((a) => a.hash)).toEqual(
      first.articles.map((a) => a.hash),
    );
  });
});
