// Model calls scored a batch at a time (an ONNX model: its runtime answers asynchronously, and
// a whole poll of rows in one run costs little more than one row). Evaluation has two passes
// over the rows an operator buffered during a poll: the first evaluates each call's feature
// arguments into its batch, the batch runs once, and the second evaluates the operator's
// expressions as usual, each call reading its row's result from the batch. The operator tells
// the collector which rows the second pass evaluates, so a call finds its row's slot by the row.
import type { FeatureBatch } from '../../../udfs/types.js';
import type { Evaluator } from './compile-env.js';

export interface BatchedCall {
  /** The feature arguments, evaluated in the first pass (none for a call following another's). */
  args: Evaluator[];
  batch: FeatureBatch;
  /** Why a slot's features could not be evaluated (sparse; undefined when none failed). */
  failed: unknown[] | undefined;
  /** The call whose features and run this one shares (BatchScorer.follow). */
  leader?: BatchedCall;
}

/** The batched calls compiled for one operator, and the rows its second pass is evaluating. */
export class BatchCollector {
  readonly calls: BatchedCall[] = [];
  /** Calls that lead, by model and features (see sharedFeaturesKey). */
  readonly leaders = new Map<string, BatchedCall>();
  /** Set while a batched call's arguments compile: a batched call inside them is refused. */
  inArgs = 0;
  private row: unknown[] | undefined;
  private rowSlot = -1;
  private old: unknown[] | undefined;
  private oldSlot = -1;

  /** The second pass is about to evaluate `row` (and `old`, a table's previous row) with these slots. */
  evaluating(row: unknown[] | undefined, rowSlot: number, old: unknown[] | null | undefined, oldSlot: number): void {
    this.row = row; this.rowSlot = rowSlot;
    this.old = old ?? undefined; this.oldSlot = oldSlot;
  }

  /** The slot of a row in the current batch, or -1 when it was not collected. */
  slotOf(row: unknown[]): number {
    return row === this.row ? this.rowSlot : row === this.old ? this.oldSlot : -1;
  }
}
