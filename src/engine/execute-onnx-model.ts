// CREATE [OR REPLACE] MODEL m WITH (TYPE='onnx', PATH='file.onnx' [, OUTPUT='name'])
//   [AS SELECT f1, ..., y FROM s TRAIN ONLINE]  -- with LABEL='y': the monitoring loop
// A model trained elsewhere: loaded into onnxruntime, checked (one float32 [N, k] input), its
// features named <INPUT>_0 .. <INPUT>_<k-1>. PATH resolves as COPY's file does (the script's
// directory, or the server's working directory). On a service the model's bytes travel in the
// stored command (MODEL_BASE64), so every instance, and a replay, has them without the file.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CreateModel, PropertyValue } from '../../grammar/ast.js';
import { formatStatement } from '../../grammar/index.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import { SqlError } from '../types/sql-error.js';
import { DOUBLE, formatType, isNumeric, typesEqual } from '../types/sql-type.js';
import { OnnxSession, OnnxShapeError } from '../ml/onnx/onnx-session.js';
import type { OnnxRoles } from '../ml/onnx/onnx-outputs.js';
import { OnnxModel, resultType, type OnnxSource } from './models/onnx-model.js';
import type { ModelDef, ModelFeature } from './models/model-def.js';
import { queriesUsingModel, refuseIfInUse } from './models/model-users.js';
import { dropModel } from './models/drop-model.js';
import { onnxMonitor } from './models/onnx-monitor.js';
import { planSelect } from '../plan/plan-select.js';
import { rowLayout } from '../plan/row-layout.js';
import { planSources } from './execute-create-as-select.js';
import { startQuery, terminateQuery } from './persistent-query.js';
import { offsetReset } from './engine-state.js';
import { maxMessageBytes } from '../log/produce-errors.js';
import { commandTopic } from './command-log.js';
import type { ModelFunctionKind } from '../../udfs/types.js';

/** The WITH properties an ONNX model takes. MODEL_BASE64 is what the command topic stores. */
const ONNX_PROPERTIES = new Set(['TYPE', 'PATH', 'OUTPUT', 'LABEL', 'METRICS_WINDOW', 'MODEL_BASE64']);
/** Room in a command record for everything but the statement (id, properties, JSON quoting). */
const COMMAND_OVERHEAD_BYTES = 16 * 1024;
const SCORING_FUNCTIONS: ModelFunctionKind[] = ['PREDICT', 'PREDICT_PROBA', 'ANOMALY_SCORE'];

export async function executeCreateOnnxModel(state: EngineState, s: CreateModel): Promise<StatementResult> {
  const name = s.name.toUpperCase();
  const props = new Map(Object.entries(s.properties).map(([k, v]) => [k.toUpperCase(), v]));
  const at = (p: PropertyValue | undefined) => (p ? { position: { line: p.span.line, column: p.span.column, offset: p.span.offset } } : { position: s.span });
  for (const [k, v] of props) {
    if (!ONNX_PROPERTIES.has(k)) throw new SqlError('INVALID_PROPERTY', `An ONNX model takes the properties ${[...ONNX_PROPERTIES].filter((p) => p !== 'MODEL_BASE64').join(', ')}; not ${k}.`, at(v));
  }
  const existing = state.models.get(name);
  const pathProp = props.get('PATH');
  const b64Prop = props.get('MODEL_BASE64');
  const outputProp = props.get('OUTPUT');
  const output = outputProp ? String(outputProp.value) : undefined;

  // The bytes: from the stored command (a replay, another instance), else from the file.
  let bytes: Uint8Array;
  let path: string | undefined;
  if (b64Prop && typeof b64Prop.value === 'string') {
    bytes = Buffer.from(b64Prop.value, 'base64');
    path = pathProp ? String(pathProp.value) : undefined;
  } else {
    if (!pathProp || typeof pathProp.value !== 'string') throw new SqlError('INVALID_PROPERTY', `CREATE MODEL ${name} WITH (TYPE='onnx') needs PATH='file.onnx'.`, at(pathProp));
    path = pathProp.value;
    const file = resolve(state.baseDir, path);
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw new SqlError('IO_ERROR', `Cannot read the ONNX model '${file}': ${(e as Error).message}`, at(pathProp));
    }
  }

  // On a service the command carries the bytes; it must fit in a record of the command topic.
  let commandSql: string | undefined;
  if (state.durable && !state.replaying) {
    const { MODEL_BASE64: _drop, ...rest } = s.properties;
    const b64 = Buffer.from(bytes).toString('base64');
    commandSql = formatStatement({ ...s, properties: { ...rest, MODEL_BASE64: { value: b64, span: s.span } } });
    const topic = commandTopic(state.serviceId);
    const max = maxMessageBytes((await state.log.describeTopic(topic))?.config ?? {});
    const size = Buffer.byteLength(commandSql) + COMMAND_OVERHEAD_BYTES;
    if (size > max) {
      throw new SqlError('INVALID_PROPERTY', `The ONNX model is ${bytes.byteLength} bytes: stored in the command topic (as base64, so every instance has it) it would take ${size} bytes, `
        + `over the ${max} bytes a record of ${topic} may have (its max.message.bytes). Raise max.message.bytes on that topic (and the broker's message.max.bytes), or make the model smaller.`, at(pathProp ?? b64Prop));
    }
  }

  let session: OnnxSession;
  try {
    session = await OnnxSession.load(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (e instanceof OnnxShapeError) throw new SqlError('INVALID_STATEMENT', `Model ${name} cannot be used: ${why}.`, at(pathProp ?? b64Prop));
    throw new SqlError('INVALID_PROPERTY', `Cannot load the ONNX model${path ? ` '${path}'` : ''}: ${why}`, at(pathProp ?? b64Prop));
  }
  let roles: OnnxRoles;
  try {
    roles = OnnxModel.roles(session, output);
  } catch (e) {
    session.close();
    throw new SqlError('INVALID_PROPERTY', `Model ${name}: ${(e as Error).message}.`, at(outputProp));
  }

  try {
    return await define(state, s, { name, session, roles, path, output, bytes: bytes.byteLength, commandSql, props, at });
  } catch (e) {
    session.close();
    throw e;
  }
}

