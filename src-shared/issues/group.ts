import type { IssueGuess } from '../model/issue';

/**
 * Groups page files into newspaper issues (期) by the evidence an archive carries in its paths: a
 * folder per issue whose name holds a date or an issue number, or file names that hold both the
 * issue and the page (`2023-10-18_03.txt`, `20231018-03.txt`, `四川科技报_2023年10月18日_第3版.txt`,
 * `1234期_3.txt`). Nothing is guessed: a file with no such evidence, an impossible date, or a folder
 * and a file name that disagree stays loose, the last two with a doubt saying why.
 */
export interface GroupInput {
  /** The caller's id for the file; the guess lists pages by it. */
  key: string;
  /** The file's path relative to what was imported, folders included (`/` or `\` separated). */
  path: string;
}

/** A doubt as data, so an interface can say it in its own language; `reason` is the English for the CLI. */
export type GroupProblem =
  | { key: 'folder-no-real-date'; name: string }
  | { key: 'file-name-no-real-date'; name: string }
  /** The values each names where they differ (a date, a number, a paper), in field order. */
  | { key: 'names-disagree'; folder: string; file: string }
  | { key: 'page-twice'; page: number };

interface Doubt {
  reason: string;
  problem: GroupProblem;
}

export interface GroupDoubt extends Doubt {
  input: string;
}

export interface Grouping {
  issues: IssueGuess[];
  loose: string[];
  /** Evidence that was there but could not be used, or that needs the editor's eye (for the import summary). */
  doubts: GroupDoubt[];
}

/** What a name says about its issue. */
interface IssueFields {
  paper: string | null;
  date: string | null;
  number: string | null;
}

type Parsed<T> = { ok: T } | { doubt: Doubt } | null;

const SEP = '[_\\s.-]';
const PAPER = '(?<paper>\\p{Script=Han}{2,12}报)';
/** A date in ISO, Chinese or compact form; `n` tells the two places a date may stand apart (named groups must be unique). */
const date = (n: number) =>
  `(?:(?<isoY${n}>\\d{4})-(?<isoM${n}>\\d{1,2})-(?<isoD${n}>\\d{1,2})|(?<hanY${n}>\\d{4})年(?<hanM${n}>\\d{1,2})月(?<hanD${n}>\\d{1,2})日|(?<compactY${n}>\\d{4})(?<compactM${n}>\\d{2})(?<compactD${n}>\\d{2}))`;
const issueNumber = (n: number) => `第?(?<number${n}>\\d{1,6})期`;
/** Date and number in either order, either alone. */
const ISSUE = `(?:${date(1)}(?:${SEP}*${issueNumber(1)})?|${issueNumber(2)}(?:${SEP}*${date(2)})?)`;
/** `03`, `3版`, `第3版`, `p3`, `page03`; what may follow it (a page name) does not start with a digit. */
const PAGE = '(?:第(?<pageA>\\d{1,3})版|(?:p|page)?(?<pageB>\\d{1,3})版?)';
const REST = `(?:${SEP}+[^\\d].*)?`;

const FOLDER_NAME = new RegExp(`^(?:${PAPER}${SEP}*)?${ISSUE}$`, 'iu');
const ISSUE_FILE_NAME = new RegExp(`^(?:${PAPER}${SEP}*)?${ISSUE}(?:(?:${SEP}+|(?=第))${PAGE})?${REST}$`, 'iu');
const PAGE_FILE_NAME = new RegExp(`^${PAGE}${REST}$`, 'iu');

