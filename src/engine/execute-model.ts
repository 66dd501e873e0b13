// CREATE MODEL ... AS SELECT ... TRAIN ONLINE, DESCRIBE MODEL, DROP MODEL and SHOW MODELS.
// A model's training is a persistent query (id TRAIN_<MODEL>_<n>) whose rows go to the model's
// learn(): test, then train, row by row.
import type { CreateModel, DescribeModel, DropModel, PropertyValue } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult, ResultColumn } from './statement-result.js';
import type { HyperParams } from '../ml/online-model.js';
import { getModelFactory, listModels } from '../ml/registry.js';
import { planSelect } from '../plan/plan-select.js';
import { rowLayout } from '../plan/row-layout.js';
import { DELETE } from '../runtime/emit.js';
import { queryGroupId, startQuery, terminateQuery } from './persistent-query.js';
import { followCheckpoints } from './models/checkpoint-follower.js';
import { ModelParts } from './models/model-parts.js';
import { followParts } from './models/parts-follower.js';
import { changelogTopic } from '../runtime/state/changelog.js';
import { offsetReset } from './engine-state.js';
import { SqlError } from '../types/sql-error.js';
import { formatType, isNumeric, STRING, BIGINT } from '../types/sql-type.js';
import { planSources } from './execute-create-as-select.js';
import type { ModelDef, ModelFeature } from './models/model-def.js';
import { DEFAULT_MAX_CLASSES, LiveModel, type ModelCheckpoint } from './models/live-model.js';
import { refuseIfInUse } from './models/model-users.js';
import type { AnyModel } from './models/any-model.js';
import { OnnxModel } from './models/onnx-model.js';
import { dropModel } from './models/drop-model.js';
import { executeCreateOnnxModel } from './execute-onnx-model.js';
import { describeOnnxModel } from './models/describe-onnx-model.js';
import { ParamError } from '../ml/params.js';
import type { RecordContext } from '../runtime/processing-log.js';

/** WITH properties of CREATE MODEL that are Eddy's, not the model type's. */
const OWN = new Set(['TYPE', 'LABEL', 'SEED', 'CATEGORY_SLOTS', 'METRICS_WINDOW', 'ON_DRIFT', 'MAX_CLASSES']);

/**
 * Bounds of Eddy's own properties: a model's size grows with CATEGORY_SLOTS (per categorical
 * feature, and in every weight and k-NN row) and MAX_CLASSES (a weight row per class), so
 * neither can be large enough to exhaust memory on the first rows.
 */
const MAX_CATEGORY_SLOTS = 4096;
const MAX_ENCODED_WIDTH = 65536;
const MAX_CLASSES_LIMIT = 10000;
const MAX_METRICS_WINDOW = 1_000_000;

