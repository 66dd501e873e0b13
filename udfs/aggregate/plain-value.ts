// Accumulators must be plain data (state stores serialize them), but SQL values may hold a
// Decimal, a Uint8Array or a Map. A codec converts one SQL type's values to and from a plain form:
// DECIMAL → its text at the type's scale, BYTES → base64, MAP → [key, value] pairs.
import type { SqlType } from '../../src/types/sql-type.js';
import { Decimal } from '../../src/types/decimal.js';

export interface PlainCodec {
  toPlain(v: unknown): unknown;
  fromPlain(p: unknown): unknown;
  /** Both directions are the identity: nothing in the type needs converting. */
  readonly identity: boolean;
}

const same = (v: unknown): unknown => v;
const IDENTITY: PlainCodec = { toPlain: same, fromPlain: same, identity: true };

export function codecFor(t: SqlType): PlainCodec {
  switch (t.kind) {
    case 'DECIMAL': {
      const scale = t.scale;
      return {
        identity: false,
        toPlain: (v) => (v === null ? null : decimalText(v as Decimal, scale)),
        fromPlain: (p) => (p === null ? null : Decimal.fromString(p as string).setScale(scale)),
      };
    }
    case 'BYTES':
      return {
        identity: false,
        toPlain: (v) => (v === null ? null : Buffer.from(v as Uint8Array).toString('base64')),
        fromPlain: (p) => (p === null ? null : new Uint8Array(Buffer.from(p as string, 'base64'))),
      };
    case 'ARRAY': {
      const item = codecFor(t.item);
      if (item.identity) return IDENTITY;
      return {
        identity: false,
        toPlain: (v) => (v === null ? null : (v as unknown[]).map(item.toPlain)),
        fromPlain: (p) => (p === null ? null : (p as unknown[]).map(item.fromPlain)),
      };
    }
    case 'MAP': {
      const key = codecFor(t.key);
      const value = codecFor(t.value);
      return {
        identity: false,
        toPlain: (v) => {
          if (v === null) return null;
          const out: unknown[][] = [];
          for (const [k, x] of v as Map<unknown, unknown>) out.push([key.toPlain(k), value.toPlain(x)]);
          return out;
        },
        fromPlain: (p) => {
          if (p === null) return null;
          const out = new Map<unknown, unknown>();
          for (const [k, x] of p as unknown[][]) out.set(key.fromPlain(k), value.fromPlain(x));
          return out;
        },
      };
    }
    case 'STRUCT': {
      const fields = t.fields.map((f) => ({ name: f.name, codec: codecFor(f.type) }));
      if (fields.every((f) => f.codec.identity)) return IDENTITY;
      const convert = (o: unknown, dir: 'toPlain' | 'fromPlain'): unknown => {
        if (o === null) return null;
        const src = o as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const f of fields) out[f.name] = f.codec[dir](src[f.name] ?? null);
        return out;
      };
      return { identity: false, toPlain: (v) => convert(v, 'toPlain'), fromPlain: (p) => convert(p, 'fromPlain') };
    }
    default:
      return IDENTITY;
  }
}

/** A decimal's text at the type's scale: every value of one column compares by this text. */
export function decimalText(d: Decimal, scale: number): string {
  return (d.scale === scale ? d : d.setScale(scale)).toString();
}
