import type { Boundary, EditStatus, Edit, Flag, FlagStatus, PageAnalysis, SplitStatus } from '../model';

/**
 * One invertible step over a page's review state (its `PageAnalysis`). Every op carries both the
 * value it expects to find and the value it leaves, so its inverse needs no look-up and applying
 * it to a state it was not made for throws instead of silently doing something else.
 */
export type ReviewOp =
  | { type: 'edit-status'; id: string; from: EditStatus; to: EditStatus }
  /** `index` is the edit's position in `edits`, so removal and re-insertion restore the order exactly. */
  | { type: 'add-edit'; edit: Edit; index: number }
  | { type: 'remove-edit'; edit: Edit; index: number }
  /** Swaps a whole edit (same id); typing coalesces into one of these per block. */
  | { type: 'update-edit'; from: Edit; to: Edit }
  | { type: 'boundary-status'; id: string; from: SplitStatus; to: SplitStatus }
  | { type: 'add-boundary'; boundary: Boundary; index: number }
  | { type: 'remove-boundary'; boundary: Boundary; index: number }
  | { type: 'update-boundary'; from: Boundary; to: Boundary }
  | { type: 'flag-status'; id: string; from: FlagStatus; to: FlagStatus }
  /** A doubt raised after the page's analysis (the corpus check, which needs the whole library). */
  | { type: 'add-flag'; flag: Flag; index: number }
  | { type: 'remove-flag'; flag: Flag; index: number }
  /** The whole review state swapped for another (a Galley document imported over the editor's work). */
  | { type: 'replace-analysis'; from: PageAnalysis; to: PageAnalysis };

export class ReviewConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewConflictError';
  }
}

/**
 * Whether two analyses of a page read the same: equal but for the pipeline version that made them.
 * Putting one in place of the other changes nothing the editor could undo.
 */
export function readsTheSame(a: PageAnalysis, b: PageAnalysis): boolean {
  return JSON.stringify({ ...a, pipelineVersion: 0 }) === JSON.stringify({ ...b, pipelineVersion: 0 });
}

/** The op that undoes `op`. */
export function invertOp(op: ReviewOp): ReviewOp {
  switch (op.type) {
    case 'edit-status':
      return { ...op, from: op.to, to: op.from };
    case 'boundary-status':
      return { ...op, from: op.to, to: op.from };
    case 'flag-status':
      return { ...op, from: op.to, to: op.from };
    case 'add-edit':
      return { type: 'remove-edit', edit: op.edit, index: op.index };
    case 'remove-edit':
      return { type: 'add-edit', edit: op.edit, index: op.index };
    case 'update-edit':
      return { type: 'update-edit', from: op.to, to: op.from };
    case 'add-boundary':
      return { type: 'remove-boundary', boundary: op.boundary, index: op.index };
    case 'remove-boundary':
      return { type: 'add-boundary', boundary: op.boundary, index: op.index };
    case 'update-boundary':
      return { type: 'update-boundary', from: op.to, to: op.from };
    case 'add-flag':
      return { type: 'remove-flag', flag: op.flag, index: op.index };
    case 'remove-flag':
      return { type: 'add-flag', flag: op.flag, index: op.index };
    case 'replace-analysis':
      return { type: 'replace-analysis', from: op.to, to: op.from };
  }
}

/** The ops that undo `ops` (applied after them): each inverted, in reverse order. */
export function invertOps(ops: readonly ReviewOp[]): ReviewOp[] {
  return ops.map(invertOp).reverse();
}

