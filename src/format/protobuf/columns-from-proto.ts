// Schema inference: the columns ksqlDB gives a source whose PROTOBUF schema comes from the
// registry (Connect's ProtobufData.toConnectSchema, then ksqlDB's SQL types): int32, sint32 and
// sfixed32 are INT; int64, uint32, uint64 and the other 64-bit kinds BIGINT; float and double
// DOUBLE; enums STRING; repeated fields ARRAY; <X>Entry maps MAP; wrappers their value's type;
// Timestamp, Date, TimeOfDay and confluent Decimal TIMESTAMP, DATE, TIME and DECIMAL; other
// messages STRUCT. Keys and values alike are the message's fields.
import type { Column } from '../../types/schema.js';
import type { SqlType } from '../../types/sql-type.js';
import { SqlError } from '../../types/sql-error.js';
import {
  DATE_TYPE, DECIMAL_TYPE, TIME_TYPE, TIMESTAMP_TYPE, WRAPPER_TYPES, isMapField,
  type PbField, type PbMessage, type PbScalar,
} from './proto-model.js';

/** ksqlDB's precision for a Decimal without one (DecimalUtil's default). */
const DEFAULT_PRECISION = 64;

export function columnsFromProto(m: PbMessage, opts: { isKey: boolean; upperCase: boolean }): Column[] {
  const namespace = opts.isKey ? 'KEY' : 'VALUE';
  return m.fields.map((f) => ({ name: opts.upperCase ? f.name.toUpperCase() : f.name, type: fieldType(f, opts.upperCase, 0), namespace }));
}

function scalarType(s: PbScalar): SqlType {
  switch (s) {
    case 'int32': case 'sint32': case 'sfixed32': return { kind: 'INTEGER' };
    case 'float': case 'double': return { kind: 'DOUBLE' };
    case 'bool': return { kind: 'BOOLEAN' };
    case 'string': return { kind: 'STRING' };
    case 'bytes': return { kind: 'BYTES' };
    default: return { kind: 'BIGINT' };
  }
}

function fieldType(f: PbField, upper: boolean, depth: number): SqlType {
  if (depth > 100) throw new SqlError('INVALID_STATEMENT', 'The protobuf schema is recursive or nests too deeply for SQL types');
  const t = f.type!;
  if (isMapField(f)) {
    const entry = t as PbMessage;
    return { kind: 'MAP', key: fieldType(entry.fields[0], upper, depth + 1), value: fieldType(entry.fields[1], upper, depth + 1) };
  }
  let one: SqlType;
  if (t.kind === 'scalar') one = scalarType(t.scalar);
  else if (t.kind === 'enum') one = { kind: 'STRING' };
  else one = messageType(t, f, upper, depth);
  return f.label === 'repeated' ? { kind: 'ARRAY', item: one } : one;
}

function messageType(m: PbMessage, f: PbField, upper: boolean, depth: number): SqlType {
  const wrapped = WRAPPER_TYPES[m.fullName];
  if (wrapped) return scalarType(wrapped);
  switch (m.fullName) {
    case TIMESTAMP_TYPE: return { kind: 'TIMESTAMP' };
    case DATE_TYPE: return { kind: 'DATE' };
    case TIME_TYPE: return { kind: 'TIME' };
    case DECIMAL_TYPE: {
      const precision = Number(f.params?.precision ?? DEFAULT_PRECISION);
      const scale = Number(f.params?.scale ?? 0);
      return { kind: 'DECIMAL', precision, scale };
    }
    default:
      return {
        kind: 'STRUCT',
        fields: m.fields.map((x) => ({ name: upper ? x.name.toUpperCase() : x.name, type: fieldType(x, upper, depth + 1) })),
      };
  }
}
