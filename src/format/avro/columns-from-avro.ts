// Schema inference: the columns ksqlDB gives a source whose AVRO schema comes from the registry.
// Nullable unions are their type; enums are STRING; fixed is BYTES; float is DOUBLE; the logical
// types decimal, date, time-millis and timestamp-millis are DECIMAL, DATE, TIME and TIMESTAMP.
// A value record's fields are the value columns; a key, or a value with WRAP_SINGLE_VALUE=false,
// is one column, ROWKEY or ROWVAL.
import type { Column } from '../../types/schema.js';
import type { SqlType, StructField } from '../../types/sql-type.js';
import { SqlError } from '../../types/sql-error.js';
import { type AvroNode, nonNull } from './avro-node.js';

export function columnsFromAvro(node: AvroNode, opts: { isKey: boolean; unwrapped: boolean }): Column[] {
  const namespace = opts.isKey ? 'KEY' : 'VALUE';
  if (opts.isKey || opts.unwrapped) {
    return [{ name: opts.isKey ? 'ROWKEY' : 'ROWVAL', type: sqlTypeOf(node, 0), namespace }];
  }
  const rec = nonNull(node);
  if (rec?.kind !== 'record') {
    throw new SqlError('INVALID_STATEMENT',
      "The value schema in the Schema Registry is not a record: set WRAP_SINGLE_VALUE=false to read it as a single column.");
  }
  return rec.fields.map((f) => ({ name: f.name, type: sqlTypeOf(f.type, 0), namespace }));
}

export function sqlTypeOf(n: AvroNode, depth: number): SqlType {
  if (depth > 100) throw new SqlError('INVALID_STATEMENT', 'Avro schema is recursive or nests too deeply for SQL types');
  switch (n.kind) {
    case 'boolean': return { kind: 'BOOLEAN' };
    case 'int':
      if (n.logical === 'date') return { kind: 'DATE' };
      if (n.logical === 'time-millis') return { kind: 'TIME' };
      return { kind: 'INTEGER' };
    case 'long': return n.logical === 'timestamp-millis' ? { kind: 'TIMESTAMP' } : { kind: 'BIGINT' };
    case 'float': case 'double': return { kind: 'DOUBLE' };
    case 'string': case 'enum': return { kind: 'STRING' };
    case 'bytes': case 'fixed':
      return n.decimal ? { kind: 'DECIMAL', precision: n.decimal.precision, scale: n.decimal.scale } : { kind: 'BYTES' };
    case 'array': return { kind: 'ARRAY', item: sqlTypeOf(n.items, depth + 1) };
    case 'map': return { kind: 'MAP', key: { kind: 'STRING' }, value: sqlTypeOf(n.values, depth + 1) };
    case 'record': return { kind: 'STRUCT', fields: n.fields.map((f): StructField => ({ name: f.name, type: sqlTypeOf(f.type, depth + 1) })) };
    case 'union': {
      const one = nonNull(n);
      if (one) return sqlTypeOf(one, depth + 1);
      // As Connect's AvroData: a union of several types is a struct with a field per branch.
      return {
        kind: 'STRUCT',
        fields: n.branches.filter((b) => b.kind !== 'null').map((b, i) => ({ name: unionFieldName(b, i), type: sqlTypeOf(b, depth + 1) })),
      };
    }
    case 'null':
      throw new SqlError('INVALID_STATEMENT', 'Avro type null has no SQL type');
  }
}

/** Connect names a union's fields after the branch: its type, or a named type's simple name. */
export function unionFieldName(b: AvroNode, i: number): string {
  if ('name' in b) return b.name.slice(b.name.lastIndexOf('.') + 1);
  return b.kind === 'union' ? `branch${i}` : b.kind;
}
