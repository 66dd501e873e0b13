// SQL values → protobuf bytes of a writer message, as Connect's ProtobufData and Java's
// DynamicMessage write them: fields in number order, NULLs not written, proto3 scalars equal to
// their default not written (unless `optional`), messages (structs, wrappers, logical types)
// written whenever non-null, repeated scalars packed, maps as repeated key/value entries.
// The writer message is the one derived from the columns or a registered one (SCHEMA_ID):
// columns are matched to its fields by name (exactly, else ignoring case), a oneof to the STRUCT
// column Connect names <oneof>_<index>.
import type { Long } from '../../values/long.js';
import type { SqlType } from '../../types/sql-type.js';
import { formatType } from '../../types/sql-type.js';
import { Decimal } from '../../types/decimal.js';
import { Failure, atPath, jsTypeName } from '../serde-failure.js';
import { decimalToBytes } from '../avro/avro-decimal.js';
import {
  DATE_TYPE, DECIMAL_TYPE, TIME_TYPE, TIMESTAMP_TYPE, WRAPPER_TYPES, isMapField, oneofFieldName, oneofsOf,
  type PbField, type PbMessage, type PbScalar, type PbType,
} from './proto-model.js';
import { matchField, wireTypeOf } from './proto-read.js';
import { type ProtoWriter, WT_LEN, WT_VARINT } from './proto-wire.js';

type Target = { name: string; type: SqlType };
type Put = (w: ProtoWriter, v: unknown) => void;
/** Writes one value (no tag); `isDefault` says whether proto3 leaves it out. */
interface Value { wireType: number; put: Put; isDefault: (v: unknown) => boolean }

function cannot(what: string, t: SqlType): never {
  throw new Failure(`${formatType(t)} cannot be written as protobuf type ${what}`);
}

function check(ok: boolean, java: string, v: unknown): void {
  if (!ok) throw new Failure(`value does not match expected type. expected: ${java}, but got: ${jsTypeName(v)}`);
}

const num = (v: unknown): number => { check(typeof v === 'number', 'Number', v); return v as number; };
/** A BIGINT (a bigint past 2^53, values/long.ts) for the 64-bit kinds; a double kind takes Number(v). */
const lng = (v: unknown): Long => { check(typeof v === 'number' || typeof v === 'bigint', 'Number', v); return v as Long; };

function scalarPut(s: PbScalar): Put {
  switch (s) {
    case 'int32': return (w, v) => w.int32(num(v) | 0);
    case 'uint32': return (w, v) => w.uint32(num(v) >>> 0);
    case 'sint32': return (w, v) => w.sint32(num(v) | 0);
    case 'int64': case 'uint64': return (w, v) => w.int64(lng(v));
    case 'sint64': return (w, v) => w.sint64(lng(v));
    case 'fixed32': case 'sfixed32': return (w, v) => w.fixed32(num(v));
    case 'fixed64': case 'sfixed64': return (w, v) => w.fixed64(lng(v));
    case 'float': return (w, v) => w.float(Number(lng(v)));
    case 'double': return (w, v) => w.double(Number(lng(v)));
    case 'bool': return (w, v) => { check(typeof v === 'boolean', 'Boolean', v); w.uint32(v ? 1 : 0); };
    case 'string': return (w, v) => { check(typeof v === 'string', 'String', v); w.string(v as string); };
    case 'bytes': return (w, v) => { check(v instanceof Uint8Array, 'ByteBuffer', v); w.bytes(v as Uint8Array); };
  }
}

