import type { TFunction } from 'i18next';
import type { IssueRecord } from '../../../../src-shared/model';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `2023-10-18` as the language writes a date (2023年10月18日, 18 Oct 2023); read as UTC so no zone shifts the day. */
export function formatIssueDate(date: string, language: string): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  const at = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(at) ? date : format.format(at);
}

/** An issue as the library and the desk name it: paper · date · number, whichever are known. */
export function issueName(
  issue: Pick<IssueRecord, 'paper' | 'date' | 'number'>,
  t: TFunction,
  language: string,
): string {
  const parts = [
    issue.paper,
    issue.date === null ? null : formatIssueDate(issue.date, language),
    issue.number === null ? null : t('issues:number', { number: issue.number }),
  ].filter((part): part is string => part !== null && part !== '');
  return parts.length > 0 ? parts.join(' · ') : t('issues:untitled');
}

/** A page within its issue: 第3版 · 地方科协, or its position when neither is known. */
export function issuePageLabel(
  entry: { pageNumber: number | null; pageName: string | null },
  position: number,
  t: TFunction,
): string {
  const number = t('issues:pageNumber', { number: entry.pageNumber ?? position + 1 });
  return entry.pageName ? `${number} · ${entry.pageName}` : number;
}
