/**
 * Every cut-off a scored decision acts on, in one table. A probability at or above `apply` is
 * acted on; at or above `propose`, it is put to the editor; below, nothing happens. The
 * probabilities are calibrated (`npm run fit` reports how well), so a cut-off reads as the
 * fraction of such decisions that are right.
 */
export interface Cutoffs {
  apply: number;
  propose: number;
}

export const CUTOFFS = {
  /** Is a lone title-like line a headline? Applied: it opens an article; proposed: flagged as a possible one. */
  title: { apply: 0.5, propose: 0.2 },
  /** Is a block the first of a new article? Applied: a split without a question; proposed: a split flagged for checking. */
  boundary: { apply: 0.95, propose: 0.2 },
  /**
   * Is a block an extra copy of text printed elsewhere? Applied: removed; proposed: its removal is
   * put to the editor. Lower than a split's: dedupe never removes text its original does not print
   * (nor a cut paragraph's rest), so a wrong removal moves or drops a copy, it loses no words.
   */
  repeat: { apply: 0.6, propose: 0.4 },
  /**
   * Does a cut paragraph go on in the block after next, the next being printed in the break?
   * Applied: joined past it, which leaves the passed-over block to be put back in its article.
   * Never only proposed: the join it replaces is the one with the next block.
   */
  continuation: { apply: 0.8, propose: 0.8 },
  /**
   * Is the second of two title lines a caption under the headline rather than the headline under a
   * kicker? Applied: headline and caption; otherwise kicker and headline, as printed more often.
   */
  caption: { apply: 0.5, propose: 0.5 },
} as const satisfies Record<string, Cutoffs>;
