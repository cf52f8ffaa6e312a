import { describe, expect, it } from 'vitest';
import type { PageAnalysis } from '../../../src-shared/model';
import { pageStats, SCHEMA_VERSIONS } from '../../../src-renderer/db/schema';

const analysis: PageAnalysis = {
  pipelineVersion: 1,
  chunks: [
    { id: 'c0', start: 0, end: 4, role: 'furniture', furniture: 'banner', section: '要闻' },
    { id: 'c4', start: 4, end: 10, role: 'headline' },
    { id: 'c10', start: 10, end: 20, role: 'paragraph' },
    { id: 'c20', start: 20, end: 30, role: 'headline', section: '经济' },
    { id: 'c30', start: 30, end: 40, role: 'paragraph' },
  ],
  boundaries: [
    { id: 'b1', chunk: 'c4', confidence: 0.9, reason: 'headline', status: 'approved', origin: 'auto' },
    { id: 'b2', chunk: 'c20', confidence: 0.4, reason: 'headline', status: 'proposed', origin: 'auto' },
  ],
  edits: [],
  flags: [
    {
      id: 'f1',
      kind: 'ocr-suspect',
      rule: 'ocr.char',
      start: 12,
      end: 13,
      text: '原',
      message: '',
      suggestion: null,
      confidence: 0.5,
      status: 'open',
    },
    {
      id: 'f2',
      kind: 'ocr-suspect',
      rule: 'ocr.char',
      start: 14,
      end: 15,
      text: '文',
      message: '',
      suggestion: null,
      confidence: 0.5,
      status: 'dismissed',
    },
  ],
} as PageAnalysis;

describe('SCHEMA_VERSIONS', () => {
  // Upgrades themselves are tested from fixtures of every earlier version in test/renderer/migrations.test.ts.
  it('should declare versions in ascending order, each once', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });
});

describe('pageStats', () => {
  it('should count live articles, open flags, undecided splits and sections in page order', () => {
    expect(pageStats(analysis)).toEqual({ articles: 2, openFlags: 1, undecidedSplits: 1, sections: ['要闻', '经济'] });
  });

  it('should count an article before the first boundary when the page opens with content', () => {
    const withoutFirstBoundary = { ...analysis, boundaries: analysis.boundaries.slice(1) };
    expect(pageStats(withoutFirstBoundary).articles).toBe(2);
  });

  it('should not count rejected boundaries as articles', () => {
    const rejected = {
      ...analysis,
      boundaries: analysis.boundaries.map((b) => ({ ...b, status: 'rejected' as const })),
    };
    expect(pageStats(rejected)).toMatchObject({ articles: 1, undecidedSplits: 0 });
  });

  it('should count no article on a page without content', () => {
    expect(pageStats({ chunks: [], boundaries: [], flags: [] })).toEqual({
      articles: 0,
      openFlags: 0,
      undecidedSplits: 0,
      sections: [],
    });
  });
});
