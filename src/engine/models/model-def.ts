// What CREATE MODEL defines: the model's type and hyper-parameters, its features (the SELECT's
// columns, in order, without the label) and its label, and the query that trains it.
import type { HyperParams, ModelTask } from '../../ml/online-model.js';
import type { SqlType } from '../../types/sql-type.js';

export interface ModelFeature { name: string; type: SqlType; categorical: boolean }

export interface ModelDef {
  name: string;
  /** TYPE: a registered model type (src/ml/registry.ts). */
  type: string;
  task: ModelTask;
  features: ModelFeature[];
  /** LABEL: the target of supervised models; for anomaly models, only for the ROC AUC metric. */
  label?: { name: string; type: SqlType };
  /** The model type's own hyper-parameters (keys lower-case). */
  params: HyperParams;
  seed: number;
  /** One-hot slots per categorical feature (CATEGORY_SLOTS). */
  categorySlots: number;
  /** Most classes a classifier learns (MAX_CLASSES); rows with a new label beyond it are skipped. */
  maxClasses?: number;
  /** Rows in the "recent" metrics window (METRICS_WINDOW). */
  metricsWindow: number;
  /** ON_DRIFT: 'none' (record the drift) or 'reset' (start a fresh model at a drift). */
  onDrift: 'none' | 'reset';
  sql: string;
  sourceNames: string[];
  queryId: string;
  trainFrom: 'EARLIEST' | 'LATEST';
}
