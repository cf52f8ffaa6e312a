/**
 * The part of PouchDB's API that the team sync uses. DefinitelyTyped's @types/pouchdb-core is not
 * used: it declares a global `Buffer` interface that breaks Node's own for the rest of the project.
 */
declare module 'pouchdb-browser' {
  interface StoredFields {
    _id: string;
    _rev: string;
    /** The losing revisions of a conflicted document, when asked for with `conflicts: true`. */
    _conflicts?: string[];
  }

  interface Change<Doc> {
    id: string;
    seq: number | string;
    deleted?: boolean;
    doc?: Doc & StoredFields;
  }

  interface Feed<Doc> {
    on(event: 'change', listener: (change: Change<Doc>) => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
    cancel(): void;
  }

  /** A live two-way replication. With `retry: false` it stops at its first failure, with `error`. */
  interface Replication {
    on(event: 'active' | 'paused', listener: () => void): this;
    on(event: 'denied' | 'error', listener: (error: unknown) => void): this;
    cancel(): void;
  }

  interface SyncOptions {
    live?: boolean;
    retry?: boolean;
  }

  interface Written {
    ok: boolean;
    id: string;
    rev: string;
  }

  /** One document's outcome in `bulkDocs`: written, or why not (a conflict, a refusal). */
  type BulkOutcome = Written | { error: unknown; id: string; status?: number; message?: string };

  /** A row of `allDocs`: with `keys`, an id the database lacks has an error, a deleted one no document. */
  interface AllDocsRow<Doc> {
    id: string;
    key: string;
    value?: { rev: string; deleted?: boolean };
    error?: string;
    doc?: (Doc & StoredFields) | null;
  }

  class PouchDB<Doc extends { _id: string }> {
    /**
     * `adapter: 'idb'` keeps a database in IndexedDB whatever its name looks like; `auth` signs every
     * request to a remote one with HTTP Basic authorization.
     */
    constructor(name: string, options?: { adapter?: 'idb' | 'http'; auth?: { username: string; password: string } });
    get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<Doc & StoredFields>;
    put(doc: Doc & Partial<StoredFields>): Promise<Written>;
    remove(id: string, rev: string): Promise<Written>;
    allDocs(options?: {
      include_docs?: boolean;
      conflicts?: boolean;
      keys?: string[];
      /** The ids from `startkey` to `endkey`, both included, in code unit order. */
      startkey?: string;
      endkey?: string;
    }): Promise<{ rows: Array<AllDocsRow<Doc>> }>;
    /** Writes every document in one request; `_deleted: true` with its `_rev` deletes one. */
    bulkDocs(
      docs: Array<(Doc & Partial<StoredFields>) | { _id: string; _rev: string; _deleted: true }>,
    ): Promise<BulkOutcome[]>;
    changes(options: {
      since: number | string | 'now';
      live: true;
      include_docs: true;
      conflicts?: boolean;
    }): Feed<Doc>;
    sync(remote: PouchDB<Doc>, options: SyncOptions): Replication;
    close(): Promise<void>;
  }

  export default PouchDB;
  export type { AllDocsRow, BulkOutcome, Change, Feed, Replication, StoredFields };
}
