import {
  boundaryChunkStart,
  boundaryKey,
  decisionId,
  editKey,
  flagKey,
  mergedSpansContain,
  spanReading,
  textEditsInForce,
  type Boundary,
  type Decision,
  type DecisionAction,
  type DecisionKey,
  type Edit,
  type Flag,
  type NeedsLookReason,
  type PageAnalysis,
  type TextEdit,
} from '../model';
import type { ReviewOp } from './ops';
import { isTypedEdit } from './typing';

/** Who decided, when, on which page: the same for every decision one action makes. */
export interface DecisionContext {
  pageId: string;
  who: string;
  at: number;
}

type Target =
  { kind: 'boundary'; item: Boundary } | { kind: 'edit'; item: Edit; index: number } | { kind: 'flag'; item: Flag };

function targets(analysis: PageAnalysis): Map<DecisionKey, Target> {
  const found = new Map<DecisionKey, Target>();
  for (const boundary of analysis.boundaries) {
    const start = boundaryChunkStart(analysis, boundary);
    if (start !== null) found.set(boundaryKey(start), { kind: 'boundary', item: boundary });
  }
  analysis.edits.forEach((edit, index) => found.set(editKey(edit), { kind: 'edit', item: edit, index }));
  for (const flag of analysis.flags) found.set(flagKey(flag), { kind: 'flag', item: flag });
  return found;
}

/**
 * What the editor has decided about a target, read from the state the analysis holds. A target in
 * the state the pipeline leaves it (a proposed split, an open flag) or no longer there has none.
 */
function actionOf(analysis: PageAnalysis, target: Target): DecisionAction | null {
  switch (target.kind) {
    case 'boundary': {
      const boundary = target.item;
      const chunkStart = boundaryChunkStart(analysis, boundary)!;
      if (boundary.origin === 'editor') return { type: 'editor-split', chunkStart, boundary };
      if (boundary.status === 'proposed' && boundary.title === undefined) return null;
      return boundary.title === undefined
        ? { type: 'split', chunkStart, status: boundary.status }
        : { type: 'split', chunkStart, status: boundary.status, title: boundary.title };
    }
    case 'edit': {
      const edit = target.item;
      if (edit.origin === 'editor') return { type: 'editor-edit', edit, position: target.index };
      const { rule, start, end, before, after, status } = edit;
      return { type: 'edit-status', rule, start, end, before, after, status };
    }
    case 'flag': {
      const { rule, start, end, text, status } = target.item;
      return status === 'open' ? null : { type: 'flag-status', rule, start, end, text, status };
    }
  }
}

function decisionFor(key: DecisionKey, action: DecisionAction, context: DecisionContext): Decision {
  return { id: decisionId(context.pageId, key), pageId: context.pageId, key, who: context.who, at: context.at, action };
}

/** The target an op acts on, by kind and id; `key` when the op itself names what it goes by. */
function touchedBy(op: ReviewOp): { kind: Target['kind']; id: string; key?: DecisionKey } {
  switch (op.type) {
    case 'edit-status':
      return { kind: 'edit', id: op.id };
    case 'add-edit':
    case 'remove-edit':
      return { kind: 'edit', id: op.edit.id, key: editKey(op.edit) };
    case 'update-edit':
      return { kind: 'edit', id: op.to.id, key: editKey(op.to) };
    case 'boundary-status':
      return { kind: 'boundary', id: op.id };
    case 'add-boundary':
    case 'remove-boundary':
      return { kind: 'boundary', id: op.boundary.id };
    case 'update-boundary':
      return { kind: 'boundary', id: op.to.id };
    case 'flag-status':
      return { kind: 'flag', id: op.id };
    case 'add-flag':
    case 'remove-flag':
      return { kind: 'flag', id: op.flag.id, key: flagKey(op.flag) };
    case 'replace-analysis':
      throw new RangeError('a replaced analysis has its decisions derived, not stepped');
  }
}

/** The target with `id` in `analysis` and the key it goes by; null when it is not there (or its chunk is not). */
function targetById(
  analysis: PageAnalysis,
  kind: Target['kind'],
  id: string,
): { key: DecisionKey; target: Target } | null {
  switch (kind) {
    case 'boundary': {
      const item = analysis.boundaries.find((b) => b.id === id);
      const start = item ? boundaryChunkStart(analysis, item) : null;
      return item && start !== null ? { key: boundaryKey(start), target: { kind, item } } : null;
    }
    case 'edit': {
      const index = analysis.edits.findIndex((e) => e.id === id);
      if (index === -1) return null;
      const item = analysis.edits[index];
      return { key: editKey(item), target: { kind, item, index } };
    }
    case 'flag': {
      const item = analysis.flags.find((f) => f.id === id);
      return item ? { key: flagKey(item), target: { kind, item } } : null;
    }
  }
}

