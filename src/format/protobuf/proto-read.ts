// Protobuf bytes of a writer message → SQL values of the reader's columns, as ksqlDB reads them
// through Connect's ProtobufData: fields matched to columns by name (exactly, else ignoring
// case); an absent proto3 scalar is its default (0, "", false, the first enum symbol), an absent
// `optional` scalar, wrapper or message field NULL, absent repeated fields [] and maps {};
// wrappers are their value; Timestamp, Date, TimeOfDay and confluent Decimal are TIMESTAMP,
// DATE, TIME and DECIMAL; enums their symbol; a oneof fills the STRUCT column Connect names
// <oneof>_<index> (the member set, the others NULL; NULL when none is). Compiled once per writer
// message and columns.
import type { SqlType } from '../../types/sql-type.js';
import { formatType } from '../../types/sql-type.js';
import { Decimal } from '../../types/decimal.js';
import { Failure, atPath } from '../serde-failure.js';
import { decimalFromBytes } from '../avro/avro-decimal.js';
import {
  DATE_TYPE, DECIMAL_TYPE, TIME_TYPE, TIMESTAMP_TYPE, WRAPPER_TYPES, isMapField, oneofFieldName, oneofsOf,
  type PbField, type PbMessage, type PbScalar, type PbType,
} from './proto-model.js';
import { type ProtoReader, WT_FIXED32, WT_FIXED64, WT_LEN, WT_VARINT } from './proto-wire.js';

type Target = { name: string; type: SqlType };
type Raw = (r: ProtoReader) => unknown;
type Convert = (v: unknown) => unknown;
interface One { wireType: number; read: (r: ProtoReader) => unknown; absent: () => unknown }

/** Finds the writer's field for a column: the same name, else the same name ignoring case. */
export function matchField(fields: readonly PbField[], name: string): PbField | undefined {
  return fields.find((f) => f.name === name) ?? fields.find((f) => f.name.toUpperCase() === name.toUpperCase());
}

export function wireTypeOf(s: PbScalar): number {
  switch (s) {
    case 'double': case 'fixed64': case 'sfixed64': return WT_FIXED64;
    case 'float': case 'fixed32': case 'sfixed32': return WT_FIXED32;
    case 'string': case 'bytes': return WT_LEN;
    default: return WT_VARINT;
  }
}

function rawReader(s: PbScalar): Raw {
  switch (s) {
    case 'int32': return (r) => r.int32();
    case 'uint32': return (r) => r.uint32();
    case 'sint32': return (r) => r.sint32();
    case 'int64': return (r) => r.int64();
    case 'uint64': return (r) => r.int64(true);
    case 'sint64': return (r) => r.sint64();
    case 'fixed32': return (r) => r.fixed32();
    case 'sfixed32': return (r) => r.sfixed32();
    case 'fixed64': return (r) => r.fixed64(false);
    case 'sfixed64': return (r) => r.fixed64(true);
    case 'float': return (r) => r.float();
    case 'double': return (r) => r.double();
    case 'bool': return (r) => r.bool();
    case 'string': return (r) => r.string();
    case 'bytes': return (r) => r.bytes();
  }
}

function scalarDefault(s: PbScalar): unknown {
  return s === 'bool' ? false : s === 'string' ? '' : s === 'bytes' ? null : 0;
}

const INT32S = new Set(['int32', 'sint32', 'sfixed32']);
const INT64S = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64', 'uint32', 'fixed32']);

function mismatch(what: string, t: SqlType): never {
  throw new Failure(`protobuf type ${what} cannot be read as ${formatType(t)}`);
}

