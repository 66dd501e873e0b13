// Schema inference: the columns ksqlDB gives a source whose PROTOBUF schema comes from the
// registry (Connect's ProtobufData.toConnectSchema, then ksqlDB's SQL types): int32, sint32 and
// sfixed32 are INT; int64, uint32, uint64 and the other 64-bit kinds BIGINT; float and double
// DOUBLE; enums STRING; repeated fields ARRAY; <X>Entry maps MAP; wrappers their value's type;
// Timestamp, Date, TimeOfDay and confluent Decimal TIMESTAMP, DATE, TIME and DECIMAL; other
// messages STRUCT. Keys and values alike are the message's fields. A oneof is one STRUCT field
// named <oneof>_<index> with a field per member, ahead of the other fields (as Connect orders them).
import type { Column } from '../../types/schema.js';
import type { SqlType } from '../../types/sql-type.js';
import { SqlError } from '../../types/sql-error.js';
import {
  DATE_TYPE, DECIMAL_TYPE, TIME_TYPE, TIMESTAMP_TYPE, WRAPPER_TYPES, isMapField, oneofFieldName, oneofsOf,
  type PbField, type PbMessage, type PbScalar,
} from './proto-model.js';

/** ksqlDB's precision for a Decimal without one (DecimalUtil's default). */
const DEFAULT_PRECISION = 64;

type Named = { name: string; type: SqlType };

export function columnsFromProto(m: PbMessage, opts: { isKey: boolean; upperCase: boolean }): Column[] {
  const namespace = opts.isKey ? 'KEY' : 'VALUE';
  return connectFields(m, opts.upperCase, 0).map((f) => ({ name: f.name, type: f.type, namespace }));
}

/** A message's fields as Connect lists them: its oneofs first, then the fields outside any oneof. */
function connectFields(m: PbMessage, upper: boolean, depth: number): Named[] {
  const cased = (n: string): string => (upper ? n.toUpperCase() : n);
  const out: Named[] = oneofsOf(m).map((o, i) => ({
    name: cased(oneofFieldName(o.name, i)),
    type: { kind: 'STRUCT', fields: o.members.map((f) => ({ name: cased(f.name), type: fieldType(f, upper, depth + 1) })) },
  }));
  for (const f of m.fields) if (f.oneof === undefined) out.push({ name: cased(f.name), type: fieldType(f, upper, depth) });
  return out;
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
      return { kind: 'STRUCT', fields: connectFields(m, upper, depth + 1) };
  }
}
