// An ONNX model loaded into onnxruntime: its one input checked to be a float32 [N, k] tensor,
// its outputs measured on a probe row, and runs on n rows at once ([n, k]; row by row when the
// model's batch dimension is fixed at 1). Knows nothing of SQL.
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { loadOrt, type Ort } from './onnx-runtime.js';
import { classLabels } from './onnx-class-labels.js';

/** Why Eddy cannot use a model (its inputs or outputs); the message is for the user. */
export class OnnxShapeError extends Error {}

export interface OnnxTensorInfo {
  name: string;
  /** onnxruntime's type name: float32, int64, string, ... */
  type: string;
  /** As the model declares it: numbers, or a name (or '') for a dynamic dimension. */
  shape: (number | string)[];
}

export interface OnnxOutput extends OnnxTensorInfo {
  /** Values per row, as measured on the probe row. */
  width: number;
}

/** An output's values for the rows of one run: `width` values per row, row after row. */
export interface OutputValues { values: ArrayLike<number> | string[]; width: number; type: string }

export class OnnxSession {
  private inflight = 0;
  private closing = false;
  /** Runs of the session (the probe at load not counted), and the rows they scored. */
  runs = 0;
  rowsScored = 0;

  private constructor(
    private readonly ort: Ort,
    private readonly session: InferenceSession,
    readonly input: OnnxTensorInfo & { width: number; fixedBatch: boolean },
    readonly outputs: OnnxOutput[],
    /** A classifier's class labels, in the order of its probabilities (from the graph). */
    readonly classes: (number | string)[] | undefined,
    readonly bytes: number,
  ) {}

  /** Loads and checks a model; OnnxShapeError when Eddy cannot feed it, Error when it cannot load or run. */
  static async load(model: Uint8Array): Promise<OnnxSession> {
    const ort = await loadOrt();
    const session = await ort.InferenceSession.create(model, { graphOptimizationLevel: 'all', logSeverityLevel: 3 });
    try {
      const input = checkInput(session);
      const probe = new ort.Tensor('float32', new Float32Array(input.width), [1, input.width]);
      const out = await session.run({ [input.name]: probe });
      const outputs = session.outputMetadata.map((m): OnnxOutput => {
        const t = out[m.name];
        return { name: m.name, type: t?.type ?? (m.isTensor ? m.type : 'non-tensor'), shape: m.isTensor ? m.shape.map(dim) : [], width: t?.size ?? 0 };
      });
      const bad = outputs.find((o) => !(out[o.name] && out[o.name].dims.length >= 1 && out[o.name].dims[0] === 1));
      if (bad) throw new OnnxShapeError(`output ${bad.name} is not a tensor with a row per input row (one row in gave ${shapeText(out[bad.name]?.dims ?? [])})`);
      return new OnnxSession(ort, session, input, outputs, classLabels(model), model.byteLength);
    } catch (e) {
      await session.release().catch(() => undefined);
      throw e;
    }
  }

  /**
   * Runs the model on `n` rows of `x` (k floats per row) and returns the outputs named. The
   * session stays open while a run is in flight, even when close() was asked meanwhile.
   */
  async run(x: Float32Array, n: number, names: string[]): Promise<Map<string, OutputValues>> {
    const k = this.input.width;
    this.inflight++;
    this.rowsScored += n;
    this.runs += this.input.fixedBatch ? n : 1;
    try {
      if (!this.input.fixedBatch) {
        const out = await this.session.run({ [this.input.name]: new this.ort.Tensor('float32', x.subarray(0, n * k), [n, k]) }, names);
        return new Map(names.map((name) => [name, valuesOf(out[name], n)]));
      }
      // A batch dimension fixed at 1: one run per row, the rows' values put together.
      const parts = new Map<string, Tensor[]>(names.map((name) => [name, []]));
      for (let i = 0; i < n; i++) {
        const out = await this.session.run({ [this.input.name]: new this.ort.Tensor('float32', x.subarray(i * k, (i + 1) * k), [1, k]) }, names);
        for (const name of names) parts.get(name)!.push(out[name]);
      }
      return new Map(names.map((name) => [name, joined(parts.get(name)!, n)]));
    } finally {
      this.inflight--;
      if (this.closing && this.inflight === 0) void this.session.release().catch(() => undefined);
    }
  }