/** How a scalar (or enum number) becomes a value of `t`; throws at compile time on a mismatch. */
function scalarConvert(s: PbScalar, t: SqlType): Convert {
  const id = (v: unknown): unknown => v;
  switch (t.kind) {
    case 'INTEGER': if (INT32S.has(s)) return id; break;
    case 'BIGINT': if (INT32S.has(s) || INT64S.has(s)) return id; break;
    case 'DOUBLE':
      if (INT64S.has(s)) return (v) => (typeof v === 'bigint' ? Number(v) : v); // exact longs past 2^53 are bigints
      if (s !== 'bool' && s !== 'string' && s !== 'bytes') return id;
      break;
    case 'BOOLEAN': if (s === 'bool') return id; break;
    case 'BYTES': if (s === 'bytes') return id; break;
    case 'STRING':
      if (s === 'string') return id;
      if (s === 'bytes') break;
      return (v) => (v === null ? null : String(v));
    default: break;
  }
  return mismatch(s, t);
}

/** One value of field type `pt` (a repeated field's element, or a singular field) as `t`. */
function oneReader(pt: PbType, t: SqlType, optional: boolean): One {
  if (pt.kind === 'scalar') {
    const raw = rawReader(pt.scalar);
    const conv = scalarConvert(pt.scalar, t);
    const dflt = conv(scalarDefault(pt.scalar));
    return { wireType: wireTypeOf(pt.scalar), read: (r) => conv(raw(r)), absent: optional ? () => null : () => dflt };
  }
  if (pt.kind === 'enum') {
    if (t.kind !== 'STRING') mismatch(`enum ${pt.name}`, t);
    const names = new Map(pt.values.map((v) => [v.number, v.name]));
    const first = pt.values[0]?.name ?? '';
    const read = (r: ProtoReader): unknown => {
      const n = r.int32();
      return names.get(n) ?? `UNKNOWN_ENUM_VALUE_${pt.name}_${n}`;
    };
    return { wireType: WT_VARINT, read, absent: optional ? () => null : () => first };
  }
  const body = messageValueReader(pt, t);
  return {
    wireType: WT_LEN,
    read: (r) => {
      const start = r.len();
      const end = r.pos;
      r.pos = start;
      const v = body(r, end);
      r.pos = end;
      return v;
    },
    absent: () => null,
  };
}

/** The int fields of a small message (Timestamp, Date, ...), by number; absent ones 0. */
function intFields(r: ProtoReader, end: number, out: number[], longFirst = false): void {
  out.fill(0);
  const saved = r.end;
  r.end = end;
  while (r.pos < end) {
    const tag = r.uint32();
    const n = tag >>> 3;
    if ((tag & 7) === WT_VARINT && n >= 1 && n <= out.length) out[n - 1] = longFirst && n === 1 ? Number(r.int64()) : r.int32();
    else r.skip(tag & 7);
  }
  r.end = saved;
}

const MS_PER_DAY = 86_400_000;

