import type { Decision } from '../../src-shared/model';
import { decisionOfDocument, type DecisionDocument } from './documents';

/**
 * Two or more editors decided the same target while apart. CouchDB keeps every revision and picks
 * the same winner on every desk; the desk applies the winner and shows all of them, each with its
 * author, until an editor keeps one.
 */
export interface TeamConflict {
  /** The decision id the revisions are versions of. */
  id: string;
  pageId: string;
  /** The winning revision first, the one every desk applies meanwhile. */
  versions: Array<{ rev: string; decision: Decision }>;
}

/** The conflict the revisions of one decision document make, winner first. */
export function teamConflict(revisions: ReadonlyArray<DecisionDocument & { _rev: string }>): TeamConflict {
  const versions = revisions.map((document) => ({ rev: document._rev, decision: decisionOfDocument(document) }));
  return { id: versions[0].decision.id, pageId: versions[0].decision.pageId, versions };
}