export function groupByIssue(inputs: readonly GroupInput[]): Grouping {
  const groups = new Map<
    string,
    {
      fields: IssueFields;
      evidence: IssueGuess['evidence'];
      pages: { input: string; pageNumber: number | null; path: string }[];
    }
  >();
  const loose: string[] = [];
  const doubts: GroupDoubt[] = [];
  for (const input of inputs) {
    const placed = placeInput(input.path);
    if ('doubt' in placed) doubts.push({ input: input.key, ...placed.doubt });
    if (!('fields' in placed)) {
      loose.push(input.key);
      continue;
    }
    const key = issueKey(placed.fields);
    const group = groups.get(key) ?? { fields: placed.fields, evidence: placed.evidence, pages: [] };
    if (placed.evidence === 'folder') group.evidence = 'folder';
    group.pages.push({ input: input.key, pageNumber: placed.pageNumber, path: input.path });
    groups.set(key, group);
  }
  mergeUnnamedPapers(groups);
  const issues = [...groups.entries()].map(([key, { fields, evidence, pages }]): IssueGuess => {
    pages.sort((a, b) => (a.pageNumber ?? Infinity) - (b.pageNumber ?? Infinity) || naturalCompare(a.path, b.path));
    doubts.push(...repeatedPageNumbers(pages, key));
    return { key, ...fields, evidence, pages: pages.map(({ input, pageNumber }) => ({ input, pageNumber })) };
  });
  issues.sort(
    (a, b) =>
      compareNullable(a.date, b.date) || compareNullable(a.number, b.number, true) || compareNullable(a.paper, b.paper),
  );
  return { issues, loose, doubts };
}

type Placement =
  | { fields: IssueFields; evidence: IssueGuess['evidence']; pageNumber: number | null }
  | { doubt: Doubt }
  | Record<string, never>;

function placeInput(path: string): Placement {
  const segments = path.split(/[/\\]+/).filter(Boolean);
  const fileStem = stemOf(segments.pop() ?? '');
  const fromName = parseIssueFileName(fileStem);
  if (fromName && 'doubt' in fromName) return { doubt: fromName.doubt };
  const folder = nearestIssueFolder(segments);
  if (folder && 'doubt' in folder) return { doubt: folder.doubt };
  if (folder) {
    const conflict = fromName ? disagreement(folder.ok, fromName.ok.fields) : null;
    if (conflict)
      return {
        doubt: {
          reason: `the folder and the file name name different issues (${conflict.described})`,
          problem: { key: 'names-disagree', folder: conflict.folder, file: conflict.file },
        },
      };
    return {
      fields: folder.ok,
      evidence: 'folder',
      pageNumber: fromName ? fromName.ok.pageNumber : parsePageFileName(fileStem),
    };
  }
  if (fromName) return { fields: fromName.ok.fields, evidence: 'file-name', pageNumber: fromName.ok.pageNumber };
  return {};
}

function stemOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName).normalize('NFC').trim();
}

/** The innermost folder that names an issue; an impossible date there is a doubt, not a miss. */
function nearestIssueFolder(folders: readonly string[]): Parsed<IssueFields> {
  for (let i = folders.length - 1; i >= 0; i--) {
    const match = FOLDER_NAME.exec(folders[i].normalize('NFC').trim());
    if (match) return issueFields(match, { key: 'folder-no-real-date', name: folders[i] });
  }
  return null;
}

function parseIssueFileName(fileStem: string): Parsed<{ fields: IssueFields; pageNumber: number | null }> {
  const match = ISSUE_FILE_NAME.exec(fileStem);
  if (!match) return null;
  const fields = issueFields(match, { key: 'file-name-no-real-date', name: fileStem });
  if (!fields || 'doubt' in fields) return fields;
  return { ok: { fields: fields.ok, pageNumber: pageNumberOf(match) } };
}

/** A file inside an issue folder: its name is the page (`03.txt`, `第3版.txt`), or it has no number. */
function parsePageFileName(fileStem: string): number | null {
  const match = PAGE_FILE_NAME.exec(fileStem);
  return match ? pageNumberOf(match) : null;
}

function pageNumberOf(match: RegExpExecArray): number | null {
  const digits = match.groups?.pageA ?? match.groups?.pageB;
  const page = digits === undefined ? 0 : Number(digits);
  // Page 0 does not exist in print: `000_…` numbers files, not pages.
  return page >= 1 ? page : null;
}