/**
 * The decisions one step makes on a page: each target its ops touched, as `after` holds it; `remove`
 * are ids whose target went back to automatic or away. Only the touched targets are keyed, so a
 * step costs the same on a page of 50,000 edits as on one of fifty.
 */
export function stepDecisions(
  before: PageAnalysis,
  after: PageAnalysis,
  ops: readonly ReviewOp[],
  context: DecisionContext,
): { put: Decision[]; remove: string[] } {
  const touched = new Map<DecisionKey, Target | null>();
  for (const op of ops) {
    const ref = touchedBy(op);
    const now = targetById(after, ref.kind, ref.id);
    const key = ref.key ?? now?.key ?? targetById(before, ref.kind, ref.id)?.key;
    if (key === undefined) continue;
    // Another op may have left a target under the same key (a flag raised again on the same span).
    touched.set(key, now?.key === key ? now.target : (touched.get(key) ?? null));
  }
  const put: Decision[] = [];
  const remove: string[] = [];
  for (const [key, target] of touched) {
    const action = target ? actionOf(after, target) : null;
    if (action) put.push(decisionFor(key, action, context));
    else remove.push(decisionId(context.pageId, key));
  }
  return { put, remove };
}

/**
 * Every decision an edited analysis holds over `base`, a pipeline's own output for the same raw
 * text: each target whose state differs from the pipeline's, and everything the editor added.
 * `base` may come from a later pipeline than `reviewed` did: an automatic edit it no longer makes
 * counts as decided only when reverted, because applied and proposed are what pipelines leave.
 */
export function deriveDecisions(base: PageAnalysis, reviewed: PageAnalysis, context: DecisionContext): Decision[] {
  const baseTargets = targets(base);
  const decisions: Decision[] = [];
  for (const [key, target] of targets(reviewed)) {
    if (!decidedOver(baseTargets.get(key), target)) continue;
    const action = actionOf(reviewed, target);
    if (action) decisions.push(decisionFor(key, action, context));
  }
  return decisions;
}

function decidedOver(original: Target | undefined, target: Target): boolean {
  if (target.kind !== 'flag' && target.item.origin === 'editor') return true;
  if (target.kind === 'edit')
    return original ? original.item.status !== target.item.status : target.item.status === 'reverted';
  if (!original) return true;
  const title = (t: Target) => (t.kind === 'boundary' ? t.item.title : undefined);
  return original.item.status !== target.item.status || title(original) !== title(target);
}

export interface ReplayResult {
  analysis: PageAnalysis;
  /** Decisions whose target the analysis no longer has, each marked with why; none is dropped. */
  needsLook: Decision[];
}

const REPLAY_ORDER: Record<DecisionAction['type'], number> = {
  // Splits first: an editor's split is an article id that its field values refer to.
  'editor-split': 0,
  split: 1,
  'edit-status': 2,
  'flag-status': 3,
  'editor-edit': 4,
};

function replayRank(decision: Decision): [number, number] {
  const { action } = decision;
  return [REPLAY_ORDER[action.type], action.type === 'editor-edit' ? action.position : 0];
}

/** The decision with its last replay's "needs a look" mark taken off: it found its target. */
export function inForce(decision: Decision): Decision {
  const kept = { ...decision };
  delete kept.needsLook;
  return kept;
}

/** The decisions as a replay found them: each that missed its target with the reason, the rest in force. */
export function markedAfterReplay(decisions: readonly Decision[], needsLook: readonly Decision[]): Decision[] {
  const lookAt = new Map(needsLook.map((decision) => [decision.id, decision]));
  return decisions.map((decision) => lookAt.get(decision.id) ?? inForce(decision));
}

