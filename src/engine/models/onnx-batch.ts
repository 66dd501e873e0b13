// One call site's batch of an ONNX model (udfs/types.ts FeatureBatch): the features of a poll's
// rows in one Float32Array [n, k], reused from poll to poll, one run of the session, and a
// reader that turns row i of the outputs into the function's SQL value. The run uses the
// session current when it starts: a CREATE OR REPLACE meanwhile affects the next batch.
import type { FeatureBatch, ModelFunctionKind } from '../../../udfs/types.js';
import type { OnnxSession, OutputValues } from '../../ml/onnx/onnx-session.js';
import type { OnnxRoles } from '../../ml/onnx/onnx-outputs.js';
import { Decimal } from '../../types/decimal.js';

/** What a batch needs of its model: the session and roles current when a run starts. */
export interface OnnxLoaded { session: OnnxSession; roles: OnnxRoles }

type Reader = (row: number) => unknown;

export class OnnxBatch implements FeatureBatch {
  private x = new Float32Array(0);
  private n = 0;
  private k: number;
  private read: Reader | undefined;
  private error: unknown;
  /** This batch's run, once started (reset clears it): the leader and its followers share it. */
  private running: Promise<void> | undefined;
  /** Batches of other functions on this batch's features, answered by its run (see follow). */
  private readonly followers: OnnxBatch[] = [];

  constructor(private readonly current: () => OnnxLoaded, private readonly fn: ModelFunctionKind, private readonly leader?: OnnxBatch) {
    this.k = current().session.input.width;
  }

  /** A batch for `fn` on this batch's features, of the same model: one run answers both. */
  follower(fn: ModelFunctionKind, current: () => OnnxLoaded): OnnxBatch | undefined {
    if (this.leader !== undefined || current !== this.current) return undefined;
    const f = new OnnxBatch(current, fn, this);
    this.followers.push(f);
    return f;
  }

  reset(rows: number): void {
    this.n = rows;
    this.read = undefined;
    this.error = undefined;
    this.running = undefined;
    if (this.leader) return; // its features are the leader's
    this.k = this.current().session.input.width;
    const need = rows * this.k;
    if (this.x.length < need) this.x = new Float32Array(Math.max(need, this.x.length * 2));
  }

  set(row: number, feature: number, value: unknown): void {
    this.x[row * this.k + feature] = toFloat(value);
  }

  run(): Promise<void> {
    if (this.leader) return this.leader.run();
    return (this.running ??= this.runAll());
  }

  /** One run for this batch and its followers, asking the session for every output they read. */
  private async runAll(): Promise<void> {
    const loaded = this.current();
    if (this.n === 0) return;
    const all = [this as OnnxBatch, ...this.followers];
    try {
      if (loaded.session.input.width !== this.k) throw new Error(`the model now takes ${loaded.session.input.width} features, not ${this.k}`);
      const names = [...new Set(all.flatMap((b) => outputsFor(b.fn, loaded.roles)))];
      const out = await loaded.session.run(this.x, this.n, names);
      for (const b of all) b.read = reader(b.fn, loaded.roles, out, this.x, this.k);
    } catch (e) {
      const error = new Error(`the ONNX model failed on a batch of ${this.n} rows: ${e instanceof Error ? e.message : String(e)}`);
      for (const b of all) b.error = error;
    }
  }

  result(row: number): unknown {
    if (this.error !== undefined) throw this.error;
    return this.read!(row);
  }
}

/** NULL (and anything not a number) is NaN: the model decides what a missing value means. */
function toFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Decimal) return Number(v.toString());
  return Number(v);
}

function outputsFor(fn: ModelFunctionKind, r: OnnxRoles): string[] {
  switch (fn) {
    case 'PREDICT': return [r.predict.name];
    case 'PREDICT_PROBA': return [r.proba!.output.name];
    case 'ANOMALY_SCORE': return [r.anomaly!.output.name];
    case 'CLUSTER': return [];
  }
}

function reader(fn: ModelFunctionKind, r: OnnxRoles, out: Map<string, OutputValues>, x: Float32Array, k: number): Reader {
  switch (fn) {
    case 'PREDICT': {
      const { values, width } = out.get(r.predict.name)!;
      if (width === 1) return (i) => values[i];
      return (i) => Array.from({ length: width }, (_, j) => values[i * width + j]);
    }
    case 'PREDICT_PROBA': {
      const p = r.proba!;
      const { values, width } = out.get(p.output.name)! as { values: ArrayLike<number>; width: number };
      if (p.binary) return (i) => values[i * width + 1];
      const keys = p.classes.map(String);
      return (i) => {
        const m = new Map<string, number>();
        for (let j = 0; j < width; j++) m.set(keys[j] ?? String(j), values[i * width + j]);
        return m;
      };
    }
    case 'ANOMALY_SCORE': {
      const a = r.anomaly!;
      const { values, width } = out.get(a.output.name)! as { values: ArrayLike<number>; width: number };
      if (!a.reconstruction) return (i) => values[i * width];
      // The mean squared reconstruction error over the row's features.
      return (i) => {
        let sum = 0;
        for (let j = 0; j < k; j++) { const d = values[i * width + j] - x[i * k + j]; sum += d * d; }
        return sum / k;
      };
    }
    case 'CLUSTER': return () => null;
  }
}
