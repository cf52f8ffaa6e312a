import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Analyzer } from '../../src-renderer/services/analyze';

const exportBackup = vi.fn();
const analyze = vi.fn<Analyzer>();

// The archive's intents talk to the host, the backup writer and a worker: here stand-ins that fail.
vi.mock('../../src-renderer/bridge', () => ({ galley: {} }));
vi.mock('../../src-renderer/services/backup', () => ({ exportBackup, BackupError: class {} }));
vi.mock('../../src-renderer/workers/worker-analyzer', () => ({
  createAnalyzerPool: () => ({ analyze, terminate: () => {} }),
}));

const { analyzeInBackground, backUpLibrary } = await import('../../src-renderer/archive');
const { db } = await import('../../src-renderer/db/db');
const { i18n } = await import('../../src-renderer/i18n');
const { resetUiStore, useUi } = await import('../../src-renderer/store/ui');
const { importFiles } = await import('../../src-renderer/services/import');
const { textFile } = await import('./helpers');

afterEach(async () => {
  resetUiStore();
  vi.resetAllMocks();
  await db.delete();
  await db.open();
});

/** A notice as the user reads it in `language`: its message and its detail lines. */
function shown(language: 'zh' | 'en'): string[] {
  const t = i18n.getFixedT(language);
  return useUi
    .getState()
    .notices.flatMap((notice) => [
      t(notice.key, notice.values),
      ...(notice.details ?? []).map((line) => (typeof line === 'string' ? line : t(line.key, line.values))),
    ]);
}

describe('archive intents', () => {
  it('should say in the interface language that a backup failed, with the error as technical detail', async () => {
    exportBackup.mockRejectedValue(new Error('disk full'));
    await backUpLibrary();

    const [notice] = useUi.getState().notices;
    expect(notice).toMatchObject({ tone: 'error', key: 'scale:backup.failed' });
    expect(notice.technical).toContain('disk full');
    for (const language of ['zh', 'en'] as const) expect(shown(language).join('\n')).not.toContain('disk full');
    expect(shown('zh')[0]).toMatch(/备份/);
  });

  it('should say in the interface language that the analysis stopped, with the error as technical detail', async () => {
    await importFiles(db, [textFile('a.txt', '要闻\n\n本报讯 会议召开。\n')]);
    analyze.mockRejectedValue(new Error('the analysis worker failed: out of memory'));
    await analyzeInBackground();

    const [notice] = useUi.getState().notices;
    expect(notice).toMatchObject({ tone: 'error', key: 'scale:analysis.crashed' });
    expect(notice.technical).toContain('out of memory');
    for (const language of ['zh', 'en'] as const) expect(shown(language).join('\n')).not.toContain('out of memory');
  });

  it('should name the pages the pipeline failed on in the interface language, their errors as technical detail', async () => {
    const { added } = await importFiles(db, [textFile('a.txt', '要闻\n\n本报讯 会议召开。\n')]);
    analyze.mockResolvedValue([{ id: added[0].id, error: 'Cannot read properties of undefined' }]);
    await analyzeInBackground();

    const [notice] = useUi.getState().notices;
    expect(notice).toMatchObject({ tone: 'error', key: 'scale:analysis.failed', details: ['a.txt'] });
    expect(notice.technical).toContain('a.txt: Cannot read properties of undefined');
    for (const language of ['zh', 'en'] as const) expect(shown(language).join('\n')).not.toContain('Cannot read');
  });
});