  /** Releases the session once no run is in flight (a batch started on it finishes on it). */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    if (this.inflight === 0) void this.session.release().catch(() => undefined);
  }
}

function dim(d: number | string | undefined): number | string {
  return typeof d === 'number' && d >= 0 ? d : typeof d === 'string' ? d : '';
}

export function shapeText(shape: readonly (number | string)[]): string {
  return `[${shape.map((d) => (typeof d === 'number' ? String(d) : d || 'N')).join(', ')}]`;
}

function checkInput(session: InferenceSession): OnnxTensorInfo & { width: number; fixedBatch: boolean } {
  const ins = session.inputMetadata;
  if (ins.length !== 1) {
    throw new OnnxShapeError(`the model has ${ins.length} inputs (${ins.map((i) => i.name).join(', ')}); Eddy feeds a model one float32 input of shape [N, k] (merge the inputs into one when you export it)`);
  }
  const m = ins[0];
  if (!m.isTensor) throw new OnnxShapeError(`input ${m.name} is not a tensor; Eddy feeds a float32 tensor of shape [N, k]`);
  const shape = m.shape.map(dim);
  if (m.type !== 'float32') throw new OnnxShapeError(`input ${m.name} is ${m.type} ${shapeText(shape)}; Eddy feeds float32 features (export the model with a float input)`);
  if (shape.length !== 2) throw new OnnxShapeError(`input ${m.name} has shape ${shapeText(shape)}; Eddy feeds a float32 input of shape [N, k] (rows × features)`);
  const [n, k] = shape;
  if (typeof k !== 'number' || k < 1) throw new OnnxShapeError(`input ${m.name} has shape ${shapeText(shape)}: its feature count is not fixed, so Eddy cannot know how many features a PREDICT gives`);
  if (typeof n === 'number' && n !== 1) throw new OnnxShapeError(`input ${m.name} has shape ${shapeText(shape)}: a batch of exactly ${n} rows; Eddy scores a dynamic batch [N, ${k}] or one row at a time [1, ${k}]`);
  return { name: m.name, type: m.type, shape, width: k, fixedBatch: n === 1 };
}

function numbersOf(t: Tensor): ArrayLike<number> | string[] {
  const d = t.data as ArrayLike<number | bigint | string | boolean>;
  if (t.type === 'float16' && d instanceof Uint16Array) return halves(d); // raw IEEE half bits
  if (d instanceof Float32Array || d instanceof Float64Array || d instanceof Int32Array || d instanceof Uint8Array || d instanceof Int8Array || d instanceof Int16Array || d instanceof Uint16Array) return d;
  if (t.type === 'string') return d as string[];
  const out = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = Number(d[i]);
  return out;
}

function valuesOf(t: Tensor | undefined, n: number): OutputValues {
  if (!t) throw new Error('the model gave no such output');
  if (t.dims[0] !== n) throw new Error(`the model gave ${t.dims[0]} rows for ${n}`);
  return { values: numbersOf(t), width: n === 0 ? 0 : t.size / n, type: t.type };
}

function joined(ts: Tensor[], n: number): OutputValues {
  if (n === 0) return { values: [], width: 0, type: 'float32' };
  const parts = ts.map((t) => numbersOf(t));
  const width = ts[0].size;
  if (ts[0].type === 'string') return { values: parts.flatMap((p) => Array.from(p as string[])), width, type: 'string' };
  const out = new Float64Array(n * width);
  parts.forEach((p, i) => out.set(p as ArrayLike<number>, i * width));
  return { values: out, width, type: ts[0].type };
}

/** IEEE 754 half-precision bit patterns as numbers. */
function halves(d: Uint16Array): Float64Array {
  const out = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) {
    const h = d[i], sign = h & 0x8000 ? -1 : 1, exp = (h >> 10) & 0x1f, frac = h & 0x3ff;
    out[i] = exp === 0 ? sign * 2 ** -14 * (frac / 1024) : exp === 31 ? (frac ? NaN : sign * Infinity) : sign * 2 ** (exp - 15) * (1 + frac / 1024);
  }
  return out;
}
