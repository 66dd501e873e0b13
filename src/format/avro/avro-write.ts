// SQL values → values avsc encodes with the writer schema: the schema ksqlDB derives from the
// columns, or a registered one (VALUE_SCHEMA_ID), whose fields are matched to columns by name
// (exactly, else ignoring case) and whose fields without a column get their default.
// Compiled once per serde; per record only the conversion runs.
import type { SqlType } from '../../types/sql-type.js';
import { formatType } from '../../types/sql-type.js';
import { Decimal } from '../../types/decimal.js';
import { Failure, atPath, mapItems, jsTypeName } from '../serde-failure.js';
import { type AvroNode, isNullable, nonNull } from './avro-node.js';
import { matchField, type Convert } from './avro-read.js';
import { decimalToBytes } from './avro-decimal.js';

function cannot(w: AvroNode, t: SqlType): Convert {
  const msg = `${formatType(t)} cannot be written as Avro type ${w.kind}`;
  return () => { throw new Failure(msg); };
}

function expect(ok: (v: unknown) => boolean, java: string): Convert {
  return (v) => {
    if (!ok(v)) throw new Failure(`value does not match expected type. expected: ${java}, but got: ${jsTypeName(v)}`);
    return v;
  };
}

const isNumber = (v: unknown): boolean => typeof v === 'number';
const isLong = (v: unknown): boolean => typeof v === 'number' || typeof v === 'bigint';

export function writerFor(w: AvroNode, t: SqlType): Convert {
  if (w.kind === 'union') {
    const one = nonNull(w);
    if (!one) return cannot(w, t);
    const inner = writerFor(one, t);
    const nullable = isNullable(w);
    return (v) => {
      if (v === null || v === undefined) {
        if (nullable) return null;
        throw new Failure('null cannot be written to a non-nullable Avro field');
      }
      return inner(v);
    };
  }
  const inner = writerForValue(w, t);
  return (v) => {
    if (v === null || v === undefined) throw new Failure('null cannot be written to a non-nullable Avro field');
    return inner(v);
  };
}

function writerForValue(w: AvroNode, t: SqlType): Convert {
  switch (w.kind) {
    case 'boolean': return t.kind === 'BOOLEAN' ? expect((v) => typeof v === 'boolean', 'Boolean') : cannot(w, t);
    case 'int':
      return t.kind === 'INTEGER' || t.kind === 'DATE' || t.kind === 'TIME' ? expect(isNumber, 'Integer') : cannot(w, t);
    case 'long':
      return t.kind === 'BIGINT' || t.kind === 'INTEGER' || t.kind === 'TIMESTAMP' ? expect(isLong, 'Long') : cannot(w, t);
    case 'float': case 'double': {
      if (t.kind !== 'DOUBLE' && t.kind !== 'INTEGER' && t.kind !== 'BIGINT') return cannot(w, t);
      const check = expect(isLong, 'Double');
      return (v) => Number(check(v)); // a BIGINT past 2^53 is a bigint (values/long.ts)
    }
    case 'string':
      return t.kind === 'STRING' ? expect((v) => typeof v === 'string', 'String') : cannot(w, t);
    case 'enum': {
      if (t.kind !== 'STRING') return cannot(w, t);
      const symbols = new Set(w.symbols);
      return (v) => {
        if (!symbols.has(v as string)) throw new Failure(`'${String(v)}' is not a symbol of enum ${w.name}`);
        return v;
      };
    }
    case 'bytes': case 'fixed': {
      if (w.decimal) {
        if (t.kind !== 'DECIMAL') return cannot(w, t);
        const { scale, precision } = w.decimal;
        const size = w.kind === 'fixed' ? w.size : 0;
        return (v) => {
          if (!(v instanceof Decimal)) throw new Failure(`value does not match expected type. expected: BigDecimal, but got: ${jsTypeName(v)}`);
          const d = v.setScale(scale);
          // As Avro's DecimalConversion: a value with more digits than the schema's precision is refused.
          if (d.precision > precision) throw new Failure(`Cannot encode decimal with precision ${d.precision} as max precision ${precision}`);
          const b = decimalToBytes(d);
          return size ? signExtend(b, size) : b;
        };
      }
      if (t.kind !== 'BYTES') return cannot(w, t);
      return (v) => {
        if (!(v instanceof Uint8Array)) throw new Failure(`value does not match expected type. expected: ByteBuffer, but got: ${jsTypeName(v)}`);
        return Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
      };
    }
    case 'array': {
      if (t.kind !== 'ARRAY') return cannot(w, t);
      return mapItems(writerFor(w.items, t.item));
    }
    case 'map': {
      if (t.kind !== 'MAP') return cannot(w, t);
      const value = writerFor(w.values, t.value);
      return (v) => {
        const out: Record<string, unknown> = {};
        for (const [k, x] of v as Map<unknown, unknown>) {
          try { out[String(k)] = value(x); } catch (e) { throw atPath(e, `.${String(k)}`); }
        }
        return out;
      };
    }
    case 'record': {
      if (t.kind !== 'STRUCT') return cannot(w, t);
      const fill = recordWriter(w, t.fields.map((f) => ({ name: f.name, type: f.type })));
      return (v) => {
        const o = v as Record<string, unknown>;
        return fill((i, name) => o[name]);
      };
    }
    default:
      return cannot(w, t);
  }
}

/** Java writes a fixed decimal sign-extended to the fixed size. */
function signExtend(b: Buffer, size: number): Buffer {
  if (b.length === size) return b;
  if (b.length > size) throw new Failure(`decimal needs ${b.length} bytes, over the fixed size ${size}`);
  const out = Buffer.alloc(size, b[0] & 0x80 ? 0xff : 0);
  b.copy(out, size - b.length);
  return out;
}

/**
 * A record from named SQL values: `get(i, name)` is column i's value. Writer fields with no
 * column take their default (or null when nullable); a column with no writer field is dropped.
 */
export function recordWriter(
  w: AvroNode & { kind: 'record' }, columns: readonly { name: string; type: SqlType }[],
): (get: (i: number, name: string) => unknown) => Record<string, unknown> {
  const parts = w.fields.map((f) => {
    const i = columns.findIndex((c) => c.name === f.name);
    const j = i >= 0 ? i : columns.findIndex((c) => c.name.toUpperCase() === f.name.toUpperCase());
    if (j < 0) {
      if (!f.hasDefault && !isNullable(f.type)) {
        return { field: f.name, index: -1, name: '', write: (): unknown => { throw new Failure(`no value for the required Avro field ${f.name}`); } };
      }
      const dflt = f.hasDefault ? f.default : null;
      return { field: f.name, index: -1, name: '', write: (): unknown => dflt };
    }
    const write = writerFor(f.type, columns[j].type);
    if (!f.hasDefault || isNullable(f.type)) return { field: f.name, index: j, name: columns[j].name, write };
    // A NULL for a required field with a default writes the default (as ksqlDB's QTT cases expect).
    const dflt = f.default;
    return { field: f.name, index: j, name: columns[j].name, write: (v: unknown) => (v === null || v === undefined ? dflt : write(v)) };
  });
  return (get) => {
    const out: Record<string, unknown> = {};
    for (const p of parts) {
      try {
        out[p.field] = p.index < 0 ? p.write(undefined) : p.write(get(p.index, p.name));
      } catch (e) { throw atPath(e, `.${p.field}`); }
    }
    return out;
  };
}
