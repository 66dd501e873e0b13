// A model trained elsewhere and loaded from an ONNX file (CREATE MODEL ... WITH (TYPE='onnx')).
// It only scores: PREDICT, PREDICT_PROBA and ANOMALY_SCORE bind to it as to an online model,
// but as batch scorers (onnxruntime runs asynchronously; see onnx-batch.ts). CREATE OR REPLACE
// swaps its session under running queries: this object, which they bound, stays. An optional
// monitoring query (LABEL and AS SELECT) feeds its prequential metrics (onnx-monitor.ts).
import type { BatchScorer, ModelBinding, ModelFunctionKind } from '../../../udfs/types.js';
import { outputRoles, type OnnxRoles } from '../../ml/onnx/onnx-outputs.js';
import type { OnnxSession } from '../../ml/onnx/onnx-session.js';
import { array, BIGINT, BOOLEAN, DOUBLE, STRING, map, type SqlType } from '../../types/sql-type.js';
import type { ModelDef } from './model-def.js';
import { OnnxBatch, type OnnxLoaded } from './onnx-batch.js';
import { Prequential } from './prequential.js';

/** What CREATE MODEL ... TYPE='onnx' defines besides a ModelDef's fields. */
export interface OnnxSource { path: string | undefined; output: string | undefined }

export class OnnxModel implements ModelBinding {
  private loaded: OnnxLoaded;
  metrics: Prequential;
  /** Rows the monitoring query scored and compared with their label; rows it skipped. */
  rows = 0;
  skipped = 0;
  firstAt = 0;
  lastAt = 0;
  loadedAt = Date.now();
  replacements = 0;
  readonly drifts: never[] = [];

  constructor(public def: ModelDef, public source: OnnxSource, session: OnnxSession, roles: OnnxRoles) {
    this.loaded = { session, roles };
    this.metrics = new Prequential(def.task, def.metricsWindow, def.label !== undefined);
  }

  /** The session and roles a batch uses (the same function for every batch of this model). */
  private readonly current = (): OnnxLoaded => this.loaded;

  get name(): string { return this.def.name; }
  get features(): ModelDef['features'] { return this.def.features; }
  get session(): OnnxSession { return this.loaded.session; }
  get roles(): OnnxRoles { return this.loaded.roles; }

  /** Roles of a session with this model's OUTPUT. */
  static roles(session: OnnxSession, output: string | undefined): OnnxRoles { return outputRoles(session, output); }

  /**
   * CREATE OR REPLACE: later batches use the new session; a batch already running finishes on
   * the old one, which is released after it. Metrics start over (it is another model).
   */
  replace(def: ModelDef, source: OnnxSource, session: OnnxSession, roles: OnnxRoles): void {
    const old = this.loaded.session;
    this.def = def;
    this.source = source;
    this.loaded = { session, roles };
    this.metrics = new Prequential(def.task, def.metricsWindow, def.label !== undefined);
    this.rows = 0; this.skipped = 0; this.firstAt = 0; this.lastAt = 0;
    this.loadedAt = Date.now();
    this.replacements++;
    old.close();
  }

  close(): void { this.loaded.session.close(); }

  /** Monitoring rows per second since the first. */
  rate(): number {
    const s = (this.lastAt - this.firstAt) / 1000;
    return s > 0 ? this.rows / s : 0;
  }

  bind(fn: ModelFunctionKind): { type: SqlType; batch: BatchScorer } | string {
    const type = resultType(fn, this.loaded.roles, this.name);
    if (typeof type === 'string') return type;
    return {
      type,
      batch: {
        newBatch: () => new OnnxBatch(this.current, fn),
        follow: (leader) => (leader instanceof OnnxBatch ? leader.follower(fn, this.current) : undefined),
      },
    };
  }
}

/** The SQL type a function gives on a model with these roles, or why it cannot be called. */
export function resultType(fn: ModelFunctionKind, r: OnnxRoles, name: string): SqlType | string {
  switch (fn) {
    case 'PREDICT': {
      const o = r.predict;
      const t = o.type === 'string' ? STRING : o.type === 'bool' ? BOOLEAN : o.type.startsWith('float') ? DOUBLE : BIGINT;
      return o.width === 1 ? t : array(t);
    }
    case 'PREDICT_PROBA':
      if (!r.proba) return `PREDICT_PROBA needs a classifier (a label output and a float output with a probability per class); ONNX model ${name} has none.`;
      return r.proba.binary ? DOUBLE : map(STRING, DOUBLE);
    case 'ANOMALY_SCORE':
      if (!r.anomaly) return `ANOMALY_SCORE needs an output of the input's width (an autoencoder's reconstruction) or a single score; ONNX model ${name} has neither (name one with OUTPUT).`;
      return DOUBLE;
    case 'CLUSTER':
      return `CLUSTER needs a clustering model; ${name} is an ONNX model.`;
  }
}
