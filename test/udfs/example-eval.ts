// A small evaluator for function examples (literals, ARRAY[], MAP(), STRUCT(), function calls,
// simple lambdas), so the examples can be checked before the real compiler exists. It infers
// literal types as ksqlDB does and resolves overloads by arity and argument kind.
import type { ScalarFunction, ScalarOverload, TypePattern } from '../../udfs/types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { Decimal } from '../../src/types/decimal.js';

type Tok = { t: 'id' | 'num' | 'str' | 'sym'; v: string };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (src[i] === "'" && src[i + 1] === "'") { s += "'"; i += 2; continue; }
        if (src[i] === "'") { i++; break; }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    const num = /^\d+(\.\d*)?(E[+-]?\d+)?/i.exec(src.slice(i));
    if (num) { out.push({ t: 'num', v: num[0] }); i += num[0].length; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { out.push({ t: 'id', v: id[0] }); i += id[0].length; continue; }
    const sym = /^(:=|=>|[()[\],+\-*>])/.exec(src.slice(i));
    if (!sym) throw new Error(`cannot lex ${src.slice(i)}`);
    out.push({ t: 'sym', v: sym[0] });
    i += sym[0].length;
  }
  return out;
}

type Node =
  | { k: 'lit'; value: unknown; type: SqlType }
  | { k: 'unit'; name: string }
  | { k: 'ref'; name: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'array'; items: Node[] }
  | { k: 'map'; entries: [Node, Node][] }
  | { k: 'struct'; fields: [string, Node][] }
  | { k: 'lambda'; params: string[]; body: Node }
  | { k: 'bin'; op: string; left: Node; right: Node };

const UNITS = new Set(['DAY', 'DAYS', 'HOUR', 'HOURS', 'MINUTE', 'MINUTES', 'SECOND', 'SECONDS', 'MILLISECOND', 'MILLISECONDS']);

function parse(src: string): Node {
  const toks = lex(src);
  let p = 0;
  const peek = (v?: string): boolean => p < toks.length && (v === undefined || toks[p].v.toUpperCase() === v);
  const expect = (v: string): void => { if (!peek(v)) throw new Error(`expected ${v} at ${p}`); p++; };
  const list = <T>(close: string, item: () => T): T[] => {
    const out: T[] = [];
    if (peek(close)) { p++; return out; }
    for (;;) { out.push(item()); if (peek(',')) { p++; continue; } expect(close); return out; }
  };
  const expr = (): Node => {
    let left = additive();
    while (peek('>')) { p++; left = { k: 'bin', op: '>', left, right: additive() }; }
    return left;
  };
  const additive = (): Node => {
    let left = term();
    while (peek('+')) { p++; left = { k: 'bin', op: '+', left, right: term() }; }
    return left;
  };
  const term = (): Node => {
    let left = primary();
    while (peek('*')) { p++; left = { k: 'bin', op: '*', left, right: primary() }; }
    return left;
  };
  const primary = (): Node => {
    const tok = toks[p++];
    if (tok.t === 'sym' && tok.v === '-') {
      const n = primary() as { k: 'lit'; value: unknown; type: SqlType };
      return { k: 'lit', value: n.value instanceof Decimal ? n.value.negate() : -(n.value as number), type: n.type };
    }
    if (tok.t === 'sym' && tok.v === '(') {
      // A parenthesized lambda parameter list.
      const params = list(')', () => toks[p++].v.toUpperCase());
      expect('=>');
      return { k: 'lambda', params, body: expr() };
    }
    if (tok.t === 'str') return { k: 'lit', value: tok.v, type: { kind: 'STRING' } };
    if (tok.t === 'num') return numberLit(tok.v);
    const name = tok.v.toUpperCase();
    if (name === 'NULL') return { k: 'lit', value: null, type: { kind: 'NULL' } };
    if (name === 'TRUE' || name === 'FALSE') return { k: 'lit', value: name === 'TRUE', type: { kind: 'BOOLEAN' } };
    if (name === 'ARRAY' && peek('[')) { p++; return { k: 'array', items: list(']', expr) }; }
    if (name === 'MAP' && peek('(')) {
      p++;
      return { k: 'map', entries: list(')', () => { const key = expr(); expect(':='); return [key, expr()] as [Node, Node]; }) };
    }
    if (name === 'STRUCT' && peek('(')) {
      p++;
      return { k: 'struct', fields: list(')', () => { const n = toks[p++].v.toUpperCase(); expect(':='); return [n, expr()] as [string, Node]; }) };
    }
    if (peek('(')) { p++; return { k: 'call', name, args: list(')', expr) }; }
    if (peek('=>')) { p++; return { k: 'lambda', params: [name], body: expr() }; }
    if (UNITS.has(name)) return { k: 'unit', name };
    return { k: 'ref', name };
  };
  const n = expr();
  if (p !== toks.length) throw new Error(`trailing input in ${src}`);
  return n;
}