const INTS = new Set(['int32', 'uint32', 'sint32', 'int64', 'uint64', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64']);

function scalarFits(s: PbScalar, t: SqlType): boolean {
  switch (t.kind) {
    case 'INTEGER': case 'BIGINT': return INTS.has(s) || s === 'float' || s === 'double';
    case 'DOUBLE': return s === 'float' || s === 'double';
    case 'BOOLEAN': return s === 'bool';
    case 'STRING': return s === 'string';
    case 'BYTES': return s === 'bytes';
    default: return false;
  }
}

function isZero(v: unknown): boolean {
  return v === false || v === '' || (v === 0 && !Object.is(v, -0)) || (v instanceof Uint8Array && v.length === 0);
}

function valueWriter(pt: PbType, t: SqlType): Value {
  if (pt.kind === 'scalar') {
    if (!scalarFits(pt.scalar, t)) cannot(pt.scalar, t);
    return { wireType: wireTypeOf(pt.scalar), put: scalarPut(pt.scalar), isDefault: isZero };
  }
  if (pt.kind === 'enum') {
    if (t.kind !== 'STRING') cannot(`enum ${pt.name}`, t);
    const numbers = new Map(pt.values.map((x) => [x.name, x.number]));
    return {
      wireType: WT_VARINT,
      put: (w, v) => {
        const n = numbers.get(v as string);
        if (n === undefined) throw new Failure(`'${String(v)}' is not a symbol of enum ${pt.name}`);
        w.int32(n);
      },
      isDefault: (v) => numbers.get(v as string) === 0,
    };
  }
  const body = messageBody(pt, t);
  return { wireType: WT_LEN, put: (w, v) => { w.begin(); body(w, v); w.end(); }, isDefault: () => false };
}

/** The fields of a message-typed value: a wrapper, a logical type or a STRUCT. */
function messageBody(m: PbMessage, t: SqlType): Put {
  const wrapped = WRAPPER_TYPES[m.fullName];
  if (wrapped) {
    if (!scalarFits(wrapped, t)) cannot(m.fullName, t);
    const put = scalarPut(wrapped);
    const tag = (1 << 3) | wireTypeOf(wrapped);
    return (w, v) => {
      if (isZero(v)) return;
      w.uint32(tag);
      put(w, v);
    };
  }
  const ints = (w: ProtoWriter, vals: number[]): void => {
    for (let i = 0; i < vals.length; i++) {
      if (vals[i] === 0) continue;
      w.uint32(((i + 1) << 3) | WT_VARINT);
      w.int64(vals[i]);
    }
  };
  switch (m.fullName) {
    case TIMESTAMP_TYPE:
      if (t.kind !== 'TIMESTAMP' && t.kind !== 'BIGINT') cannot(m.fullName, t);
      return (w, v) => {
        const ms = num(v);
        const s = Math.floor(ms / 1000);
        ints(w, [s, (ms - s * 1000) * 1_000_000]);
      };
    case DATE_TYPE:
      if (t.kind !== 'DATE') cannot(m.fullName, t);
      return (w, v) => {
        const d = new Date(num(v) * 86_400_000);
        ints(w, [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      };
    case TIME_TYPE:
      if (t.kind !== 'TIME') cannot(m.fullName, t);
      return (w, v) => {
        const ms = num(v);
        if (ms < 0 || ms > 86_400_000) throw new Failure('Time values must use number of millis greater than 0 and less than 86400000');
        ints(w, [Math.floor(ms / 3_600_000), Math.floor(ms / 60_000) % 60, Math.floor(ms / 1000) % 60, (ms % 1000) * 1_000_000]);
      };
    case DECIMAL_TYPE:
      if (t.kind !== 'DECIMAL') cannot(m.fullName, t);
      // DecimalUtils.fromBigDecimal: unscaled bytes, the value's precision and scale.
      return (w, v) => {
        check(v instanceof Decimal, 'BigDecimal', v);
        const d = v as Decimal;
        w.uint32(0x0a);
        w.bytes(decimalToBytes(d));
        w.uint32(0x10);
        w.uint32(d.precision);
        if (d.scale !== 0) { w.uint32(0x18); w.int32(d.scale); }
      };
    default: {
      if (t.kind !== 'STRUCT') cannot(`message ${m.name}`, t);
      const fill = messageWriter(m, t.fields);
      return (w, v) => {
        const o = v as Record<string, unknown>;
        fill(w, (_i, name) => o[name]);
      };
    }
  }
}

function fieldWriter(f: PbField, t: SqlType): Put {
  const pt = f.type!;
  const n = f.number;
  if (isMapField(f)) {
    if (t.kind !== 'MAP') cannot(`map ${f.name}`, t);
    const entry = pt as PbMessage;
    const key = valueWriter(entry.fields[0].type!, t.key);
    const value = valueWriter(entry.fields[1].type!, t.value);
    const tag = (n << 3) | WT_LEN;
    const keyTag = (1 << 3) | key.wireType;
    const valueTag = (2 << 3) | value.wireType;
    return (w, v) => {
      check(v instanceof Map, 'Map', v);
      for (const [k, x] of v as Map<unknown, unknown>) {
        w.uint32(tag);
        w.begin();
        if (k !== null && k !== undefined && !key.isDefault(k)) { w.uint32(keyTag); key.put(w, k); }
        if (x !== null && x !== undefined && !value.isDefault(x)) {
          try { w.uint32(valueTag); value.put(w, x); } catch (e) { throw atPath(e, `.${String(k)}`); }
        }
        w.end();
      }
    };
  }
  if (f.label === 'repeated') {
    if (t.kind !== 'ARRAY') cannot(`repeated ${f.typeName}`, t);
    const one = valueWriter(pt, t.item);
    const packed = one.wireType !== WT_LEN;
    const tag = (n << 3) | (packed ? WT_LEN : one.wireType);
    return (w, v) => {
      check(Array.isArray(v), 'List', v);
      const a = v as unknown[];
      if (a.length === 0) return;
      if (packed) { w.uint32(tag); w.begin(); }
      for (let i = 0; i < a.length; i++) {
        const x = a[i];
        if (x === null || x === undefined) throw new Failure(`null cannot be written into a protobuf repeated field, path: [${i}]`);
        if (!packed) w.uint32(tag);
        try { one.put(w, x); } catch (e) { throw atPath(e, `[${i}]`); }
      }
      if (packed) w.end();
    };
  }
  const one = valueWriter(pt, t);
  const tag = (n << 3) | one.wireType;
  const presence = f.label === 'optional' || f.oneof !== undefined;
  return (w, v) => {
    if (!presence && one.isDefault(v)) return;
    w.uint32(tag);
    one.put(w, v);
  };
}

/** A oneof from its STRUCT column (Connect's form): the first member that is not NULL, if any. */
function oneofWriter(members: PbField[], t: SqlType): Put {
  if (t.kind !== 'STRUCT') cannot(`oneof ${members[0]?.oneof ?? ''}`, t);
  const puts: { key: string; put: Put }[] = [];
  for (const f of [...members].sort((a, b) => a.number - b.number)) {
    const sf = t.fields.find((x) => x.name === f.name) ?? t.fields.find((x) => x.name.toUpperCase() === f.name.toUpperCase());
    if (sf) puts.push({ key: sf.name, put: fieldWriter(f, sf.type) });
  }
  return (w, v) => {
    const o = v as Record<string, unknown>;
    for (const p of puts) {
      const x = o[p.key];
      if (x === null || x === undefined) continue;
      try { p.put(w, x); } catch (e) { throw atPath(e, `.${p.key}`); }
      return;
    }
  };
}

/**
 * Writes a message from named values: `get(i, name)` is target i's value. Fields without a
 * target are left out (proto3 defaults); targets without a field are dropped.
 */
export function messageWriter(
  m: PbMessage, targets: readonly Target[],
): (w: ProtoWriter, get: (i: number, name: string) => unknown) => void {
  const parts: { index: number; name: string; put: Put }[] = [];
  for (const f of [...m.fields].sort((a, b) => a.number - b.number)) {
    const i = targets.findIndex((c) => c.name === f.name);
    const j = i >= 0 ? i : targets.findIndex((c) => c.name.toUpperCase() === f.name.toUpperCase());
    if (j < 0) continue;
    let put: Put;
    try {
      put = fieldWriter(f, targets[j].type);
    } catch (e) {
      const err = atPath(e, `.${f.name}`);
      put = (): never => { throw err; };
    }
    parts.push({ index: j, name: targets[j].name, put });
  }
  oneofsOf(m).forEach((o, k) => {
    const name = oneofFieldName(o.name, k);
    const i = targets.findIndex((c) => c.name === name);
    const j = i >= 0 ? i : targets.findIndex((c) => c.name.toUpperCase() === name.toUpperCase());
    if (j < 0) return;
    let put: Put;
    try {
      put = oneofWriter(o.members, targets[j].type);
    } catch (e) {
      const err = atPath(e, `.${name}`);
      put = (): never => { throw err; };
    }
    parts.push({ index: j, name: targets[j].name, put });
  });
  return (w, get) => {
    for (const p of parts) {
      const v = get(p.index, p.name);
      if (v === null || v === undefined) continue;
      try { p.put(w, v); } catch (e) { throw atPath(e, `.${p.name}`); }
    }
  };
}

export { matchField };