export async function executeCreateModel(state: EngineState, s: CreateModel): Promise<StatementResult> {
  const type = Object.entries(s.properties).find(([k]) => k.toUpperCase() === 'TYPE')?.[1].value;
  if (typeof type === 'string' && type.toLowerCase() === 'onnx') return executeCreateOnnxModel(state, s);
  const name = s.name.toUpperCase();
  const existing = state.models.get(name);
  if (existing && s.ifNotExists) return { kind: 'message', statement: s.text, message: `Model ${name} already exists.` };
  if (existing && !s.orReplace) {
    throw new SqlError('SOURCE_EXISTS', `Cannot create model ${name}: a model with that name already exists (use CREATE OR REPLACE MODEL).`, { position: s.span });
  }
  if (existing) refuseIfInUse(state, name, 'replace', s.span);
  const props = new Map(Object.entries(s.properties).map(([k, v]) => [k.toUpperCase(), v]));
  const at = (p: PropertyValue | undefined) => (p ? { position: { line: p.span.line, column: p.span.column, offset: p.span.offset } } : { position: s.span });
  const typeProp = props.get('TYPE');
  if (!typeProp || typeof typeProp.value !== 'string') {
    const known = [...listModels().map((f) => f.type), 'onnx'].join(', ');
    throw new SqlError('INVALID_PROPERTY', `CREATE MODEL needs WITH (TYPE='...'), one of: ${known}.`, at(typeProp));
  }
  const factory = getModelFactory(typeProp.value);
  if (!factory) {
    const known = [...listModels().map((f) => f.type), 'onnx'].join(', ');
    throw new SqlError('INVALID_PROPERTY', `Unknown model TYPE '${typeProp.value}'. Known types: ${known}.`, at(typeProp));
  }
  if (!s.query) {
    throw new SqlError('INVALID_STATEMENT', `CREATE MODEL ${name} needs AS SELECT ... TRAIN ONLINE to learn from: a ${factory.type} model learns online. A model trained elsewhere is TYPE='onnx' with PATH='file.onnx'.`, { position: s.span });
  }
  const query = s.query;
  const root = planSelect(query, { catalog: state.catalog, registry: state.registry, properties: state.properties }, {});
  const columns = root.schema.value;
  const labelProp = props.get('LABEL');
  const labelName = labelProp ? String(labelProp.value).toUpperCase() : undefined;
  const supervised = factory.task === 'classification' || factory.task === 'regression';
  if (supervised && !labelName) {
    throw new SqlError('INVALID_PROPERTY', `A ${factory.type} model learns a label: give WITH (LABEL='column'), one of the SELECT's columns (${columns.map((c) => c.name).join(', ')}).`, at(labelProp));
  }
  const labelCol = labelName ? columns.find((c) => c.name === labelName) : undefined;
  if (labelName && !labelCol) {
    throw new SqlError('INVALID_PROPERTY', `LABEL '${labelName}' is not a column of the SELECT (${columns.map((c) => c.name).join(', ')}).`, at(labelProp));
  }
  if (labelCol && factory.task === 'regression' && !isNumeric(labelCol.type)) {
    throw new SqlError('INVALID_PROPERTY', `A ${factory.type} model needs a numeric LABEL; ${labelName} is ${formatType(labelCol.type)}.`, at(labelProp));
  }
  // The label goes last, after the features in SELECT order.
  const featureCols = columns.filter((c) => c !== labelCol);
  if (featureCols.length === 0) throw new SqlError('INVALID_STATEMENT', `Model ${name} has no features: select at least one column besides the label.`, { position: query.span });
  const features: ModelFeature[] = featureCols.map((c) => {
    const categorical = c.type.kind === 'STRING' || c.type.kind === 'BOOLEAN';
    const ok = categorical || isNumeric(c.type) || c.type.kind === 'DATE' || c.type.kind === 'TIME' || c.type.kind === 'TIMESTAMP';
    if (!ok) throw new SqlError('INVALID_STATEMENT', `Feature ${c.name} is ${formatType(c.type)}: features are numbers, STRING or BOOLEAN (select an expression that gives one).`, { position: query.span });
    return { name: c.name, type: c.type, categorical };
  });
  const params: HyperParams = {};
  for (const [k, v] of props) {
    if (OWN.has(k) || v.value === null) continue;
    params[k.toLowerCase()] = v.value;
  }
  const num = (k: string, d: number, min: number, max: number): number => {
    const p = props.get(k);
    if (!p) return d;
    const n = Number(p.value);
    if (!Number.isInteger(n) || n < min || n > max) throw new SqlError('INVALID_PROPERTY', `${k} must be an integer from ${min} to ${max}, not '${String(p.value)}'.`, at(p));
    return n;
  };
  const categorySlots = num('CATEGORY_SLOTS', 16, 2, MAX_CATEGORY_SLOTS);
  const width = features.reduce((w, f) => w + (f.categorical ? categorySlots : 1), 0);
  if (width > MAX_ENCODED_WIDTH) {
    throw new SqlError('INVALID_PROPERTY', `Model ${name} would have ${width} encoded features (${features.filter((f) => f.categorical).length} categorical × CATEGORY_SLOTS=${categorySlots}, plus the numeric ones); the most is ${MAX_ENCODED_WIDTH}: lower CATEGORY_SLOTS or select fewer categorical features.`, at(props.get('CATEGORY_SLOTS')));
  }
  if (factory.maxFeatures !== undefined && width > factory.maxFeatures) {
    throw new SqlError('INVALID_PROPERTY', `A ${factory.type} model keeps a matrix of features × features: it takes at most ${factory.maxFeatures} encoded features, and ${name} would have ${width}. Lower CATEGORY_SLOTS or select fewer features.`, at(props.get('CATEGORY_SLOTS') ?? typeProp));
  }
  const onDriftProp = props.get('ON_DRIFT');
  const onDrift = String(onDriftProp?.value ?? 'none').toLowerCase();
  if (onDrift !== 'none' && onDrift !== 'reset') throw new SqlError('INVALID_PROPERTY', `ON_DRIFT must be 'none' or 'reset', not '${onDrift}'.`, at(onDriftProp));
  const n = state.nextQueryNumber++;
  const queryId = `TRAIN_${name}_${n}`;
  const def: ModelDef = {
    name, type: factory.type, task: factory.task, features,
    label: labelCol ? { name: labelCol.name, type: labelCol.type } : undefined,
    params, seed: num('SEED', 42, 0, 2 ** 31 - 1), categorySlots, metricsWindow: num('METRICS_WINDOW', 1000, 1, MAX_METRICS_WINDOW),
    maxClasses: num('MAX_CLASSES', DEFAULT_MAX_CLASSES, 2, MAX_CLASSES_LIMIT),
    onDrift: onDrift as ModelDef['onDrift'], sql: s.text, sourceNames: planSources(root), queryId,
    trainFrom: s.trainFrom ?? (offsetReset(state.properties) === 'earliest' ? 'EARLIEST' : 'LATEST'),
  };
  // Where the training query is (set by its source before each row), for the processing log.
  const current: RecordContext = { queryId, topic: '', partition: -1, offset: -1 };
  const logSkip = (reason: string): void => state.processingLog.log({
    queryId, type: 'MODEL', message: `Model ${name} skipped a training row: ${reason}.`,
    topic: current.topic, partition: current.partition, offset: current.offset,
  });
  let live: LiveModel;
  try {
    live = new LiveModel(def, logSkip);
  } catch (e) {
    // A hyper-parameter out of its range: point at the property that set it.
    const key = e instanceof ParamError ? e.key.toUpperCase() : undefined;
    throw new SqlError('INVALID_PROPERTY', `Model ${name}: ${(e as Error).message}`, key && props.has(key) ? at(props.get(key)) : { position: s.span });
  }
  if (existing) await dropModel(state, existing);
  // On a service, a model over a multi-partition source learns per task when its state merges
  // exactly (models/model-parts.ts); any other learns in one task: its rows funnel into a
  // one-partition topic, and instances without that task follow its checkpoints.
  let multiTask = false;
  if (state.durable) {
    for (const src of def.sourceNames) {
      const topic = state.catalog.get(src)?.topic;
      if (topic && ((await state.log.describeTopic(topic))?.partitions ?? 1) > 1) multiTask = true;
    }
  }
  const perTask = multiTask && learnsPerTask(def, factory.mergeable || factory.mergeableWith?.(def.params) === true)
    // A model an earlier Eddy started with the funnel keeps it (its state is in that task's checkpoint).
    && (await state.log.describeTopic(`${queryGroupId(state, queryId)}-funnel-repartition`)) === undefined;
  const funnel = multiTask && !perTask;
  const lay = rowLayout(root.schema);
  const from = lay.keyCount;
  // The SELECT's columns are in SELECT order; learn() wants the features, then the label.
  const order = [...featureCols, ...(labelCol ? [labelCol] : [])].map((c) => columns.indexOf(c) + from);
  const inOrder = order.every((p, i) => p === from + i);
  const buf: unknown[] = new Array(order.length);
  const parts = perTask ? new ModelParts(live, current) : undefined;
  // The input position of the rows learned, saved with each checkpoint. A restored checkpoint
  // can be ahead of the offsets committed: the instance that saved it flushed, then lost the task
  // in a rebalance before its commit interval was up (or crashed). The rows it already holds come
  // again, and are not learned twice.
  const position = { topic: '', partition: -1, offset: -1 };
  let restoredAt: ModelCheckpoint['position'];
  const q = startQuery(state, {
    id: queryId, kind: 'TRAIN', sql: s.text, root, sourceNames: def.sourceNames,
    terminal: (row, _ts, op) => {
      if (op === DELETE) return;
      if (restoredAt !== undefined && current.offset < restoredAt.offset && current.partition === restoredAt.partition && current.topic === restoredAt.topic) return;
      if (parts?.holdsCurrent()) return;
      position.topic = current.topic;
      position.partition = current.partition;
      position.offset = current.offset + 1;
      if (inOrder) { live.learn(row, from); return; }
      for (let i = 0; i < order.length; i++) buf[i] = row[order[i]];
      live.learn(buf, 0);
    },
    autoOffsetReset: def.trainFrom === 'EARLIEST' ? 'earliest' : 'latest',
    trainsModel: name, current,
    // learn() encodes the features into the model's own array at once: the row is not kept.
    terminalLetsGo: true,
    funnel,
    // A durable service checkpoints the model with each flush of its training query, so the
    // checkpoint always matches the committed offsets: a restart neither relearns nor skips.
    moreState: (stores) => {
      if (!stores.durable) return;
      if (parts) {
        const cell = stores.map<ModelCheckpoint>(PARTS_STORE);
        stores.beforeFlush(() => parts.checkpoint(cell));
        stores.onRestored(() => parts.restored(cell));
        return;
      }
      const cell = stores.map<ModelCheckpoint>('model');
      let saved = -1;
      stores.beforeFlush(() => {
        if (live.rows + live.skipped === saved) return;
        saved = live.rows + live.skipped;
        const c = live.checkpoint();
        if (position.offset >= 0) c.position = { ...position };
        cell.setInTask(name, c, 0); // the task the model learns in
      });
      stores.onRestored(() => {
        const c = cell.get(name);
        restoredAt = c?.position;
        if (c) { live.restore(c); saved = c.rows + c.skipped; }
      });
    },
  });
  state.queries.set(queryId, q);
  state.models.set(name, live);
  if (parts) followParts(state.log, changelogTopic(queryGroupId(state, queryId), PARTS_STORE), q.runner, parts);
  else if (state.durable) followCheckpoints(state.log, changelogTopic(queryGroupId(state, queryId), 'model'), q.runner, live);
  return { kind: 'message', statement: s.text, message: `Created model ${name} (${factory.type}, ${features.length} features), trained by query ${queryId}`, queryId };
}