function numberLit(text: string): Node {
  if (/e/i.test(text)) return { k: 'lit', value: Number(text), type: { kind: 'DOUBLE' } };
  if (text.includes('.')) {
    const d = Decimal.fromString(text);
    return { k: 'lit', value: d, type: { kind: 'DECIMAL', precision: Math.max(d.precision, d.scale), scale: d.scale } };
  }
  const n = Number(text);
  return { k: 'lit', value: n, type: { kind: n <= 2147483647 ? 'INTEGER' : 'BIGINT' } };
}

const RANK: Record<string, number> = { INTEGER: 1, BIGINT: 2, DECIMAL: 3, DOUBLE: 4 };

function common(types: SqlType[]): SqlType {
  const known = types.filter((t) => t.kind !== 'NULL');
  if (known.length === 0) return { kind: 'NULL' };
  let best = known[0];
  for (const t of known.slice(1)) {
    if (t.kind === 'DECIMAL' && best.kind === 'DECIMAL') {
      const scale = Math.max(t.scale, best.scale);
      const ints = Math.max(t.precision - t.scale, best.precision - best.scale);
      best = { kind: 'DECIMAL', precision: ints + scale, scale };
    } else if ((RANK[t.kind] ?? 0) > (RANK[best.kind] ?? 0)) best = t;
  }
  return best;
}

function coerce(v: unknown, t: SqlType): unknown {
  if (v === null) return null;
  if (t.kind === 'DECIMAL') return v instanceof Decimal ? v.setScale(t.scale) : Decimal.fromNumber(v as number, t.scale);
  if (t.kind === 'DOUBLE' && v instanceof Decimal) return v.toNumber();
  return v;
}

type Env = Map<string, { value: unknown; type: SqlType }>;
type Extra = Record<string, (...args: any[]) => unknown>;

function matches(p: TypePattern, t: SqlType): boolean {
  if (p.kind === 'GENERIC' || p.kind === 'LAMBDA' || t.kind === 'NULL') return true;
  if (p.kind === 'ARRAY') return t.kind === 'ARRAY' && matches(p.item, t.item);
  if (p.kind === 'MAP') return t.kind === 'MAP' && matches(p.key, t.key) && matches(p.value, t.value);
  if (t.kind === p.kind) return true;
  return (RANK[t.kind] ?? 9) < (RANK[p.kind] ?? 0);
}

function bind(p: TypePattern, t: SqlType, out: Map<string, SqlType>): void {
  if (p.kind === 'GENERIC') { if (!out.has(p.name) || out.get(p.name)!.kind === 'NULL') out.set(p.name, t); return; }
  if (p.kind === 'ARRAY' && t.kind === 'ARRAY') bind(p.item, t.item, out);
  if (p.kind === 'MAP' && t.kind === 'MAP') { bind(p.key, t.key, out); bind(p.value, t.value, out); }
}

function instantiate(p: TypePattern, g: Map<string, SqlType>): SqlType {
  switch (p.kind) {
    case 'GENERIC': return g.get(p.name) ?? { kind: 'NULL' };
    case 'ARRAY': return { kind: 'ARRAY', item: instantiate(p.item, g) };
    case 'MAP': return { kind: 'MAP', key: instantiate(p.key, g), value: instantiate(p.value, g) };
    case 'LAMBDA': case 'ANY_STRUCT': return { kind: 'NULL' };
    case 'DECIMAL': return { kind: 'DECIMAL', precision: p.precision ?? 38, scale: p.scale ?? 0 };
    default: return p as SqlType;
  }
}

