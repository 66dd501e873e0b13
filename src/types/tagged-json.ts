// JSON for values JSON lacks, so they round-trip equal: those become one-key objects tagged
// with '$': {"$d":["-1234",2]} is a DECIMAL, {"$b":"..."} a bigint, {"$m":[[k,v]...]} a Map,
// {"$y":"base64"} bytes, {"$n":"NaN"} a non-finite number or -0, {"$u":0} undefined. A plain
// object with a key starting with '$' is escaped as {"$o":[[k,v]...]}, so tags are never
// ambiguous. Operator state (changelogs) and stored plans (the command topic) are kept in it.
// With `shared` (stored plans), an array or plain object met again is written {"$r":n}, n its
// number in order of first appearance, and read back as the same object: a typed expression
// holds its AST, whose subtrees its children hold again, which written out in full grew with the
// square of the expression's depth (a WHERE of 100 ORs took 2 MB).
import { Decimal } from './decimal.js';

/** Arrays and plain objects written so far, by number (see `shared` above). */
export type SharedRefs = Map<object, number>;

export function toTaggedJson(v: unknown, shared?: SharedRefs): unknown {
  if (v === null || v === undefined) return v === null ? null : { $u: 0 };
  switch (typeof v) {
    case 'string': case 'boolean': return v;
    case 'number': return Number.isFinite(v) && !Object.is(v, -0) ? v : { $n: Object.is(v, -0) ? '-0' : String(v) };
    case 'bigint': return { $b: v.toString() };
    default: break;
  }
  if (shared !== undefined && (Array.isArray(v) || isPlainObject(v))) {
    const seen = shared.get(v as object);
    if (seen !== undefined) return { $r: seen };
    shared.set(v as object, shared.size);
  }
  if (Array.isArray(v)) return v.map((x) => toTaggedJson(x, shared));
  if (v instanceof Decimal) return { $d: [v.unscaled.toString(), v.scale] };
  if (v instanceof Uint8Array) return { $y: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [toTaggedJson(k, shared), toTaggedJson(x, shared)]) };
  if (v instanceof Set) return { $s: [...v].map((x) => toTaggedJson(x, shared)) };
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return toTaggedJson((v as { toJSON(): unknown }).toJSON(), shared);
  const entries = Object.entries(v as object);
  if (entries.some(([k]) => k.startsWith('$'))) return { $o: entries.map(([k, x]) => [k, toTaggedJson(x, shared)]) };
  const out: Record<string, unknown> = {};
  for (const [k, x] of entries) out[k] = toTaggedJson(x, shared);
  return out;
}

/** Objects of tagged JSON's own: not numbered for `shared` (they are values, never shared). */
function isPlainObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || v instanceof Map || v instanceof Set || v instanceof Uint8Array || v instanceof Decimal) return false;
  return typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** `shared`: the objects read so far, by number, where the writer had `shared` too. */
export function fromTaggedJson(j: unknown, shared?: object[]): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) {
    const out: unknown[] = [];
    shared?.push(out);
    for (const x of j) out.push(fromTaggedJson(x, shared));
    return out;
  }
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
      case '$m': return new Map((t as [unknown, unknown][]).map(([k, x]) => [fromTaggedJson(k, shared), fromTaggedJson(x, shared)]));
      case '$s': return new Set((t as unknown[]).map((x) => fromTaggedJson(x, shared)));
      case '$o': {
        const out: Record<string, unknown> = {};
        shared?.push(out);
        for (const [k, x] of t as [string, unknown][]) out[k] = fromTaggedJson(x, shared);
        return out;
      }
      case '$r': {
        const ref = shared?.[t as number];
        if (ref === undefined) throw new Error(`tagged JSON: a reference to object ${String(t)}, which is not before it`);
        return ref;
      }
      default: throw new Error(`tagged JSON: unknown tag ${keys[0]}`);
    }
  }
  const out: Record<string, unknown> = {};
  shared?.push(out);
  for (const k of keys) out[k] = fromTaggedJson(o[k], shared);
  return out;
}
