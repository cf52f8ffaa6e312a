import { describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../../../src-renderer/services/import';
import { LISTED_FILES, noticesFor } from '../../../src-renderer/services/import-notices';
import { readDocuments } from '../../../src-renderer/services/import-documents';
import { checkPageSize, decodePage, DecodeError, type DecodeProblem } from '../../../src-shared/pipeline/decode';
import zhLibrary from '../../../src-renderer/i18n/locales/zh/library.json';
import enLibrary from '../../../src-renderer/i18n/locales/en/library.json';

function refusal(refuse: () => unknown): DecodeProblem {
  try {
    refuse();
  } catch (error) {
    if (error instanceof DecodeError && error.problem) return error.problem;
  }
  throw new Error('expected a decode refusal with a problem');
}

const empty: ImportReport = { added: [], skipped: [], empty: [], failed: [], cancelled: false };

describe('noticesFor', () => {
  it('should name every refused file with its reason, errors first', () => {
    const notices = noticesFor({
      ...empty,
      added: [{ id: 'a', name: 'good.txt' }],
      failed: [
        { name: 'scan.txt', reason: 'this is a PNG image file, not text', stage: 'read' },
        { name: 'big.txt', reason: 'file is 50.0 MB, larger than the 8.0 MB a page may be', stage: 'read' },
      ],
    });

    expect(notices.map((notice) => [notice.tone, notice.key])).toEqual([
      ['error', 'library:notice.unreadable'],
      ['info', 'library:notice.added'],
    ]);
    expect(notices[0].details).toEqual([
      'scan.txt: this is a PNG image file, not text',
      'big.txt: file is 50.0 MB, larger than the 8.0 MB a page may be',
    ]);
  });

  it('should carry a decode refusal as a key and values, so the notice is in the interface language', () => {
    const problem = refusal(() => checkPageSize(20 * 1024 * 1024, 'big.txt'));
    const [notice] = noticesFor({
      ...empty,
      failed: [{ name: 'big.txt', reason: 'file is 20.0 MB…', stage: 'read', problem }],
    });
    expect(notice.details).toEqual([
      { name: 'big.txt', key: 'library:decode.too-large', values: { size: '20.0 MB', limit: expect.any(String) } },
    ]);
  });

  it('should have every decode refusal in both languages, the Chinese one not in English', () => {
    const bytes = (...values: number[]) => new Uint8Array(values);
    const problems = [
      refusal(() => checkPageSize(20 * 1024 * 1024, 'big.txt')),
      refusal(() => decodePage(new TextEncoder().encode('正文\u0007正文'), 'bell.txt')),
      refusal(() => decodePage(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), 'scan.txt')),
      refusal(() => decodePage(bytes(0x41, 0x00, 0xff, 0xfe, 0x80, 0x81, 0x41, 0x42, 0x43), 'nul.txt')),
      refusal(() => decodePage(bytes(0xff, 0xfe, 0x00, 0xd8), 'bom.txt')),
    ];
    const zh = zhLibrary.decode as Record<string, string>;
    const en = enLibrary.decode as Record<string, string>;
    for (const { key } of problems) {
      expect(en[key], key).toBeTruthy();
      expect(zh[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('should say why a Galley document was refused in the interface language, its English reason as technical detail', () => {
    const documents = {
      'empty.json': '',
      'cut.json': '{"format":"galley-document","schemaVersion":1,"pages":[{"pa',
      'broken.json': '{"format": galley}',
      'other.json': '{"format":"something-else","schemaVersion":1}',
      'list.json': '[1, 2]',
      'backup.json': '{"formatName":"dexie","data":{}}',
      'unversioned.json': '{"format":"galley-document","schemaVersion":"one"}',
      'newer.json': '{"format":"galley-document","schemaVersion":999,"pages":[]}',
      'damaged.json': '{"format":"galley-document","schemaVersion":1,"pages":[{}]}',
    };
    const report: ImportReport = { ...empty, failed: [] };
    const files = Object.entries(documents).map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text) }));
    expect(readDocuments(files, report)).toEqual([]);

    const zh = zhLibrary.decode as Record<string, string>;
    const en = enLibrary.decode as Record<string, string>;
    expect(report.failed.map((failure) => failure.name)).toEqual(Object.keys(documents));
    for (const { name, problem } of report.failed) {
      expect(en[problem?.key ?? ''], name).toBeTruthy();
      expect(zh[problem?.key ?? ''], name).toMatch(/[\u4e00-\u9fff]/);
    }
    const [notice] = noticesFor(report);
    expect(notice.details?.[1]).toEqual({ name: 'cut.json', key: 'library:decode.document-truncated', values: {} });
    expect(notice.details?.[7]).toEqual({
      name: 'newer.json',
      key: 'library:decode.document-newer',
      values: { version: 999, supported: expect.any(Number) },
    });
    expect(notice.technical).toContain('cut.json: the JSON ends too early');
  });

  it('should keep save failures apart from unreadable files, the database error as technical detail', () => {
    const failed = ['a.txt', 'b.txt'].map((name) => ({ name, reason: 'QuotaExceededError', stage: 'save' as const }));
    expect(noticesFor({ ...empty, failed })).toEqual([
      {
        tone: 'error',
        key: 'library:notice.unsaved',
        values: { count: 2 },
        details: ['a.txt', 'b.txt'],
        // The database's words, once: the batch failed as a whole.
        technical: 'QuotaExceededError',
      },
    ]);
  });

  it('should list at most LISTED_FILES names and count the rest', () => {
    const skipped = Array.from({ length: LISTED_FILES + 5 }, (_, i) => ({
      name: `p${i}.txt`,
      reason: 'already-in-library' as const,
    }));
    const [notice] = noticesFor({ ...empty, skipped });

    expect(notice.values).toEqual({ count: LISTED_FILES + 5 });
    expect(notice.details).toHaveLength(LISTED_FILES + 1);
    expect(notice.details?.at(-1)).toBe('… +5');
  });

  it('should tell duplicates and deleted pages apart, as information', () => {
    const notices = noticesFor({
      ...empty,
      skipped: [
        { name: 'again.txt', reason: 'already-in-library' },
        { name: 'gone.txt', reason: 'deleted-earlier' },
      ],
    });
    expect(notices.map((notice) => [notice.tone, notice.key, notice.details])).toEqual([
      ['info', 'library:notice.duplicate', ['again.txt']],
      ['info', 'library:notice.deleted', ['gone.txt']],
    ]);
  });

  it('should offer to import the deleted files anyway, all of them in one action', () => {
    const importAnyway = vi.fn();
    const notices = noticesFor(
      {
        ...empty,
        skipped: [
          { name: 'again.txt', reason: 'already-in-library' },
          { name: 'gone.txt', reason: 'deleted-earlier' },
          { name: 'gone too.txt', reason: 'deleted-earlier' },
        ],
      },
      true,
      importAnyway,
    );
    const deleted = notices.find((notice) => notice.key === 'library:notice.deleted');
    expect(deleted?.action?.key).toBe('library:notice.importAnyway');
    expect(notices.find((notice) => notice.key === 'library:notice.duplicate')?.action).toBeUndefined();

    deleted?.action?.run();
    expect(importAnyway).toHaveBeenCalledExactlyOnceWith(['gone.txt', 'gone too.txt']);
  });

  it('should not announce added pages when asked to stay quiet, but still report a cancel', () => {
    const notices = noticesFor({ ...empty, added: [{ id: 'a', name: 'seed.txt' }], cancelled: true }, false);
    expect(notices).toEqual([{ tone: 'info', key: 'library:notice.cancelled', values: { count: 1 } }]);
  });

  it('should warn about pages stored without any text, by name', () => {
    const notices = noticesFor({
      ...empty,
      added: [
        { id: 'a', name: 'blank.txt' },
        { id: 'b', name: 'good.txt' },
      ],
      empty: [{ id: 'a', name: 'blank.txt' }],
    });
    expect(notices).toEqual([
      { tone: 'info', key: 'library:notice.added', values: { count: 2 } },
      { tone: 'info', key: 'library:notice.empty', values: { count: 1 }, details: ['blank.txt'] },
    ]);
  });
});
