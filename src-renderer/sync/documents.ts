import {
  contentHashOfPageId,
  type Approval,
  type Decision,
  type IssuePage,
  type IssueRecord,
  type PageStatus,
  type SourceEncoding,
} from '../../src-shared/model';
import { contentHash } from '../../src-shared/pipeline/decode';

/**
 * How the local records that a team shares are written as documents of the team's CouchDB
 * database. Only the editors' own facts travel: a decision is what one editor did to one target of
 * one page, and every desk derives its page's analysis from the raw text and these decisions.
 * The analysis itself is never a document, since each desk recomputes it.
 */

/** A decision as a team document: the record without `needsLook`, which each desk's replay sets for itself. */
export interface DecisionDocument {
  _id: string;
  _rev?: string;
  type: 'decision';
  pageId: string;
  key: Decision['key'];
  who: string;
  at: number;
  action: Decision['action'];
}

const DECISION_PREFIX = 'decision:';

/** A decision's document id: its local id under a prefix, so other kinds of document can sit beside it. */
export function decisionDocumentId(decisionId: string): string {
  return DECISION_PREFIX + decisionId;
}

/** The local decision id a document stands for, or null for a document of another kind. */
export function decisionIdOfDocument(documentId: string): string | null {
  return documentId.startsWith(DECISION_PREFIX) ? documentId.slice(DECISION_PREFIX.length) : null;
}

export function decisionDocument(decision: Decision): DecisionDocument {
  const { id, pageId, key, who, at, action } = decision;
  return { _id: decisionDocumentId(id), type: 'decision', pageId, key, who, at, action };
}

export function decisionOfDocument(document: DecisionDocument): Decision {
  const { _id, pageId, key, who, at, action } = document;
  return { id: decisionIdOfDocument(_id) ?? _id, pageId, key, who, at, action };
}

/** Whether a document says what the decision says; CouchDB's own fields and the local `needsLook` do not count. */
export function sameDecision(document: DecisionDocument, decision: Decision): boolean {
  return sameValue(stripCouchFields(document), stripCouchFields(decisionDocument(decision)));
}

function stripCouchFields(document: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([name]) => !name.startsWith('_') || name === '_id'));
}

/** Structural equality of JSON values: key order differs between a record built here and one read back from CouchDB. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** A change read from the local replica: a decision document as it now stands, or its id once deleted. */
export type DecisionChange = { document: DecisionDocument } | { deletedId: string };

/** What one page's local decisions must become to match what arrived from the team. */
export interface InboundDecisions {
  put: Decision[];
  remove: string[];
}

/**
 * The local writes that bring `local` (each changed id's decision as stored here, or undefined) in
 * line with the arrived changes, grouped by page. A change equal to what is stored (this desk's own,
 * come back) writes nothing; a decision changed here and not yet sent (`unsent`) keeps the local
 * version, which goes out next and follows the arrived one.
 */
export function inboundDecisions(
  changes: readonly DecisionChange[],
  local: ReadonlyMap<string, Decision>,
  unsent: Pick<ReadonlySet<string>, 'has'>,
): Map<string, InboundDecisions> {
  const byPage = new Map<string, InboundDecisions>();
  const pageOf = (pageId: string) => {
    let writes = byPage.get(pageId);
    if (!writes) byPage.set(pageId, (writes = { put: [], remove: [] }));
    return writes;
  };
  for (const change of changes) {
    if ('deletedId' in change) {
      const stored = local.get(change.deletedId);
      if (stored && !unsent.has(stored.id)) pageOf(stored.pageId).remove.push(stored.id);
      continue;
    }
    const decision = decisionOfDocument(change.document);
    const stored = local.get(decision.id);
    if (unsent.has(decision.id) || (stored && sameDecision(change.document, stored))) continue;
    pageOf(decision.pageId).put.push(decision);
  }
  return byPage;
}

/** The write that brings the replica's document (null when there is none, or it is deleted) in line with the local decision. */
export type OutboundWrite = { put: DecisionDocument } | { remove: DecisionDocument } | null;

/**
 * `pageHeld` says whether this library still has the decision's page. A decision gone with its
 * page was not taken back: the editor removed the page from their own library, and the team's
 * decisions on it stay.
 */
export function outboundDecision(
  local: Decision | undefined,
  current: DecisionDocument | null,
  pageHeld: boolean,
): OutboundWrite {
  if (!local) return current && pageHeld ? { remove: current } : null;
  if (current && sameDecision(current, local)) return null;
  return { put: current?._rev ? { ...decisionDocument(local), _rev: current._rev } : decisionDocument(local) };
}

/** Who has a page: an editor took it (or was given it) at `since`. Others see it as taken and can still read it. */
export interface Assignment {
  editor: string;
  since: number;
}

export interface AssignmentDocument extends Assignment {
  _id: string;
  _rev?: string;
  type: 'assignment';
  pageId: string;
}