/** Applies `ops` in order to a copy of `state`; the input is never mutated. */
export function applyOps(state: PageAnalysis, ops: readonly ReviewOp[]): PageAnalysis {
  let current = state;
  let { edits, boundaries, flags } = state;
  for (const op of ops) {
    switch (op.type) {
      case 'edit-status':
        edits = replaceWhere(
          edits,
          'edit',
          op.id,
          (edit) => expectStatus('edit', edit, op.from) && { ...edit, status: op.to },
        );
        break;
      case 'add-edit':
        edits = insertAt(edits, 'edit', op.edit, op.index);
        break;
      case 'remove-edit':
        edits = removeAt(edits, 'edit', op.edit, op.index);
        break;
      case 'update-edit':
        edits = replaceWhere(edits, 'edit', op.from.id, (edit) => expectSame('edit', edit, op.from) && op.to);
        break;
      case 'boundary-status':
        boundaries = replaceWhere(
          boundaries,
          'boundary',
          op.id,
          (b) => expectStatus('boundary', b, op.from) && { ...b, status: op.to },
        );
        break;
      case 'add-boundary':
        boundaries = insertAt(boundaries, 'boundary', op.boundary, op.index);
        break;
      case 'remove-boundary':
        boundaries = removeAt(boundaries, 'boundary', op.boundary, op.index);
        break;
      case 'update-boundary':
        boundaries = replaceWhere(
          boundaries,
          'boundary',
          op.from.id,
          (b) => expectSame('boundary', b, op.from) && op.to,
        );
        break;
      case 'flag-status':
        flags = replaceWhere(
          flags,
          'flag',
          op.id,
          (flag) => expectStatus('flag', flag, op.from) && { ...flag, status: op.to },
        );
        break;
      case 'add-flag':
        flags = insertAt(flags, 'flag', op.flag, op.index);
        break;
      case 'remove-flag':
        flags = removeAt(flags, 'flag', op.flag, op.index);
        break;
      case 'replace-analysis':
        if (JSON.stringify({ ...current, edits, boundaries, flags }) !== JSON.stringify(op.from)) {
          throw new ReviewConflictError('the page changed since its review was replaced');
        }
        current = op.to;
        ({ edits, boundaries, flags } = op.to);
        break;
    }
  }
  return { ...current, edits, boundaries, flags };
}

/**
 * Folds a run of ops into fewer equivalent ones: a swap of an edit folds into the op that last
 * added or swapped that same edit (a swap never moves an edit, so ops in between are unaffected).
 * Used to coalesce typing into one step per block.
 */
export function compactOps(ops: readonly ReviewOp[]): ReviewOp[] {
  const result: ReviewOp[] = [];
  for (const op of ops) {
    const earlier = op.type === 'update-edit' ? lastTouching(result, op.from.id) : -1;
    const target = result[earlier];
    if (op.type === 'update-edit' && target?.type === 'update-edit') {
      result[earlier] = { type: 'update-edit', from: target.from, to: op.to };
    } else if (op.type === 'update-edit' && target?.type === 'add-edit') {
      result[earlier] = { type: 'add-edit', edit: op.to, index: target.index };
    } else {
      result.push(op);
    }
  }
  return result;
}

function lastTouching(ops: readonly ReviewOp[], editId: string): number {
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i];
    if (op.type === 'update-edit' && op.to.id === editId) return i;
    if (op.type === 'add-edit' && op.edit.id === editId) return i;
    if ((op.type === 'edit-status' && op.id === editId) || (op.type === 'remove-edit' && op.edit.id === editId))
      return -1;
  }
  return -1;
}

interface WithId {
  id: string;
}

function replaceWhere<T extends WithId>(
  list: readonly T[],
  what: string,
  id: string,
  change: (item: T) => T | false,
): T[] {
  const index = list.findIndex((item) => item.id === id);
  if (index === -1) throw new ReviewConflictError(`no ${what} with id ${id} (of ${list.length})`);
  const next = [...list];
  next[index] = change(list[index]) as T;
  return next;
}

function insertAt<T extends WithId>(list: readonly T[], what: string, item: T, index: number): T[] {
  if (index < 0 || index > list.length) {
    throw new ReviewConflictError(`cannot add ${what} ${item.id} at ${index}: the list has ${list.length}`);
  }
  if (list.some((existing) => existing.id === item.id))
    throw new ReviewConflictError(`${what} ${item.id} exists already`);
  return [...list.slice(0, index), item, ...list.slice(index)];
}

function removeAt<T extends WithId>(list: readonly T[], what: string, item: T, index: number): T[] {
  if (list[index]?.id !== item.id) {
    throw new ReviewConflictError(`${what} ${item.id} is not at ${index} (found ${list[index]?.id ?? 'nothing'})`);
  }
  return [...list.slice(0, index), ...list.slice(index + 1)];
}

function expectStatus(what: string, item: WithId & { status: string }, expected: string): true {
  if (item.status !== expected) {
    throw new ReviewConflictError(`${what} ${item.id} is ${item.status}, expected ${expected}`);
  }
  return true;
}

function expectSame(what: string, item: WithId, expected: WithId): true {
  if (JSON.stringify(item) !== JSON.stringify(expected)) {
    throw new ReviewConflictError(`${what} ${item.id} changed since this step was recorded`);
  }
  return true;
}
