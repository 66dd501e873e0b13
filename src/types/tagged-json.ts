// JSON for values JSON lacks, so they round-trip equal: those become one-key objects tagged
// with '$': {"$d":["-1234",2]} is a DECIMAL, {"$b":"..."} a bigint, {"$m":[[k,v]...]} a Map,
// {"$y":"base64"} bytes, {"$n":"NaN"} a non-finite number or -0, {"$u":0} undefined. A plain
// object with a key starting with '$' is escaped as {"$o":[[k,v]...]}, so tags are never
// ambiguous. Operator state (changelogs) and stored plans (the command topic) are kept in it.
import { Decimal } from './decimal.js';

export function toTaggedJson(v: unknown): unknown {
  if (v === null || v === undefined) return v === null ? null : { $u: 0 };
  switch (typeof v) {
    case 'string': case 'boolean': return v;
    case 'number': return Number.isFinite(v) && !Object.is(v, -0) ? v : { $n: Object.is(v, -0) ? '-0' : String(v) };
    case 'bigint': return { $b: v.toString() };
    default: break;
  }
  if (Array.isArray(v)) return v.map(toTaggedJson);
  if (v instanceof Decimal) return { $d: [v.unscaled.toString(), v.scale] };
  if (v instanceof Uint8Array) return { $y: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [toTaggedJson(k), toTaggedJson(x)]) };
  if (v instanceof Set) return { $s: [...v].map(toTaggedJson) };
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return toTaggedJson((v as { toJSON(): unknown }).toJSON());
  const entries = Object.entries(v as object);
  if (entries.some(([k]) => k.startsWith('$'))) return { $o: entries.map(([k, x]) => [k, toTaggedJson(x)]) };
  const out: Record<string, unknown> = {};
  for (const [k, x] of entries) out[k] = toTaggedJson(x);
  return out;
}

export function fromTaggedJson(j: unknown): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) return j.map(fromTaggedJson);
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
      case '$m': return new Map((t as [unknown, unknown][]).map(([k, x]) => [fromTaggedJson(k), fromTaggedJson(x)]));
      case '$s': return new Set((t as unknown[]).map(fromTaggedJson));
      case '$o': return Object.fromEntries((t as [string, unknown][]).map(([k, x]) => [k, fromTaggedJson(x)]));
      default: throw new Error(`tagged JSON: unknown tag ${keys[0]}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = fromTaggedJson(o[k]);
  return out;
}