/** Applies the editor's decisions to a (new) analysis of the same raw text. Pure. */
export function replay(analysis: PageAnalysis, decisions: readonly Decision[]): ReplayResult {
  const chunkAt = new Map(analysis.chunks.map((c) => [c.start, c]));
  const chunksInOrder = [...analysis.chunks].sort((a, b) => a.start - b.start);
  /** The text edits in force but for typed ones, made again only when a replayed edit changes them. */
  let untyped: TextEdit[] | null = null;
  const chunkById = new Map(analysis.chunks.map((c) => [c.id, c]));
  let boundaries = [...analysis.boundaries];
  const edits = [...analysis.edits];
  const flags = [...analysis.flags];
  const needsLook: Decision[] = [];

  const ordered = [...decisions].sort((a, b) => {
    const [ra, pa] = replayRank(a);
    const [rb, pb] = replayRank(b);
    return ra - rb || pa - pb;
  });
  for (const decision of ordered) {
    const missing = apply(decision);
    if (missing) needsLook.push({ ...decision, needsLook: missing });
  }
  return { analysis: { ...analysis, boundaries, edits, flags }, needsLook };

  function apply(decision: Decision): NeedsLookReason | null {
    const { action } = decision;
    switch (action.type) {
      case 'split': {
        const chunk = chunkAt.get(action.chunkStart);
        const index = chunk ? boundaries.findIndex((b) => b.chunk === chunk.id) : -1;
        if (index === -1) return 'split-gone';
        const replayed: Boundary = { ...boundaries[index], status: action.status };
        if (action.title === undefined) delete replayed.title;
        else replayed.title = action.title;
        boundaries[index] = replayed;
        return null;
      }
      case 'editor-split': {
        const chunk = chunkAt.get(action.chunkStart);
        if (!chunk) return 'chunk-gone';
        const placed = { ...action.boundary, chunk: chunk.id };
        boundaries = boundaries.filter((b) => b.chunk !== chunk.id && b.id !== placed.id);
        const index = boundaries.findIndex((b) => (chunkById.get(b.chunk)?.start ?? 0) > chunk.start);
        boundaries.splice(index === -1 ? boundaries.length : index, 0, placed);
        return null;
      }
      case 'edit-status': {
        const index = edits.findIndex((e) => e.origin === 'auto' && editKey(e) === decision.key);
        if (index === -1) return 'edit-gone';
        edits[index] = { ...edits[index], status: action.status };
        return null;
      }
      case 'flag-status': {
        const index = flags.findIndex((f) => flagKey(f) === decision.key);
        if (index === -1) return 'flag-gone';
        flags[index] = { ...flags[index], status: action.status };
        return null;
      }
      case 'editor-edit': {
        const missing = editorEditTarget(action.edit);
        if (missing) return missing;
        const index = edits.findIndex((e) => e.id === action.edit.id);
        if (index === -1) edits.push(action.edit);
        else edits[index] = action.edit;
        if (!isTypedEdit(action.edit)) untyped = null;
        return null;
      }
    }
  }

  /** An editor's edit holds while what it names is still there: its chunk with the same raw span, its article. */
  function editorEditTarget(edit: Edit): NeedsLookReason | null {
    const { op } = edit;
    const sameChunk = (id: string) => {
      const chunk = chunkById.get(id);
      return chunk !== undefined && chunk.start === edit.start && chunk.end === edit.end;
    };
    switch (op.type) {
      case 'replace':
        return op.cleanBefore === undefined ? null : typedTarget(edit, op.cleanBefore);
      case 'extract':
        return null;
      case 'set-text':
      case 'role':
        return sameChunk(op.chunk) ? null : 'chunk-gone';
      case 'move':
        return sameChunk(op.chunk) && chunkById.has(op.after) ? null : 'chunk-gone';
      case 'join':
        return chunkById.has(op.chunk) && chunkById.has(op.onto) ? null : 'chunk-gone';
      case 'set-field':
      case 'set-captions':
        return op.article === 'page-start' || boundaries.some((b) => b.id === op.article && b.status !== 'rejected')
          ? null
          : 'article-gone';
    }
  }

  /**
   * Typed text holds while its raw span lies in one chunk and reads as it did when it was typed
   * over: a new pipeline that cuts or edits that text otherwise leaves it to the editor.
   */
  function typedTarget(edit: Edit, cleanBefore: string): NeedsLookReason | null {
    if (!mergedSpansContain(chunksInOrder, edit)) return 'chunk-gone';
    untyped ??= textEditsInForce(edits.filter((e) => e.status === 'applied' && !isTypedEdit(e)));
    return spanReading(edit, edit.before, untyped) === cleanBefore ? null : 'text-changed';
  }
}
