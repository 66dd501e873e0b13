// The SQL type of each $n from where it stands, as Postgres infers a parameter's type for
// ParameterDescription: `col = $1` takes the column's type, `INSERT ... VALUES ($1)` the target
// column's, a function argument its parameter's type when every fitting overload agrees. The
// statement is parsed with each $n replaced by a marker literal; the other side of each context
// is typed by Eddy's own analyzer over the statement's sources.
import type { Expr, FunctionCall, InsertValues, Query, Relation, Statement } from '../../grammar/ast.js';
import type { Catalog } from '../../src/plan/catalog.js';
import type { FunctionRegistry } from '../../udfs/registry.js';
import type { ScalarOverload, TypePattern } from '../../udfs/types.js';
import type { ExprScope, ScopeColumn } from '../../src/plan/expr/scope.js';
import { analyzeExpression } from '../../src/plan/expr/analyze.js';
import { resolveAggregate } from '../../src/plan/aggregate-resolve.js';
import { mapExpr, visitExpr } from '../../src/plan/expr-walk.js';
import { PSEUDO_COLUMNS, WINDOW_BOUND_COLUMNS } from '../../src/types/schema.js';
import { BIGINT, BOOLEAN, INTEGER, STRING, isNumeric, type SqlType } from '../../src/types/sql-type.js';

/** The marker literal of $n: a number nobody writes, so a parameter is found by its text. */
export const markerText = (n: number): string => `000000${n}`;

const MARKER = /^-?000000(\d+)$/;

/** The parameter number of a marker literal (`-$1` parses as the literal -0000001), or undefined. */
function markerOf(e: Expr): number | undefined {
  if (e.kind !== 'NumberLit') return undefined;
  const m = MARKER.exec(e.text);
  return m ? Number(m[1]) : undefined;
}

const containsMarker = (e: Expr): boolean => {
  let found = false;
  visitExpr(e, (x) => { if (markerOf(x) !== undefined) found = true; return !found; });
  return found;
};

const RANK: Record<string, number> = { INTEGER: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };

/** The SQL type of each parameter a context gives one to (first context wins), by number. */
export function inferFromContext(statement: Statement, catalog: Catalog, registry: FunctionRegistry): Map<number, SqlType> {
  const inference = new Inference(catalog, registry);
  inference.statement(statement);
  // Then contexts reaching through arithmetic (`price = $1 + $2`), weaker than a direct one (`price * $1 > 1`).
  inference.throughArithmetic = true;
  inference.statement(statement);
  return inference.found;
}

class Inference {
  readonly found = new Map<number, SqlType>();
  throughArithmetic = false;

  constructor(private readonly catalog: Catalog, private readonly registry: FunctionRegistry) {}

  statement(s: Statement): void {
    switch (s.kind) {
      case 'Query': case 'CreateAsSelect': case 'InsertInto': return this.query(s.query);
      case 'CreateModel': if (s.query) this.query(s.query); return;
      case 'InsertValues': return this.insertValues(s);
      case 'Explain': if (s.statement) this.statement(s.statement); return;
      default: return;
    }
  }

  /** `e` must be of type `t`: a marker gets it, and so do the operands of `$1 + $2` where a number is due. */
  private assign(e: Expr | undefined, t: SqlType | undefined): void {
    if (!e || t === undefined || t.kind === 'NULL') return;
    if (this.throughArithmetic && isNumeric(t)) {
      if (e.kind === 'Arithmetic') { this.assign(e.left, t); this.assign(e.right, t); return; }
      if (e.kind === 'Unary' && e.op !== 'NOT') { this.assign(e.operand, t); return; }
    }
    const n = markerOf(e);
    if (n !== undefined && !this.found.has(n)) this.found.set(n, t);
  }

  private query(q: Query): void {
    const scope = this.scopeOf(q);
    for (const item of q.select) {
      if (item.kind === 'SingleColumn') this.expr(item.expr, scope);
      else if (item.structBase) this.expr(item.structBase, scope);
    }
    const conditions = [q.where, q.having, ...joinConditions(q.from)];
    for (const c of conditions) {
      if (!c) continue;
      this.assign(c, BOOLEAN);
      this.expr(c, scope);
    }
    for (const e of [...(q.groupBy ?? []), ...(q.partitionBy ?? [])]) this.expr(e, scope);
  }