/** `noDate`: the doubt to raise, naming where the match was made, when its date is impossible. */
function issueFields(
  match: RegExpExecArray,
  noDate: Extract<GroupProblem, { key: `${string}-no-real-date` }>,
): Parsed<IssueFields> {
  const groups = match.groups ?? {};
  const part = (name: string): string | undefined => {
    for (const form of ['iso', 'han', 'compact', '']) {
      const value = groups[`${form}${name}1`] ?? groups[`${form}${name}2`];
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const year = part('Y');
  let isoDate: string | null = null;
  if (year !== undefined) {
    isoDate = validDate(Number(year), Number(part('M')), Number(part('D')));
    if (isoDate === null) {
      const where = noDate.key === 'folder-no-real-date' ? 'folder' : 'file name';
      return { doubt: { reason: `the ${where} ${noDate.name} holds no real date`, problem: noDate } };
    }
  }
  const printed = part('number');
  return {
    ok: { paper: groups.paper ?? null, date: isoDate, number: printed === undefined ? null : String(Number(printed)) },
  };
}

/** `YYYY-MM-DD`, or null when the calendar has no such day (2023-13-45, 2023-02-29) or the year is no newspaper's. */
export function validDate(year: number, month: number, day: number): string | null {
  if (year < 1815 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Fields both name and name differently; a field only one names is no conflict. */
function disagreement(
  folder: IssueFields,
  file: IssueFields,
): { described: string; folder: string; file: string } | null {
  const differing = (['paper', 'date', 'number'] as const).filter(
    (field) => folder[field] !== null && file[field] !== null && folder[field] !== file[field],
  );
  if (differing.length === 0) return null;
  return {
    described: differing.map((field) => `${field} ${folder[field]} ≠ ${file[field]}`).join(', '),
    folder: differing.map((field) => folder[field]).join(' '),
    file: differing.map((field) => file[field]).join(' '),
  };
}

function issueKey({ paper, date, number }: IssueFields): string {
  return [paper ?? '', date ?? '', number ?? ''].join('|');
}

/**
 * `2023-10-18_03.txt` beside `四川科技报_2023年10月18日_第4版.txt`: one issue, the second file only
 * names its paper. Pages that name no paper join the one paper named for the same date and number;
 * with two papers named there, which one they belong to is unknown and they stay apart.
 */
function mergeUnnamedPapers(
  groups: Map<string, { fields: IssueFields; evidence: IssueGuess['evidence']; pages: unknown[] }>,
): void {
  for (const [key, group] of groups) {
    if (group.fields.paper !== null) continue;
    const named = [...groups.values()].filter(
      ({ fields }) =>
        fields.paper !== null && fields.date === group.fields.date && fields.number === group.fields.number,
    );
    if (named.length !== 1) continue;
    named[0].pages.push(...group.pages);
    if (group.evidence === 'folder') named[0].evidence = 'folder';
    groups.delete(key);
  }
}

function repeatedPageNumbers(
  pages: readonly { input: string; pageNumber: number | null }[],
  key: string,
): GroupDoubt[] {
  const seen = new Set<number>();
  const doubts: GroupDoubt[] = [];
  for (const { input, pageNumber } of pages) {
    if (pageNumber === null) continue;
    if (seen.has(pageNumber))
      doubts.push({
        input,
        reason: `page ${pageNumber} of issue ${key} is given twice`,
        problem: { key: 'page-twice', page: pageNumber },
      });
    seen.add(pageNumber);
  }
  return doubts;
}

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function compareNullable(a: string | null, b: string | null, numeric = false): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return numeric ? Number(a) - Number(b) : a.localeCompare(b);
}

const UNSAFE_STEM = /[^\p{Script=Han}A-Za-z0-9-]+/gu;

/**
 * A file stem for an issue's export that needs no escaping anywhere: the date (`2023-10-18`), the
 * number (`1234期`) or both (`2023-10-18_1234期`); the paper only when neither is known (an
 * archive is mostly one paper, and a batch suffixes the rare clash); `issue` when nothing is
 * known. Only Han characters, ASCII letters, digits, `-` and `_`.
 */
export function issueFileStem(issue: Pick<IssueGuess, 'paper' | 'date' | 'number'>): string {
  const known = [issue.date, issue.number === null ? null : `${issue.number}期`];
  const parts = (known.some((part) => part !== null) ? known : [issue.paper])
    .filter((part): part is string => part !== null && part !== '')
    .map((part) =>
      part
        .normalize('NFC')
        .replace(UNSAFE_STEM, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((part) => part !== '');
  return parts.length ? Array.from(parts.join('_')).slice(0, 64).join('') : 'issue';
}
