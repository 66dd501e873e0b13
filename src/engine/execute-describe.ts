// DESCRIBE [EXTENDED] source and DESCRIBE FUNCTION name.
import type { Describe, DescribeFunction } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import { patternText } from '../../udfs/type-pattern-text.js';
import { STRING, formatType } from '../types/sql-type.js';
import { SqlError } from '../types/sql-error.js';

export function executeDescribe(state: EngineState, s: Describe): StatementResult {
  const def = state.catalog.require(s.name, s.span);
  const rows: unknown[][] = [];
  for (const c of def.schema.key) rows.push([c.name, `${formatType(c.type)} (${def.type === 'TABLE' ? 'primary key' : 'key'})`]);
  if (def.window) {
    rows.push(['WINDOWSTART', 'BIGINT (window bound)'], ['WINDOWEND', 'BIGINT (window bound)']);
  }
  for (const c of def.schema.value) {
    const header = c.namespace !== 'HEADERS' ? '' : c.headerKey === undefined ? ' (headers)' : ` (header('${c.headerKey}'))`;
    rows.push([c.name, formatType(c.type) + header]);
  }
  if (s.extended) {
    const writers = [...state.queries.values()].filter((q) => q.sinkName === def.name).map((q) => q.id);
    const readers = [...state.queries.values()].filter((q) => q.sourceNames.includes(def.name)).map((q) => q.id);
    rows.push(['', ''], ['Type', def.type], ['Kafka topic', def.topic], ['Key format', def.keyFormat.format],
      ['Value format', def.valueFormat.format], ['Timestamp field', def.timestampColumn ?? 'Not set - using <ROWTIME>'],
      ['Windowed', def.window ? `${def.window.type}` : 'no'], ['Queries that write from this', writers.join(', ')],
      ['Queries that read from this', readers.join(', ')], ['Statement', def.sql]);
  }
  return { kind: 'rows', statement: s.text, columns: [{ name: 'Field', type: STRING }, { name: 'Type', type: STRING }], rows };
}


export function executeDescribeFunction(state: EngineState, s: DescribeFunction): StatementResult {
  const f = state.registry.get(s.name);
  if (!f) throw new SqlError('UNKNOWN_FUNCTION', `Can't find any functions with the name '${s.name}'`, { position: s.span });
  const rows: unknown[][] = [
    ['Name', f.name.toUpperCase()], ['Type', f.kind === 'aggregate' ? 'AGGREGATE' : 'SCALAR'],
    ['Category', f.category], ['Description', f.description],
  ];
  for (const o of f.overloads) {
    const params = o.params.map((p) => `${p.name} ${patternText(p.type)}`);
    if ('literalParams' in o && o.literalParams) params.push(...o.literalParams.map((p) => `${p.name} ${patternText(p.type)} (literal)`));
    const variadic = 'variadic' in o && o.variadic ? '...' : '';
    const ret = typeof o.returns === 'function' ? '(depends on arguments)' : patternText(o.returns);
    rows.push(['Variation', `${f.name.toUpperCase()}(${params.join(', ')}${variadic}) → ${ret}${o.description ? ` — ${o.description}` : ''}`]);
  }
  for (const ex of f.examples) rows.push(['Example', `${ex.call} → ${JSON.stringify(ex.result)}`]);
  return { kind: 'rows', statement: s.text, columns: [{ name: 'Property', type: STRING }, { name: 'Value', type: STRING }], rows };
}