/** The state store of a model learning per task: each task's part, keyed by task. */
const PARTS_STORE = 'model-parts';

/**
 * Whether a model may learn per task and merge: its state merges exactly, every feature is a
 * number (categorical slots are given in order of appearance, which differs per task), and no
 * ON_DRIFT reset (one task's drift would reset only the served model, not the parts).
 */
function learnsPerTask(def: ModelDef, mergeable: boolean): boolean {
  return mergeable && def.onDrift === 'none' && def.features.every((f) => !f.categorical);
}

export async function executeDropModel(state: EngineState, s: DropModel): Promise<StatementResult> {
  const m = state.models.get(s.name.toUpperCase());
  if (!m) {
    if (s.ifExists) return { kind: 'message', statement: s.text, message: `Model ${s.name.toUpperCase()} does not exist.` };
    throw new SqlError('UNKNOWN_SOURCE', `Model ${s.name.toUpperCase()} does not exist.`, { position: s.span });
  }
  refuseIfInUse(state, m.name, 'drop', s.span);
  await dropModel(state, m);
  return { kind: 'message', statement: s.text, message: `Model ${m.name} was dropped.` };
}

const col = (name: string, type = STRING): ResultColumn => ({ name, type });

export function executeShowModels(state: EngineState, text: string): StatementResult {
  const models = [...state.models.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    kind: 'rows', statement: text,
    columns: [col('Model Name'), col('Type'), col('Task'), col('Rows Learned', BIGINT), col('Query ID'), col('Status')],
    // An ONNX model's rows are those its monitoring query compared; without one it is READY.
    rows: models.map((m) => [m.name, m.def.type, m.def.task, m.rows, m.def.queryId || '-',
      state.queries.get(m.def.queryId)?.status ?? (m instanceof OnnxModel && !m.def.queryId ? 'READY' : 'STOPPED')]),
  };
}

