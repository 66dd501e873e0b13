// Encodes operator state (group keys, accumulators, rows) as JSON text that decodes to equal
// values: SQL values (docs/VALUES.md) and the plain data aggregate accumulators hold. JSON
// lacks some of them, so those become one-key objects tagged with '$': {"$d":["-1234",2]} is a
// DECIMAL, {"$m":[[k,v]...]} a Map. A plain object with a key starting with '$' is escaped as
// {"$o":[[k,v]...]}, so tags are never ambiguous. An object with a toJSON method (the
// streaming-statistics accumulators: src/ml's TDigest, Adwin, Cusum) is stored as what it returns
// and decodes to that plain data; its aggregator turns it back into the object.
import { Decimal } from '../../types/decimal.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

export function encodeState(v: unknown): Uint8Array {
  return enc.encode(JSON.stringify(toJson(v)));
}

export function decodeState(bytes: Uint8Array): unknown {
  return fromJson(JSON.parse(dec.decode(bytes)));
}

function toJson(v: unknown): unknown {
  if (v === null || v === undefined) return v === null ? null : { $u: 0 };
  switch (typeof v) {
    case 'string': case 'boolean': return v;
    case 'number': return Number.isFinite(v) && !Object.is(v, -0) ? v : { $n: Object.is(v, -0) ? '-0' : String(v) };
    case 'bigint': return { $b: v.toString() };
    default: break;
  }
  if (Array.isArray(v)) return v.map(toJson);
  if (v instanceof Decimal) return { $d: [v.unscaled.toString(), v.scale] };
  if (v instanceof Uint8Array) return { $y: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [toJson(k), toJson(x)]) };
  if (v instanceof Set) return { $s: [...v].map(toJson) };
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return toJson((v as { toJSON(): unknown }).toJSON());
  const entries = Object.entries(v as object);
  if (entries.some(([k]) => k.startsWith('$'))) return { $o: entries.map(([k, x]) => [k, toJson(x)]) };
  const out: Record<string, unknown> = {};
  for (const [k, x] of entries) out[k] = toJson(x);
  return out;
}

function fromJson(j: unknown): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) return j.map(fromJson);
  const o = j as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0].startsWith('$')) {
    const t = o[keys[0]];
    switch (keys[0]) {
      case '$u': return undefined;
      case '$n': return Number(t);
      case '$b': return BigInt(t as string);
      case '$d': { const [u, s] = t as [string, number]; return new Decimal(BigInt(u), s); }
      case '$y': return new Uint8Array(Buffer.from(t as string, 'base64'));
      case '$m': return new Map((t as [unknown, unknown][]).map(([k, x]) => [fromJson(k), fromJson(x)]));
      case '$s': return new Set((t as unknown[]).map(fromJson));
      case '$o': return Object.fromEntries((t as [string, unknown][]).map(([k, x]) => [k, fromJson(x)]));
      default: throw new Error(`state: unknown tag ${keys[0]}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = fromJson(o[k]);
  return out;
}
