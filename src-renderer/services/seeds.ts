import type { GalleyApi } from '../../src-shared/ipc/contract';
import type { GalleyDB } from '../db/schema';
import { importFiles, type ImportOptions, type ImportReport } from './import';

/**
 * Imports the bundled seed pages on the first start only. Later starts do nothing, and a seed the
 * user deleted is tombstoned, so it stays deleted even if this ran again.
 * Returns null when the seeds were loaded before.
 */
export async function loadSeedsOnce(
  db: GalleyDB,
  api: Pick<GalleyApi, 'listSeeds'>,
  options: ImportOptions = {},
): Promise<ImportReport | null> {
  if (await db.getMeta('seedsLoaded')) return null;
  const report = await importFiles(db, await api.listSeeds(), options);
  // A partial load (cancelled, or a batch that failed to save) is retried on the next start.
  const stored = !report.cancelled && report.failed.every((failure) => failure.stage === 'read');
  if (stored) await db.setMeta('seedsLoaded', true);
  return report;
}
