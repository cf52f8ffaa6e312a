import type { Notice, NoticeDetail } from '../store/ui';
import type { ImportReport } from './import';

/** More names than this in one notice are summarised as a count: a notice must stay readable. */
export const LISTED_FILES = 20;

function listed(lines: readonly NoticeDetail[]): NoticeDetail[] {
  const shown = lines.slice(0, LISTED_FILES);
  if (lines.length > LISTED_FILES) shown.push(`… +${lines.length - LISTED_FILES}`);
  return shown;
}

const withReason = ({ name, reason, problem }: ImportReport['failed'][number]): NoticeDetail => {
  if (!problem) return `${name}: ${reason}`;
  const { key, ...values } = problem;
  return { name, key: `library:decode.${key}`, values };
};
const nameOnly = ({ name }: { name: string }) => name;

/** The reader's English, with what only a developer reads (JSON.parse's words, a schema path), for the translated lines. */
function technicalOf(translated: ImportReport['failed']): { technical?: string } {
  return translated.length > 0
    ? { technical: translated.map(({ name, reason }) => `${name}: ${reason}`).join('\n') }
    : {};
}

/**
 * What the user is told after an import; errors name every file (up to a readable number). Files
 * deleted earlier come with "import anyway" when `importAnyway` is given: it gets all their names.
 */
export function noticesFor(
  report: ImportReport,
  announceAdded = true,
  importAnyway?: (names: string[]) => void,
): Omit<Notice, 'id'>[] {
  const notices: Omit<Notice, 'id'>[] = [];
  const unreadable = report.failed.filter((failure) => failure.stage === 'read');
  const unsaved = report.failed.filter((failure) => failure.stage === 'save');
  const duplicate = report.skipped.filter((skip) => skip.reason === 'already-in-library');
  const deleted = report.skipped.filter((skip) => skip.reason === 'deleted-earlier');
  if (unreadable.length > 0) {
    notices.push({
      tone: 'error',
      key: 'library:notice.unreadable',
      values: { count: unreadable.length },
      details: listed(unreadable.map(withReason)),
      ...technicalOf(unreadable.filter((failure) => failure.problem)),
    });
  }
  if (unsaved.length > 0) {
    notices.push({
      tone: 'error',
      key: 'library:notice.unsaved',
      values: { count: unsaved.length },
      details: listed(unsaved.map(nameOnly)),
      technical: [...new Set(unsaved.map(({ reason }) => reason))].join('\n'),
    });
  }
  if (announceAdded && report.added.length > 0)
    notices.push({ tone: 'info', key: 'library:notice.added', values: { count: report.added.length } });
  if (report.empty.length > 0)
    notices.push({
      tone: 'info',
      key: 'library:notice.empty',
      values: { count: report.empty.length },
      details: listed(report.empty.map(nameOnly)),
    });
  if (duplicate.length > 0)
    notices.push({
      tone: 'info',
      key: 'library:notice.duplicate',
      values: { count: duplicate.length },
      details: listed(duplicate.map(nameOnly)),
    });
  if (deleted.length > 0)
    notices.push({
      tone: 'info',
      key: 'library:notice.deleted',
      values: { count: deleted.length },
      details: listed(deleted.map(nameOnly)),
      ...(importAnyway
        ? { action: { key: 'library:notice.importAnyway', run: () => importAnyway(deleted.map(nameOnly)) } }
        : {}),
    });
  if (report.cancelled)
    notices.push({ tone: 'info', key: 'library:notice.cancelled', values: { count: report.added.length } });
  return notices;
}