interface Loaded {
  name: string; session: OnnxSession; roles: OnnxRoles; path: string | undefined; output: string | undefined; bytes: number;
  commandSql: string | undefined; props: Map<string, PropertyValue>;
  at: (p: PropertyValue | undefined) => { position: { line: number; column: number; offset: number } | CreateModel['span'] };
}

async function define(state: EngineState, s: CreateModel, l: Loaded): Promise<StatementResult> {
  const { name, session, roles, props, at } = l;
  const existing = state.models.get(name);
  if (existing && s.ifNotExists) { session.close(); return { kind: 'message', statement: s.text, message: `Model ${name} already exists.` }; }
  if (existing && !s.orReplace) {
    throw new SqlError('SOURCE_EXISTS', `Cannot create model ${name}: a model with that name already exists (use CREATE OR REPLACE MODEL).`, { position: s.span });
  }
  // Queries using an ONNX model keep running across a replace when what they were planned with
  // holds: the same feature count and the same result type of each function they may call.
  const swap = existing instanceof OnnxModel && queriesUsingModel(state, name).length > 0 ? existing : undefined;
  if (swap) refuseIncompatible(state, swap, session, roles, s);
  else if (existing) refuseIfInUse(state, name, 'replace', s.span);

  const input = session.input;
  const base = input.name.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase() || 'X';
  const features: ModelFeature[] = Array.from({ length: input.width }, (_, i) => ({ name: `${base}_${i}`, type: DOUBLE, categorical: false }));
  const labelProp = props.get('LABEL');
  const windowProp = props.get('METRICS_WINDOW');
  const metricsWindow = windowProp ? Number(windowProp.value) : 1000;
  if (!Number.isInteger(metricsWindow) || metricsWindow < 1 || metricsWindow > 1_000_000) {
    throw new SqlError('INVALID_PROPERTY', `METRICS_WINDOW must be an integer from 1 to 1000000, not '${String(windowProp?.value)}'.`, at(windowProp));
  }
  const source: OnnxSource = { path: l.path, output: l.output };
  const def: ModelDef = {
    name, type: 'onnx', task: roles.task, features, params: {}, seed: 0, categorySlots: 0, metricsWindow, onDrift: 'none',
    sql: s.text, sourceNames: [], queryId: '', trainFrom: 'LATEST',
  };

  // The monitoring query: the SELECT's columns are the features, in order, and the label.
  let monitor: { root: ReturnType<typeof planSelect>; featureAt: number[]; labelAt: number | undefined } | undefined;
  if (s.query) {
    if (!labelProp && roles.task !== 'anomaly') {
      throw new SqlError('INVALID_PROPERTY', `An ONNX model cannot learn: its AS SELECT only monitors it, comparing each row's prediction with its label. Give WITH (LABEL='column').`, { position: s.span });
    }
    const root = planSelect(s.query, { catalog: state.catalog, registry: state.registry, properties: state.properties }, {});
    const columns = root.schema.value;
    const labelName = labelProp ? String(labelProp.value).toUpperCase() : undefined;
    const labelCol = labelName ? columns.find((c) => c.name === labelName) : undefined;
    if (labelName && !labelCol) throw new SqlError('INVALID_PROPERTY', `LABEL '${labelName}' is not a column of the SELECT (${columns.map((c) => c.name).join(', ')}).`, at(labelProp));
    const featureCols = columns.filter((c) => c !== labelCol);
    if (featureCols.length !== input.width) {
      throw new SqlError('INVALID_STATEMENT', `Model ${name} takes ${input.width} features (its input ${input.name} is float32 [N, ${input.width}]); the SELECT gives ${featureCols.length} besides the label (${featureCols.map((c) => c.name).join(', ')}).`, { position: s.query.span });
    }
    const bad = featureCols.find((c) => !isNumeric(c.type));
    if (bad) throw new SqlError('INVALID_STATEMENT', `Feature ${bad.name} is ${formatType(bad.type)}: an ONNX model's features are numbers.`, { position: s.query.span });
    const from = rowLayout(root.schema).keyCount;
    if (labelCol) def.label = { name: labelCol.name, type: labelCol.type };
    def.sourceNames = planSources(root);
    def.queryId = `MONITOR_${name}_${state.nextQueryNumber++}`;
    def.trainFrom = s.trainFrom ?? (offsetReset(state.properties) === 'earliest' ? 'EARLIEST' : 'LATEST');
    monitor = { root, featureAt: featureCols.map((c) => columns.indexOf(c) + from), labelAt: labelCol ? columns.indexOf(labelCol) + from : undefined };
  }

  // The monitor starts before the model is installed (it scores with the model current when a
  // batch runs, and no batch runs before this statement returns): if it cannot start, the
  // session is closed by the caller and no model holds it.
  if (swap) {
    const old = state.queries.get(swap.def.queryId);
    if (old) await terminateQuery(state, old);
  } else if (existing) {
    await dropModel(state, existing);
  }
  const model = swap ?? new OnnxModel(def, source, session, roles);
  if (monitor) {
    const m = onnxMonitor(model, def.task, monitor.featureAt, monitor.labelAt);
    const q = startQuery(state, {
      id: def.queryId, kind: 'TRAIN', sql: s.text, root: monitor.root, sourceNames: def.sourceNames,
      terminal: m.terminal, terminalBatchEnd: m.endBatch, autoOffsetReset: def.trainFrom === 'EARLIEST' ? 'earliest' : 'latest',
    });
    state.queries.set(def.queryId, q);
  }
  if (swap) swap.replace(def, source, session, roles);
  else state.models.set(name, model);
  const what = `${input.width} features ${features[0].name}..${features[features.length - 1].name}, ${roles.task}`;
  const message = swap ? `Replaced model ${name} (onnx, ${what}); its queries now score with it` : `Created model ${name} (onnx, ${what})`;
  return {
    kind: 'message', statement: s.text, message: monitor ? `${message}, monitored by query ${def.queryId}` : message,
    ...(def.queryId ? { queryId: def.queryId } : {}),
    ...(l.commandSql !== undefined ? { commandSql: l.commandSql } : {}),
  };
}

/** A replacement must take the same features and give the same types its running queries were planned with. */
function refuseIncompatible(state: EngineState, old: OnnxModel, session: OnnxSession, roles: OnnxRoles, s: CreateModel): void {
  const users = queriesUsingModel(state, old.name);
  const refuse = (why: string): never => {
    throw new SqlError('INVALID_STATEMENT', `Cannot replace model ${old.name} while queries use it: ${why}.\nThe following queries use this model: [${users.join(', ')}].\nTerminate them first, or replace it with a model of the same input and outputs.`, { position: s.span });
  };
  if (session.input.width !== old.session.input.width) refuse(`the new model takes ${session.input.width} features, the old one ${old.session.input.width}`);
  for (const fn of SCORING_FUNCTIONS) {
    const a = resultType(fn, old.roles, old.name), b = resultType(fn, roles, old.name);
    const same = typeof a === 'string' ? typeof b === 'string' : typeof b !== 'string' && typesEqual(a, b);
    if (!same) refuse(`${fn} would give ${typeof b === 'string' ? 'nothing' : formatType(b)} instead of ${typeof a === 'string' ? 'nothing' : formatType(a)}`);
  }
}