/** A message-typed value: a wrapper, a logical type, or a STRUCT. */
function messageValueReader(m: PbMessage, t: SqlType): (r: ProtoReader, end: number) => unknown {
  const wrapped = WRAPPER_TYPES[m.fullName];
  if (wrapped) {
    const raw = rawReader(wrapped);
    const conv = scalarConvert(wrapped, t);
    const wt = wireTypeOf(wrapped);
    const dflt = conv(wrapped === 'bytes' ? new Uint8Array(0) : scalarDefault(wrapped));
    return (r, end) => {
      let v = dflt;
      const saved = r.end;
      r.end = end;
      while (r.pos < end) {
        const tag = r.uint32();
        if (tag >>> 3 === 1 && (tag & 7) === wt) v = conv(raw(r));
        else r.skip(tag & 7);
      }
      r.end = saved;
      return v;
    };
  }
  const ints: number[] = [0, 0, 0, 0];
  switch (m.fullName) {
    case TIMESTAMP_TYPE:
      if (t.kind !== 'TIMESTAMP' && t.kind !== 'BIGINT') mismatch(m.fullName, t);
      return (r, end) => {
        ints.length = 2;
        intFields(r, end, ints, true);
        return ints[0] * 1000 + Math.floor(ints[1] / 1_000_000);
      };
    case DATE_TYPE:
      if (t.kind !== 'DATE') mismatch(m.fullName, t);
      return (r, end) => {
        ints.length = 3;
        intFields(r, end, ints);
        return Date.UTC(ints[0], ints[1] - 1, ints[2]) / MS_PER_DAY;
      };
    case TIME_TYPE:
      if (t.kind !== 'TIME') mismatch(m.fullName, t);
      return (r, end) => {
        ints.length = 4;
        intFields(r, end, ints);
        return ((ints[0] * 60 + ints[1]) * 60 + ints[2]) * 1000 + Math.floor(ints[3] / 1_000_000);
      };
    case DECIMAL_TYPE: {
      if (t.kind !== 'DECIMAL') mismatch(m.fullName, t);
      const { precision, scale } = t;
      return (r, end) => {
        let bytes: Uint8Array = new Uint8Array(0);
        let ws = 0;
        const saved = r.end;
        r.end = end;
        while (r.pos < end) {
          const tag = r.uint32();
          if (tag === 0x0a) bytes = r.bytes();
          else if (tag === 0x18) ws = r.int32();
          else r.skip(tag & 7);
        }
        r.end = saved;
        const d: Decimal = decimalFromBytes(bytes, ws);
        const v = ws === scale ? d : d.setScale(scale);
        if (v.precision - v.scale > precision - scale && v.unscaled !== 0n) {
          throw new Failure(`Numeric field overflow: DECIMAL(${precision}, ${scale}) cannot hold ${v.toString()}`);
        }
        return v;
      };
    }
    default: {
      if (t.kind !== 'STRUCT') mismatch(`message ${m.name}`, t);
      const read = messageReader(m, t.fields);
      const names = t.fields.map((f) => f.name);
      return (r, end) => {
        const vals = read(r, end);
        const o: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) o[names[i]] = vals[i];
        return o;
      };
    }
  }
}

interface Slot { slot: number; read: (r: ProtoReader, wt: number, prev: unknown) => unknown }

function fieldReader(f: PbField, t: SqlType): { read: Slot['read']; absent: () => unknown } {
  const pt = f.type!;
  if (isMapField(f)) {
    if (t.kind !== 'MAP') mismatch(`map ${f.name}`, t);
    const entry = pt as PbMessage;
    const key = oneReader(entry.fields[0].type!, t.key, false);
    const value = oneReader(entry.fields[1].type!, t.value, false);
    return {
      read: (r, wt, prev) => {
        if (wt !== WT_LEN) throw new Failure(`wire type ${wt} for map field ${f.name}`);
        const map = (prev as Map<unknown, unknown> | undefined) ?? new Map();
        const start = r.len();
        const end = r.pos;
        r.pos = start;
        const saved = r.end;
        r.end = end;
        let k: unknown;
        let v: unknown;
        while (r.pos < end) {
          const tag = r.uint32();
          if (tag >>> 3 === 1 && (tag & 7) === key.wireType) k = key.read(r);
          else if (tag >>> 3 === 2 && (tag & 7) === value.wireType) v = value.read(r);
          else r.skip(tag & 7);
        }
        r.end = saved;
        map.set(k === undefined ? key.absent() : k, v === undefined ? value.absent() : v);
        return map;
      },
      absent: () => new Map(),
    };
  }
  if (f.label === 'repeated') {
    if (t.kind !== 'ARRAY') mismatch(`repeated ${f.typeName}`, t);
    const one = oneReader(pt, t.item, false);
    const packable = one.wireType !== WT_LEN;
    return {
      read: (r, wt, prev) => {
        const arr = (prev as unknown[] | undefined) ?? [];
        if (packable && wt === WT_LEN) {
          const start = r.len();
          const end = r.pos;
          r.pos = start;
          const saved = r.end;
          r.end = end;
          while (r.pos < end) arr.push(one.read(r));
          r.end = saved;
        } else {
          if (wt !== one.wireType) throw new Failure(`wire type ${wt} for field ${f.name}`);
          arr.push(one.read(r));
        }
        return arr;
      },
      absent: () => [],
    };
  }
  const one = oneReader(pt, t, f.label === 'optional' || f.oneof !== undefined);
  return {
    read: (r, wt) => {
      if (wt !== one.wireType) throw new Failure(`wire type ${wt} for field ${f.name}`);
      return one.read(r);
    },
    absent: one.absent,
  };
}