export function makeEvaluator(functions: readonly ScalarFunction[], extra: Extra = {}) {
  const byName = new Map(functions.map((f) => [f.name, f]));

  function evalNode(n: Node, env: Env): { value: unknown; type: SqlType } {
    switch (n.k) {
      case 'lit': return { value: n.value, type: n.type };
      case 'unit': return { value: n.name, type: { kind: 'STRING' } };
      case 'ref': {
        const b = env.get(n.name);
        if (!b) throw new Error(`unknown name ${n.name}`);
        return b;
      }
      case 'bin': {
        const l = evalNode(n.left, env), r = evalNode(n.right, env);
        const a = l.value as number, b = r.value as number;
        if (n.op === '>') return { value: a > b, type: { kind: 'BOOLEAN' } };
        return { value: n.op === '+' ? a + b : a * b, type: common([l.type, r.type]) };
      }
      case 'array': {
        const items = n.items.map((i) => evalNode(i, env));
        const t = common(items.map((i) => i.type));
        return { value: items.map((i) => coerce(i.value, t)), type: { kind: 'ARRAY', item: t } };
      }
      case 'map': {
        const es = n.entries.map(([k, v]) => [evalNode(k, env), evalNode(v, env)] as const);
        const vt = common(es.map(([, v]) => v.type));
        return { value: new Map(es.map(([k, v]) => [k.value, coerce(v.value, vt)])), type: { kind: 'MAP', key: { kind: 'STRING' }, value: vt } };
      }
      case 'struct': {
        const fs = n.fields.map(([name, v]) => [name, evalNode(v, env)] as const);
        return {
          value: Object.fromEntries(fs.map(([name, v]) => [name, v.value])),
          type: { kind: 'STRUCT', fields: fs.map(([name, v]) => ({ name, type: v.type })) },
        };
      }
      case 'lambda': throw new Error('a lambda outside a call');
      case 'call': return call(n, env);
    }
  }

  function call(n: { name: string; args: Node[] }, env: Env): { value: unknown; type: SqlType } {
    if (extra[n.name]) {
      const args = n.args.map((a) => evalNode(a, env));
      const value = extra[n.name](...args.map((a) => a.value));
      return { value, type: typeof value === 'string' ? { kind: 'STRING' } : { kind: 'INTEGER' } };
    }
    const fn = byName.get(n.name);
    if (!fn) throw new Error(`unknown function ${n.name}`);
    // Non-lambda arguments first: they decide the overload and the lambda parameter types.
    const plain = n.args.map((a) => (a.k === 'lambda' ? undefined : evalNode(a, env)));
    const types = plain.map((a) => a?.type ?? ({ kind: 'NULL' } as SqlType));
    const ov = fn.overloads.find((o) => arityOk(o, n.args.length) &&
      n.args.every((a, i) => {
        const p = o.params[Math.min(i, o.params.length - 1)].type;
        return a.k === 'lambda' ? p.kind === 'LAMBDA' : p.kind !== 'LAMBDA' && matches(p, types[i]);
      }));
    if (!ov) throw new Error(`no overload of ${n.name} for ${types.map((t) => t.kind)}`);
    const g = new Map<string, SqlType>();
    n.args.forEach((a, i) => { if (a.k !== 'lambda') bind(ov.params[Math.min(i, ov.params.length - 1)].type, types[i], g); });
    const args = n.args.map((a, i) => {
      if (a.k !== 'lambda') {
        const p = ov.params[Math.min(i, ov.params.length - 1)].type;
        return p.kind === 'GENERIC' || p.kind === 'ARRAY' || p.kind === 'MAP' ? plain[i]!.value : coerce(plain[i]!.value, instantiate(p, g));
      }
      const lp = ov.params[i].type as { kind: 'LAMBDA'; params: TypePattern[]; returns: TypePattern };
      return (...vals: unknown[]) => {
        const inner: Env = new Map(env);
        a.params.forEach((name, j) => inner.set(name, { value: vals[j], type: instantiate(lp.params[j], g) }));
        const r = evalNode(a.body, inner);
        if (lp.returns.kind === 'GENERIC' && !g.has(lp.returns.name)) g.set(lp.returns.name, r.type);
        return r.value;
      };
    });
    let value: unknown;
    if (ov.nulls !== 'custom' && args.some((a) => a === null)) value = null;
    else if (ov.factory) value = ov.factory(types, { kind: 'STRING' })(...args);
    else value = ov.impl!(...args);
    const type = typeof ov.returns === 'function' ? ov.returns(types) : instantiate(ov.returns, g);
    return { value, type };
  }

  return (src: string): unknown => evalNode(parse(src), new Map()).value;
}

function arityOk(o: ScalarOverload, n: number): boolean {
  return o.variadic ? n >= o.params.length - 1 : n === o.params.length;
}

/** A value in its example form: DECIMAL as text, MAP as an object, BYTES as base64. */
export function toExampleForm(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map(toExampleForm);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), toExampleForm(x)]));
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, toExampleForm(x)]));
  return v;
}