/** The kinds of document there is one of per page, named `<kind>:<page id>`. */
export type PageDocumentKind = 'assignment' | 'status' | 'page';

export function pageDocumentId(kind: PageDocumentKind, pageId: string): string {
  return `${kind}:${pageId}`;
}

/** The page a document of that kind is about, or null for a document of another kind. */
export function pageIdOf(kind: PageDocumentKind, documentId: string): string | null {
  const prefix = `${kind}:`;
  return documentId.startsWith(prefix) ? documentId.slice(prefix.length) : null;
}

export function assignmentDocument(pageId: string, { editor, since }: Assignment): AssignmentDocument {
  return { _id: pageDocumentId('assignment', pageId), type: 'assignment', pageId, editor, since };
}

/**
 * Where a page stands for the team (new, in review, approved, and who approved it when). Only a
 * chief may write one saying `approved`: the server's rules refuse it from anyone else.
 */
export interface PageState {
  status: PageStatus;
  approval?: Approval;
}

export interface StatusDocument extends PageState {
  _id: string;
  _rev?: string;
  type: 'status';
  pageId: string;
  /**
   * The page's status clock: a desk moving the page writes one more than the highest clock of the
   * versions it holds, so a move made after seeing another is always the greater.
   */
  clock: number;
}

export function statusDocument(pageId: string, { status, approval }: PageState, clock: number): StatusDocument {
  const document: StatusDocument = { _id: pageDocumentId('status', pageId), type: 'status', pageId, status, clock };
  return approval ? { ...document, approval } : document;
}

/** Whether two page states say the same: a page approved by someone else, or at another time, is not. */
export function samePageState(a: PageState, b: PageState): boolean {
  return a.status === b.status && sameValue(a.approval, b.approval);
}

/**
 * Between two moves made apart (the same clock: neither desk had seen the other's), an approval
 * yields to any other move, since it signed off a text without the other desk's change; a page in
 * review yields to none, since someone changed it.
 */
const PRECEDENCE_APART: Record<PageStatus, number> = { approved: 0, new: 1, 'in-review': 2 };

/**
 * Orders two versions of a page's status, the one that stands last. The later clock wins; moves
 * made apart go by `PRECEDENCE_APART`, two approvals made apart by the later sign-off, and the
 * rest by CouchDB's revision, so every desk picks the same version from the same versions.
 */
function byStanding(a: StatusDocument, b: StatusDocument): number {
  return (
    a.clock - b.clock ||
    PRECEDENCE_APART[a.status] - PRECEDENCE_APART[b.status] ||
    (a.approval?.at ?? 0) - (b.approval?.at ?? 0) ||
    byCodeUnits(a._rev ?? '', b._rev ?? '')
  );
}

/** Text order by code units, the same on every desk whatever its locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The version of a page's status that stands, from every version the replica holds (the winner
 * CouchDB picked and its conflicts), whatever order they arrived in; null when there is none.
 */
export function standingStatus(versions: readonly StatusDocument[]): StatusDocument | null {
  return versions.reduce<StatusDocument | null>(
    (standing, version) => (standing && byStanding(standing, version) >= 0 ? standing : version),
    null,
  );
}

/** The clock of this desk's next move of a page: past every version it holds. */
export function nextStatusClock(versions: readonly StatusDocument[]): number {
  return Math.max(0, ...versions.map((version) => version.clock)) + 1;
}

/**
 * What this desk's page must become to match the team's versions of its status, or null to leave
 * it: when it already says the same, or when it holds a move of its own not yet sent (`movedHere`),
 * which goes out next with a later clock than any version here.
 */
export function inboundStatus(
  local: PageState,
  versions: readonly StatusDocument[],
  movedHere: boolean,
): PageState | null {
  const standing = standingStatus(versions);
  if (movedHere || !standing || samePageState(local, standing)) return null;
  return { status: standing.status, approval: standing.approval };
}

/**
 * The issue a page belongs to on the desk that sent it, so a desk that receives the page files it
 * in the same issue: the issue's own fields, and the page's place in it.
 */
export interface PageIssue extends Pick<IssueRecord, 'id' | 'paper' | 'date' | 'number'> {
  page: Omit<IssuePage, 'pageId'>;
}

/**
 * A page as the team shares it: what the library lists of it, without anything one desk did to it
 * (when it was imported here, its review, its status; those travel as their own documents). Two
 * desks that import the same file under the same name write the same document, so CouchDB, whose
 * revision ids are hashes of the contents, sees one document and no conflict.
 */
export interface PageDocument {
  _id: string;
  _rev?: string;
  type: 'page';
  pageId: string;
  name: string;
  size: number;
  encoding: SourceEncoding;
  issue?: PageIssue;
}

/**
 * A page's raw text, once per content hash (`raw:<hash>`): copies of a page share it, and it is
 * never rewritten, so the page's document can change (its issue) without sending the text again.
 * `textHash` is the SHA-256 of the text as UTF-8, which a receiving desk checks before storing it.
 */