  /** The columns the query's expressions see: each source's, qualified by its alias or name. */
  private scopeOf(q: Query): ExprScope {
    const columns: ScopeColumn[] = [];
    const add = (name: string, type: SqlType, qualifier: string) => columns.push({ name, type, qualifier, index: columns.length });
    for (const ref of sourceRefs(q.from)) {
      const def = this.catalog.get(ref.name);
      if (!def) continue;
      const qualifier = ref.alias ?? ref.name;
      for (const c of [...def.schema.key, ...def.schema.value]) add(c.name, c.type, qualifier);
      for (const c of PSEUDO_COLUMNS) add(c.name, c.type, qualifier);
      if (def.window || q.window) for (const c of WINDOW_BOUND_COLUMNS) add(c.name, c.type, qualifier);
    }
    return { columns };
  }

  private insertValues(s: InsertValues): void {
    const def = this.catalog.get(s.target);
    const none: ExprScope = { columns: [] };
    if (def) {
      const all = [...def.schema.key, ...def.schema.value];
      const names = s.columns ?? all.map((c) => c.name);
      s.values.forEach((v, i) => this.assign(v, names[i] === 'ROWTIME' ? BIGINT : all.find((c) => c.name === names[i])?.type));
    }
    for (const v of s.values) this.expr(v, none);
  }

  /** Every node of `e`, parents first, giving its marker children the type their place asks for. */
  private expr(e: Expr, scope: ExprScope): void {
    visitExpr(e, (x) => this.node(x, scope));
  }

  private node(x: Expr, scope: ExprScope): void {
    const typeOf = (e: Expr) => this.typeOf(e, scope);
    switch (x.kind) {
      case 'Comparison': case 'IsDistinctFrom':
        this.assign(x.left, typeOf(x.right));
        this.assign(x.right, typeOf(x.left));
        return;
      case 'Between': {
        const t = typeOf(x.value);
        this.assign(x.low, t);
        this.assign(x.high, t);
        this.assign(x.value, typeOf(x.low) ?? typeOf(x.high));
        return;
      }
      case 'InList': {
        const t = typeOf(x.value);
        for (const item of x.list) this.assign(item, t);
        this.assign(x.value, firstType(x.list, typeOf));
        return;
      }
      case 'Like': for (const p of [x.value, x.pattern, x.escape]) this.assign(p, STRING); return;
      case 'Concat': this.assign(x.left, STRING); this.assign(x.right, STRING); return;
      case 'Logical': this.assign(x.left, BOOLEAN); this.assign(x.right, BOOLEAN); return;
      case 'Unary': if (x.op === 'NOT') this.assign(x.operand, BOOLEAN); return;
      case 'Arithmetic': {
        const numeric = (t: SqlType | undefined) => (t && isNumeric(t) ? t : undefined);
        this.assign(x.left, numeric(typeOf(x.right)));
        this.assign(x.right, numeric(typeOf(x.left)));
        return;
      }
      case 'Case': {
        if (x.operand) {
          const t = typeOf(x.operand);
          for (const w of x.whens) this.assign(w.when, t);
          this.assign(x.operand, firstType(x.whens.map((w) => w.when), typeOf));
        } else {
          for (const w of x.whens) this.assign(w.when, BOOLEAN);
        }
        const results = [...x.whens.map((w) => w.then), ...(x.else ? [x.else] : [])];
        const t = firstType(results, typeOf);
        for (const r of results) this.assign(r, t);
        return;
      }
      case 'Subscript': {
        const t = typeOf(x.base);
        this.assign(x.index, t?.kind === 'ARRAY' ? INTEGER : t?.kind === 'MAP' ? t.key : undefined);
        return;
      }
      case 'ArrayCtor': {
        const t = firstType(x.items, typeOf);
        for (const item of x.items) this.assign(item, t);
        return;
      }
      case 'FunctionCall': return this.call(x, scope);
      default: return;
    }
  }

  /** A function argument: the type every overload that fits the other arguments gives that place. */
  private call(x: FunctionCall, scope: ExprScope): void {
    const def = this.registry.get(x.name);
    if (def?.kind !== 'scalar' || !x.args.some((a) => markerOf(a) !== undefined)) return;
    if (def.model) {
      const [first, ...features] = x.args;
      const name = first?.kind === 'ColumnRef' ? first.name : first?.kind === 'StringLit' ? first.value.toUpperCase() : undefined;
      const model = name === undefined ? undefined : this.registry.models?.(name);
      features.forEach((f, i) => this.assign(f, model?.features[i]?.type));
      return;
    }
    const known = x.args.map((a) => (markerOf(a) !== undefined ? undefined : this.typeOf(a, scope)));
    const fits = def.overloads.map((o) => ({ o, bindings: new Map<string, SqlType>() }))
      .filter(({ o, bindings }) => arityFits(o, x.args.length)
        && known.every((t, i) => t === undefined || matches(paramAt(o, i), t, bindings)));
    x.args.forEach((a, i) => {
      if (markerOf(a) === undefined || fits.length === 0) return;
      const types = fits.map(({ o, bindings }) => patternType(paramAt(o, i), bindings));
      if (types.every((t) => t !== undefined && t.kind === types[0]!.kind)) this.assign(a, types[0]);
    });
  }

