import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { changePageStatus, travel } from '../../../src-renderer/db/reviews';
import type { AnalyzeProgress, Analyzer } from '../../../src-renderer/services/analyze';
import {
  acceptProposal,
  buildPipelineVersion,
  reanalysePage,
  reanalyzeStale,
  stalePageIds,
} from '../../../src-renderer/services/reanalyze';
import type { PageAnalysis } from '../../../src-shared/model';
import { PIPELINE_VERSION } from '../../../src-shared/pipeline';
import { cleanOf } from '../../../src-shared/review';
import { fixtureAnalysis, RAW } from '../../review/fixture';
import { closeDatabases, reviewedDb } from '../helpers';

afterEach(closeDatabases);

/** A later pipeline: the same reading under new ids, and without the doubt the editor dismissed. */
const laterPipeline: Analyzer = async (pages) =>
  pages.map(({ id }) => {
    const analysis: PageAnalysis = fixtureAnalysis();
    return {
      id,
      analysis: {
        ...analysis,
        pipelineVersion: 2,
        edits: analysis.edits.map((e) => ({ ...e, id: `${e.id}-v2` })),
        flags: analysis.flags.filter((f) => f.id !== 'f-lookalike'),
      },
    };
  });

const read = (analysis: PageAnalysis) =>
  cleanOf({ pageId: 'p1', raw: RAW, analysis }).articles.map((a) => [a.title, a.blocks.map((b) => b.text)]);

