// Decoded Avro values (as avsc gives them: unions unwrapped, bytes as Buffers, maps as objects)
// → SQL values of the reader's columns, as ksqlDB reads them through Connect: fields matched by
// name (exactly, else ignoring case), missing fields NULL, numbers widened (INT → BIGINT →
// DOUBLE), anything primitive read into a STRING as its text, enums as their symbol.
// Compiled once per writer schema; per record only the conversion runs.
import type { SqlType } from '../../types/sql-type.js';
import { formatType } from '../../types/sql-type.js';
import { Failure, atPath, mapItems } from '../serde-failure.js';
import { copyBytes } from '../bytes.js';
import { type AvroField, type AvroNode, nonNull } from './avro-node.js';
import { decimalFromBytes } from './avro-decimal.js';
import { unionFieldName } from './columns-from-avro.js';

export type Convert = (v: unknown) => unknown;

/** Finds the writer's field for a column: the same name, else the same name ignoring case. */
export function matchField(fields: readonly AvroField[], name: string): AvroField | undefined {
  return fields.find((f) => f.name === name) ?? fields.find((f) => f.name.toUpperCase() === name.toUpperCase());
}

function mismatch(w: AvroNode, t: SqlType): Convert {
  const msg = `Avro type ${w.kind} cannot be read as ${formatType(t)}`;
  return () => { throw new Failure(msg); };
}

export function readerFor(w: AvroNode, t: SqlType): Convert {
  if (w.kind === 'union') {
    const one = nonNull(w);
    if (one) {
      const inner = readerFor(one, t);
      return (v) => (v === null || v === undefined ? null : inner(v));
    }
    return unionReader(w, t);
  }
  switch (t.kind) {
    case 'BOOLEAN':
      return w.kind === 'boolean' ? (v) => v : mismatch(w, t);
    case 'INTEGER':
      return w.kind === 'int' ? (v) => v : mismatch(w, t);
    case 'BIGINT':
      return w.kind === 'int' || w.kind === 'long' ? (v) => v : mismatch(w, t);
    case 'DOUBLE':
      if (w.kind === 'long') return (v) => Number(v); // exact longs past 2^53 are bigints
      return w.kind === 'int' || w.kind === 'float' || w.kind === 'double' ? (v) => v : mismatch(w, t);
    case 'STRING':
      if (w.kind === 'string' || w.kind === 'enum') return (v) => v;
      if (w.kind === 'int' || w.kind === 'long' || w.kind === 'boolean') return (v) => String(v);
      if (w.kind === 'float' || w.kind === 'double') return (v) => javaDouble(v as number);
      return mismatch(w, t);
    case 'BYTES':
      return (w.kind === 'bytes' || w.kind === 'fixed') && !w.decimal ? (v) => copyBytes(v as Uint8Array) : mismatch(w, t);
    case 'DECIMAL': {
      if ((w.kind !== 'bytes' && w.kind !== 'fixed') || !w.decimal) return mismatch(w, t);
      const ws = w.decimal.scale;
      const { precision, scale } = t;
      return (v) => {
        const d = decimalFromBytes(v as Uint8Array, ws);
        const r = ws === scale ? d : d.setScale(scale);
        if (r.precision - r.scale > precision - scale && r.unscaled !== 0n) {
          throw new Failure(`Numeric field overflow: DECIMAL(${precision}, ${scale}) cannot hold ${r.toString()}`);
        }
        return r;
      };
    }
    case 'DATE': case 'TIME':
      return w.kind === 'int' ? (v) => v : mismatch(w, t);
    case 'TIMESTAMP':
      return w.kind === 'long' ? (v) => Number(v) : mismatch(w, t);
    case 'ARRAY': {
      if (w.kind !== 'array') return mismatch(w, t);
      return mapItems(readerFor(w.items, t.item));
    }
    case 'MAP': {
      if (w.kind !== 'map') return mismatch(w, t);
      const value = readerFor(w.values, t.value);
      return (v) => {
        const out = new Map<string, unknown>();
        for (const k in v as Record<string, unknown>) {
          try { out.set(k, value((v as Record<string, unknown>)[k])); } catch (e) { throw atPath(e, `.${k}`); }
        }
        return out;
      };
    }
    case 'STRUCT': {
      if (w.kind !== 'record') return mismatch(w, t);
      const parts = t.fields.map((f) => {
        const wf = matchField(w.fields, f.name);
        return { name: f.name, from: wf?.name, read: wf ? readerFor(wf.type, f.type) : undefined };
      });
      return (v) => {
        const o = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const p of parts) {
          if (p.read === undefined) { out[p.name] = null; continue; }
          try { out[p.name] = p.read(o[p.from!]); } catch (e) { throw atPath(e, `.${p.name}`); }
        }
        return out;
      };
    }
    default:
      return mismatch(w, t);
  }
}

/** A union of several types read into the STRUCT inference gives it: the branch that fits, set. */
function unionReader(w: AvroNode & { kind: 'union' }, t: SqlType): Convert {
  if (t.kind !== 'STRUCT') return mismatch(w, t);
  const branches = w.branches.filter((b) => b.kind !== 'null');
  const names = branches.map((b, i) => unionFieldName(b, i));
  return (v) => {
    if (v === null || v === undefined) return null;
    const out: Record<string, unknown> = {};
    for (const f of t.fields) out[f.name] = null;
    const i = branches.findIndex((b) => fits(b, v));
    if (i >= 0 && names[i] in out) out[names[i]] = readerFor(branches[i], t.fields.find((f) => f.name === names[i])!.type)(v);
    return out;
  };
}

function fits(b: AvroNode, v: unknown): boolean {
  switch (b.kind) {
    case 'boolean': return typeof v === 'boolean';
    case 'int': return typeof v === 'number' && Number.isInteger(v);
    case 'long': return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
    case 'float': case 'double': return typeof v === 'number';
    case 'string': case 'enum': return typeof v === 'string';
    case 'bytes': case 'fixed': return v instanceof Uint8Array;
    case 'array': return Array.isArray(v);
    default: return typeof v === 'object' && v !== null;
  }
}

/** Java's Double.toString for the common cases: 4.0, not 4. */
function javaDouble(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e7 ? n.toFixed(1) : String(n);
}