/** The oneof a column names as Connect does (<oneof>_<index>), exactly or ignoring case. */
function matchOneof(m: PbMessage, name: string): PbField[] | undefined {
  const all = oneofsOf(m);
  const i = all.findIndex((o, k) => oneofFieldName(o.name, k) === name);
  const j = i >= 0 ? i : all.findIndex((o, k) => oneofFieldName(o.name, k).toUpperCase() === name.toUpperCase());
  return j >= 0 ? all[j].members : undefined;
}

/**
 * Readers for a oneof's members into its STRUCT column: the member read sets its field, the
 * others NULL; the last member on the wire wins, as protobuf has it. Members the STRUCT has no
 * field for are skipped.
 */
function oneofReaders(members: PbField[], t: SqlType): [number, Slot['read']][] {
  if (t.kind !== 'STRUCT') mismatch(`oneof ${members[0]?.oneof ?? ''}`, t);
  const names = t.fields.map((x) => x.name);
  const out: [number, Slot['read']][] = [];
  for (const f of members) {
    const k = t.fields.findIndex((x) => x.name === f.name);
    const at = k >= 0 ? k : t.fields.findIndex((x) => x.name.toUpperCase() === f.name.toUpperCase());
    if (at < 0) continue;
    const member = fieldReader(f, t.fields[at].type);
    const key = names[at];
    out.push([f.number, (r, wt) => {
      const v = member.read(r, wt, undefined);
      const o: Record<string, unknown> = {};
      for (let n = 0; n < names.length; n++) o[names[n]] = null;
      o[key] = v;
      return o;
    }]);
  }
  return out;
}

/** Reads a message's fields into an array aligned with `targets` (the reader's columns). */
export function messageReader(m: PbMessage, targets: readonly Target[]): (r: ProtoReader, end: number) => unknown[] {
  const byNumber = new Map<number, Slot>();
  const absent: (() => unknown)[] = [];
  targets.forEach((c, i) => {
    const f = matchField(m.fields, c.name);
    if (!f) {
      absent[i] = () => null;
      const oneof = matchOneof(m, c.name);
      if (oneof) {
        try {
          for (const [number, read] of oneofReaders(oneof, c.type)) byNumber.set(number, { slot: i, read });
        } catch (e) {
          const err = atPath(e, `.${c.name}`);
          absent[i] = (): never => { throw err; };
        }
      }
      return;
    }
    let fr;
    try {
      fr = fieldReader(f, c.type);
    } catch (e) {
      // A column the writer's field cannot fill fails each record, naming the column.
      const err = atPath(e, `.${c.name}`);
      fr = { read: (): never => { throw err; }, absent: (): never => { throw err; } };
    }
    byNumber.set(f.number, { slot: i, read: fr.read });
    absent[i] = fr.absent;
  });
  const n = targets.length;
  return (r, end) => {
    const row = new Array<unknown>(n);
    const saved = r.end;
    r.end = end;
    while (r.pos < end) {
      const tag = r.uint32();
      const s = byNumber.get(tag >>> 3);
      if (s === undefined) { r.skip(tag & 7); continue; }
      try {
        row[s.slot] = s.read(r, tag & 7, row[s.slot]);
      } catch (e) {
        throw atPath(e, `.${targets[s.slot].name}`);
      }
    }
    if (r.pos !== end) throw new Failure('truncated protobuf data');
    r.end = saved;
    for (let i = 0; i < n; i++) if (row[i] === undefined) row[i] = absent[i]();
    return row;
  };
}
