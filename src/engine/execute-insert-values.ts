// INSERT INTO name [(columns)] VALUES (expressions): one record, encoded in the target's formats.
import type { InsertValues } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import { analyzeExpression } from '../plan/expr/analyze.js';
import { compileExpression } from '../runtime/expr/compile.js';
import { makeCaster } from '../values/cast.js';
import { createRowSerde } from '../format/index.js';
import { prepareAvroWrites } from '../format/avro/avro-registration.js';
import { prepareProtobufWrites } from '../format/protobuf/protobuf-registration.js';
import { prepareJsonSrWrites } from '../format/json-sr/json-sr-registration.js';
import { timestampProblem } from '../types/timestamp-range.js';
import { isHeaderColumn } from '../types/schema.js';
import { SqlError } from '../types/sql-error.js';
import { formatType, typesEqual } from '../types/sql-type.js';
import { insertCoercible } from './insert-coercion.js';
import { formatExpression } from '../../grammar/index.js';

export async function executeInsertValues(state: EngineState, s: InsertValues): Promise<StatementResult> {
  const target = state.catalog.require(s.target, s.span);
  if (target.readOnly || target.system) {
    throw new SqlError('INVALID_STATEMENT', `Cannot insert values into read-only ${target.type.toLowerCase()}: ${target.name}`, { position: s.span });
  }
  if (target.window) {
    throw new SqlError('INVALID_STATEMENT', `Cannot insert values into windowed ${target.type.toLowerCase()}: ${target.name}`, { position: s.span });
  }
  const all = [...target.schema.key, ...target.schema.value];
  const names = s.columns ?? all.map((c) => c.name);
  // Header columns come from the record's headers, which INSERT VALUES does not write (as ksqlDB).
  const headerNames = target.schema.value.filter((c) => isHeaderColumn(c) && names.includes(c.name)).map((c) => c.name);
  if (headerNames.length > 0) {
    throw new SqlError('INVALID_STATEMENT', `Cannot insert into HEADER columns: ${headerNames.join(', ')}`, { position: s.span });
  }
  if (names.length !== s.values.length) {
    throw new SqlError('INVALID_STATEMENT',
      `Expected a value for each column. Expected Columns: [${names.join(', ')}]. Got ${s.values.length} value(s).`, { position: s.span });
  }
  const key: unknown[] = target.schema.key.map(() => null);
  const value: unknown[] = target.schema.value.map(() => null);
  let timestamp: number | undefined;
  names.forEach((name, i) => {
    const e = s.values[i];
    const typed = analyzeExpression(e, { columns: [] }, state.registry);
    // A failing function call gives NULL (as in a query) and goes to the processing log.
    const raw = compileExpression(typed, {
      registry: state.registry,
      report: (err) => state.processingLog.log({ queryId: 'INSERT', type: 'EVALUATION', message: err.message, record: s.text }),
    })([]);
    if (name === 'ROWTIME') {
      if (raw !== null) timestamp = Number(raw);
      const problem = timestamp === undefined ? undefined : timestampProblem(timestamp);
      if (problem !== undefined) throw new SqlError('TYPE_ERROR', `ROWTIME: ${problem}`, { position: e.span });
      return;
    }
    const ki = target.schema.key.findIndex((c) => c.name === name);
    const vi = target.schema.value.findIndex((c) => c.name === name);
    const col = ki >= 0 ? target.schema.key[ki] : vi >= 0 ? target.schema.value[vi] : undefined;
    if (!col) {
      throw new SqlError('UNKNOWN_COLUMN', `Column name ${name} does not exist. Available columns: ${all.map((c) => c.name).join(', ')}`, { position: e.span });
    }
    let v: unknown = raw;
    if (!insertCoercible(typed.type, col.type)) {
      throw new SqlError('TYPE_ERROR', `Expected type ${formatType(col.type)} for field ${name} but got ${formatType(typed.type)}: ${formatExpression(e)}`, { position: e.span });
    }
    if (raw !== null && !typesEqual(typed.type, col.type)) {
      try {
        v = makeCaster(typed.type, col.type)(raw);
      } catch (err) {
        throw new SqlError('TYPE_ERROR', `Expected type ${formatType(col.type)} for field ${name} but got ${formatType(typed.type)}: ${(err as Error).message}`, { position: e.span });
      }
    }
    if (ki >= 0) key[ki] = v; else value[vi] = v;
  });
  const registry = state.schemaRegistry;
  await prepareAvroWrites(registry, target);
  await prepareProtobufWrites(registry, target);
  await prepareJsonSrWrites(registry, target);
  const keyBytes = target.schema.key.length ? createRowSerde(target.keyFormat, target.schema.key, { isKey: true, registry }).serialize(key, target.topic) : null;
  const valueBytes = createRowSerde(target.valueFormat, target.schema.value, { isKey: false, registry }).serialize(value, target.topic);
  await state.log.produce(target.topic, [{ key: keyBytes, value: valueBytes, timestamp }]);
  return { kind: 'message', statement: s.text, message: '' };
}