/** DESCRIBE MODEL: one row per property, as DESCRIBE prints a source's fields. */
export function executeDescribeModel(state: EngineState, s: DescribeModel): StatementResult {
  const m = state.models.get(s.name.toUpperCase());
  if (!m) throw new SqlError('UNKNOWN_SOURCE', `Model ${s.name.toUpperCase()} does not exist.`, { position: s.span });
  if (m instanceof OnnxModel) return { kind: 'rows', statement: s.text, columns: [col('Property'), col('Value')], rows: describeOnnxModel(state, m) };
  const d = m.def;
  const fmt = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 10000) / 10000) : '-');
  const rows: unknown[][] = [
    ['Name', d.name],
    ['Type', `${d.type} (${d.task})`],
    ['Features', d.features.map((f) => `${f.name} ${formatType(f.type)}${f.categorical ? ' (one-hot)' : ''}`).join(', ')],
    ['Label', d.label ? `${d.label.name} ${formatType(d.label.type)}` : '-'],
    ['Hyper-parameters', Object.entries(d.params).map(([k, v]) => `${k}=${String(v)}`).join(', ') || '(defaults)'],
    ['Training query', `${d.queryId} (${state.queries.get(d.queryId)?.status ?? 'STOPPED'}), from ${d.trainFrom}`],
    ['Rows learned', String(m.rows)],
    ...(m.parts ? [['Learning', `per task, merged: tasks ${[...m.parts.localTasks].sort((a, b) => a - b).join(', ') || 'none'} here (${m.parts.localRows} rows), the others from their checkpoints`]] : []),
    ['Rows skipped (NULL label)', String(m.skipped)],
    ['Rows skipped (bad values)', describeSkips(m)],
    // Rows learned within one turn share one clock reading: no time span, no rate to show.
    ['Learning rate (rows/s)', m.rows > 0 && m.rate() === 0 ? '-' : fmt(m.rate())],
    ...m.metrics.values().map((v) => [`Prequential ${v.name} (all / last ${d.metricsWindow})`, `${fmt(v.whole)} / ${fmt(v.recent)}`]),
    ['Classes', d.task === 'classification' ? m.labels.values.map(String).join(', ') || '-' : '-'],
    ...(d.task === 'classification' ? [['Max classes', String(d.maxClasses ?? DEFAULT_MAX_CLASSES)]] : []),
    ['Drift events', m.drifts.length === 0 ? '0' : `${m.drifts.length}, at rows ${m.drifts.map((e) => e.row).join(', ')}`],
    ['State size (bytes)', String(m.model.stateBytes())],
    ['Last checkpoint', m.checkpointAt ? new Date(m.checkpointAt).toISOString() : 'none'],
  ];
  return { kind: 'rows', statement: s.text, columns: [col('Property'), col('Value')], rows };
}


/** "0", or the total and its reasons: "3 (feature X non-finite: 2, label Y beyond ±1e150: 1)". */
function describeSkips(m: LiveModel): string {
  const total = m.skippedBad;
  if (total === 0) return '0';
  return `${total} (${[...m.skips].map(([why, n]) => `${why}: ${n}`).join(', ')})`;
}