export interface RawDocument {
  _id: string;
  _rev?: string;
  type: 'raw';
  text: string;
  textHash: string;
}

const RAW_PREFIX = 'raw:';

/** The raw text document of a page: one per content hash, whichever copy of the page names it. */
export function rawDocumentId(pageId: string): string {
  return RAW_PREFIX + contentHashOfPageId(pageId);
}

/** The content hash a raw text document is of, or null for a document of another kind. */
export function contentHashOfRawDocument(documentId: string): string | null {
  return documentId.startsWith(RAW_PREFIX) ? documentId.slice(RAW_PREFIX.length) : null;
}

/** What the desk holds of a page, as `pageDocument` reads it. */
export interface HeldPage {
  id: string;
  name: string;
  size: number;
  encoding: SourceEncoding;
}

export function pageDocument(page: HeldPage, issue: IssueRecord | undefined): PageDocument {
  const document: PageDocument = {
    _id: pageDocumentId('page', page.id),
    type: 'page',
    pageId: page.id,
    name: page.name,
    size: page.size,
    encoding: page.encoding,
  };
  const place = issue?.pages.find((entry) => entry.pageId === page.id);
  if (!issue || !place) return document;
  const { id, paper, date, number } = issue;
  return {
    ...document,
    issue: { id, paper, date, number, page: { pageNumber: place.pageNumber, pageName: place.pageName } },
  };
}

export async function rawDocument(pageId: string, text: string): Promise<RawDocument> {
  return { _id: rawDocumentId(pageId), type: 'raw', text, textHash: await textHash(text) };
}

function textHash(text: string): Promise<string> {
  return contentHash(new TextEncoder().encode(text));
}

/** Whether the replica's page document already says what `wanted` says (CouchDB's fields aside). */
export function samePageDocument(current: PageDocument, wanted: PageDocument): boolean {
  return sameValue(stripCouchFields(current), stripCouchFields(wanted));
}

/** Why a page from the team was refused, for the notice to say in the interface language. */
export type PageRefusal = 'id' | 'kind' | 'name' | 'size' | 'encoding' | 'issue' | 'raw' | 'hash';

/** A page that arrived from the team, checked: the rows to store, or why it was refused. */
export type InboundPage =
  | { ok: true; page: HeldPage; text: string; issue?: PageIssue }
  | { ok: false; pageId: string; name: string | null; reason: PageRefusal };

const PAGE_ID = /^[0-9a-f]{64}(-[1-9]\d*)?$/;
const ENCODINGS: readonly SourceEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'];

/**
 * Checks a page document and its raw text document as they came from the server, which any desk
 * (or anyone with access) could have written: a page whose fields are not a page's, or whose text
 * is not the text its hash names, is refused with the reason, and nothing of it is stored.
 */
export async function inboundPage(documentId: string, page: unknown, raw: unknown): Promise<InboundPage> {
  const pageId = pageIdOf('page', documentId) ?? documentId;
  const fields = (value: unknown) =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const p = fields(page);
  const r = fields(raw);
  const name = typeof p.name === 'string' && p.name.trim() !== '' ? p.name : null;
  const refuse = (reason: PageRefusal): InboundPage => ({ ok: false, pageId, name, reason });
  if (!PAGE_ID.test(pageId)) return refuse('id');
  if (p.type !== 'page' || p.pageId !== pageId) return refuse('kind');
  if (name === null) return refuse('name');
  if (typeof p.size !== 'number' || !Number.isSafeInteger(p.size) || p.size < 0) return refuse('size');
  if (!ENCODINGS.includes(p.encoding as SourceEncoding)) return refuse('encoding');
  const issue = p.issue === undefined ? undefined : pageIssue(p.issue);
  if (issue === null) return refuse('issue');
  if (r.type !== 'raw' || typeof r.text !== 'string' || typeof r.textHash !== 'string') return refuse('raw');
  if ((await textHash(r.text)) !== r.textHash) return refuse('hash');
  const held: HeldPage = { id: pageId, name, size: p.size, encoding: p.encoding as SourceEncoding };
  return { ok: true, page: held, text: r.text, ...(issue ? { issue } : {}) };
}

/** The issue a page document names, or null when it is not one. */
function pageIssue(value: unknown): PageIssue | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, paper, date, number, page } = value as Record<string, unknown>;
  const text = (field: unknown) => field === null || typeof field === 'string';
  if (typeof id !== 'string' || id === '' || !text(paper) || !text(date) || !text(number)) return null;
  if (typeof page !== 'object' || page === null) return null;
  const { pageNumber, pageName } = page as Record<string, unknown>;
  if (!(pageNumber === null || Number.isSafeInteger(pageNumber)) || !text(pageName)) return null;
  return {
    id,
    paper: paper as string | null,
    date: date as string | null,
    number: number as string | null,
    page: { pageNumber: pageNumber as number | null, pageName: pageName as string | null },
  };
}