  /** The type of a marker-free expression over `scope`, or undefined when it cannot be typed. */
  private typeOf(e: Expr, scope: ExprScope): SqlType | undefined {
    if (markerOf(e) !== undefined || containsMarker(e)) return undefined;
    try {
      // Aggregate calls (HAVING COUNT(*) > $1) stand in as a NULL of their result type.
      const plain = mapExpr(e, (x) => (x.kind === 'FunctionCall' && this.registry.isAggregate(x.name) ? this.aggregateStandIn(x, scope) : undefined));
      const t = analyzeExpression(plain, scope, this.registry).type;
      return t.kind === 'NULL' ? undefined : t;
    } catch {
      return undefined;
    }
  }

  private aggregateStandIn(x: FunctionCall, scope: ExprScope): Expr {
    const fn = this.registry.aggregate(x.name)!;
    const types = x.args.map((a) => this.typeOf(a, scope));
    if (types.some((t) => t === undefined)) throw new Error('untyped aggregate argument');
    // Trailing arguments may be literal parameters (TOPK's k): try each split.
    for (let literals = 0; literals <= types.length; literals++) {
      try {
        const { returnType } = resolveAggregate(fn, types.slice(0, types.length - literals) as SqlType[], literals);
        return { kind: 'Cast', value: { kind: 'NullLit', span: x.span }, type: returnType, span: x.span };
      } catch { /* next split */ }
    }
    throw new Error('no aggregate overload fits');
  }
}

function firstType(es: readonly Expr[], typeOf: (e: Expr) => SqlType | undefined): SqlType | undefined {
  for (const e of es) {
    const t = typeOf(e);
    if (t) return t;
  }
  return undefined;
}

function sourceRefs(r: Relation): { name: string; alias?: string }[] {
  return r.kind === 'SourceRef' ? [r] : [...sourceRefs(r.left), r.right];
}

function joinConditions(r: Relation): Expr[] {
  return r.kind === 'SourceRef' ? [] : [...joinConditions(r.left), r.on];
}

const arityFits = (o: ScalarOverload, n: number): boolean =>
  (o.variadic ? n >= o.params.length - 1 : n === o.params.length);

const paramAt = (o: ScalarOverload, i: number): TypePattern =>
  (o.variadic && i >= o.params.length - 1 ? o.params[o.params.length - 1] : o.params[i]).type;

/** Whether an argument of type `t` can go where `p` is (numbers widen); binds generics. */
function matches(p: TypePattern, t: SqlType, bindings: Map<string, SqlType>): boolean {
  if (t.kind === 'NULL') return true;
  switch (p.kind) {
    case 'GENERIC': {
      const bound = bindings.get(p.name);
      if (!bound) { bindings.set(p.name, t); return true; }
      return bound.kind === t.kind || (isNumeric(bound) && isNumeric(t));
    }
    case 'LAMBDA': return true;
    case 'ANY_STRUCT': case 'STRUCT': return t.kind === 'STRUCT';
    case 'ARRAY': return t.kind === 'ARRAY' && matches(p.item, t.item, bindings);
    case 'MAP': return t.kind === 'MAP' && matches(p.key, t.key, bindings) && matches(p.value, t.value, bindings);
    default:
      return p.kind === t.kind || (p.kind in RANK && t.kind in RANK && RANK[t.kind] <= RANK[p.kind]);
  }
}

function patternType(p: TypePattern, bindings: Map<string, SqlType>): SqlType | undefined {
  switch (p.kind) {
    case 'GENERIC': return bindings.get(p.name);
    case 'DECIMAL': return { kind: 'DECIMAL', precision: p.precision ?? 38, scale: p.scale ?? 0 };
    case 'ARRAY': case 'MAP': case 'STRUCT': case 'ANY_STRUCT': case 'LAMBDA': return undefined;
    default: return { kind: p.kind };
  }
}