describe('re-analysis when the pipeline changes', () => {
  it('should take the build version from the address when a test asks for another', () => {
    expect(buildPipelineVersion('?pipelineVersion=99')).toBe(99);
    expect(buildPipelineVersion('')).toBe(PIPELINE_VERSION);
    expect(buildPipelineVersion('?pipelineVersion=x')).toBe(PIPELINE_VERSION);
  });

  it('should re-analyse a stale page with every decision in force and mark the one whose target vanished', async () => {
    const db = await reviewedDb();
    const before = (await db.reviews.get('p1'))!.analysis;
    expect(await stalePageIds(db, 2)).toEqual(['p1']);

    const report = await reanalyzeStale(db, laterPipeline, { version: 2 });

    expect(report).toEqual({ reanalysed: 1, proposed: 0, needsLook: 1, cancelled: false });
    const after = (await db.reviews.get('p1'))!.analysis;
    expect(after.pipelineVersion).toBe(2);
    expect(after.edits.find((e) => e.id === 'strip-v2')?.status).toBe('reverted');
    expect(after.boundaries.find((b) => b.id === 'b2')?.status).toBe('approved');
    expect(read(after)).toEqual(read(before));
    const looks = (await db.decisions.toArray()).filter((d) => d.needsLook);
    expect(looks).toMatchObject([
      { needsLook: 'flag-gone', action: { type: 'flag-status', status: 'dismissed', text: '荣' } },
    ]);
    expect(await stalePageIds(db, 2)).toEqual([]);
  });

  it('should report how far a re-analysis got, as the library shows it', async () => {
    const db = await reviewedDb();
    const seen: AnalyzeProgress[] = [];
    let clock = 0;
    await reanalyzeStale(db, laterPipeline, { version: 2, onProgress: (p) => seen.push(p), now: () => (clock += 500) });
    expect(seen.map(({ phase, done, total }) => [phase, done, total])).toEqual([
      ['reanalysis', 0, 1],
      ['reanalysis', 1, 1],
    ]);
    expect(seen[1].pagesPerSecond).toBeGreaterThan(0);
  });

  it('should report nothing when no page is stale', async () => {
    const db = await reviewedDb();
    await reanalyzeStale(db, laterPipeline, { version: 2 });
    const seen: AnalyzeProgress[] = [];
    await reanalyzeStale(db, laterPipeline, { version: 2, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([]);
  });

  it('should leave an approved page as it is and offer the new analysis as an undoable proposal', async () => {
    const db = await reviewedDb();
    await changePageStatus(db, 'p1', 'approved', 'page.approve');
    const before = (await db.reviews.get('p1'))!.analysis;

    expect(await reanalyzeStale(db, laterPipeline, { version: 2 })).toMatchObject({ reanalysed: 0, proposed: 1 });
    const waiting = (await db.reviews.get('p1'))!;
    expect(waiting.analysis).toEqual(before);
    expect(waiting.proposal?.needsLook.map((d) => d.needsLook)).toEqual(['flag-gone']);

    await acceptProposal(db, 'p1');
    const taken = (await db.reviews.get('p1'))!;
    expect(taken.proposal).toBeUndefined();
    expect(taken.analysis.pipelineVersion).toBe(2);
    expect((await db.pages.get('p1'))?.status).toBe('approved');
    expect((await db.decisions.toArray()).filter((d) => d.needsLook).map((d) => d.needsLook)).toEqual(['flag-gone']);

    await travel(db, 'p1', 'undo');
    expect((await db.reviews.get('p1'))!.analysis).toEqual(before);
    expect(await db.decisions.count()).toBeGreaterThan(3);
  });
});

describe('re-analysis on request', () => {
  it('should re-analyse the page with its decisions in force, as one step undo takes back', async () => {
    const db = await reviewedDb();
    const before = (await db.reviews.get('p1'))!.analysis;

    expect(await reanalysePage(db, laterPipeline, 'p1', 2)).toEqual({ outcome: 'taken', needsLook: 1 });

    const after = (await db.reviews.get('p1'))!.analysis;
    expect(after.pipelineVersion).toBe(2);
    expect(after.edits.find((e) => e.id === 'strip-v2')?.status).toBe('reverted');
    expect(read(after)).toEqual(read(before));
    expect((await db.decisions.toArray()).filter((d) => d.needsLook).map((d) => d.needsLook)).toEqual(['flag-gone']);
    expect((await travel(db, 'p1', 'undo'))?.label).toBe('page.reanalyse');
    expect((await db.reviews.get('p1'))!.analysis).toEqual(before);
  });

  it('should record no undo step when the re-analysis changes nothing', async () => {
    const db = await reviewedDb();
    const before = (await db.reviews.get('p1'))!.analysis;
    const samePipeline: Analyzer = async (pages) => pages.map(({ id }) => ({ id, analysis: fixtureAnalysis() }));

    expect(await reanalysePage(db, samePipeline, 'p1', 1)).toEqual({ outcome: 'unchanged', needsLook: 0 });

    expect((await db.reviews.get('p1'))!.analysis).toEqual(before);
    expect((await travel(db, 'p1', 'undo'))?.label).toBe('text.type');
  });

  it('should bring a page whose reading did not change to the new version without an undo step', async () => {
    const db = await reviewedDb();
    const before = (await db.reviews.get('p1'))!.analysis;
    const sameReading: Analyzer = async (pages) => pages.map(({ id }) => ({ id, analysis: fixtureAnalysis() }));

    expect(await reanalysePage(db, sameReading, 'p1', 2)).toEqual({ outcome: 'unchanged', needsLook: 0 });

    expect((await db.reviews.get('p1'))!.analysis).toEqual({ ...before, pipelineVersion: 2 });
    expect(await stalePageIds(db, 2)).toEqual([]);
    expect((await travel(db, 'p1', 'undo'))?.label).toBe('text.type');
  });

  it('should not change an approved page on request: the new analysis waits as a proposal', async () => {
    const db = await reviewedDb();
    await changePageStatus(db, 'p1', 'approved', 'page.approve');
    const before = (await db.reviews.get('p1'))!.analysis;

    expect(await reanalysePage(db, laterPipeline, 'p1', 2)).toEqual({ outcome: 'proposed', needsLook: 1 });

    const waiting = (await db.reviews.get('p1'))!;
    expect(waiting.analysis).toEqual(before);
    expect(waiting.proposal?.analysis.pipelineVersion).toBe(2);
    expect((await db.pages.get('p1'))?.status).toBe('approved');
  });
});
