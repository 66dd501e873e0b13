// The analyzed form of an expression: every node resolved (columns to row positions, functions
// to an overload) and typed. Implicit conversions the analyzer decided on appear as Cast nodes
// with `implicit: true`, so the compiler only ever combines values of the types it is told.
// Plain data (plan steps hold it, and the command topic stores plans): a call names its overload
// by signature, and the runtime takes the implementation from the function registry.
import type { Expr } from '../../../grammar/ast.js';
import type { Span } from '../../types/sql-error.js';
import type { SqlType } from '../../types/sql-type.js';

interface Base {
  type: SqlType;
  span: Span;
  /** The AST node this came from (for messages; implicit casts point at their operand). */
  source: Expr;
}

/** A constant, already in its run-time representation (docs/VALUES.md). */
export interface TLiteral extends Base { kind: 'Literal'; value: unknown }
export interface TColumn extends Base { kind: 'Column'; index: number; name: string }
/** A lambda parameter: `slot` is its place in the lambda frame of the compiled expression. */
export interface TLambdaVar extends Base { kind: 'LambdaVar'; name: string; slot: number }
export interface TDeref extends Base { kind: 'Deref'; base: TypedExpr; field: string }
export interface TSubscript extends Base { kind: 'Subscript'; base: TypedExpr; index: TypedExpr }
/** Unary minus (unary plus is dropped). */
export interface TNegate extends Base { kind: 'Negate'; operand: TypedExpr }
export interface TNot extends Base { kind: 'Not'; operand: TypedExpr }
/**
 * Both operands already have the operation's type (numeric or DECIMAL, after implicit casts),
 * except DECIMAL results, whose operands are DECIMALs of their own precision, and `+` on STRINGs.
 */
export interface TArithmetic extends Base { kind: 'Arithmetic'; op: '+' | '-' | '*' | '/' | '%'; left: TypedExpr; right: TypedExpr }
/** `||` (CONCAT): NULL operands are skipped. */
export interface TConcat extends Base { kind: 'Concat'; left: TypedExpr; right: TypedExpr }
export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=' | 'DISTINCT' | 'NOT DISTINCT';
/** Operands keep their own (comparable) types; the compiler picks the comparison. */
export interface TCompare extends Base { kind: 'Compare'; op: CompareOp; left: TypedExpr; right: TypedExpr }
export interface TLogical extends Base { kind: 'Logical'; op: 'AND' | 'OR'; left: TypedExpr; right: TypedExpr }
export interface TBetween extends Base { kind: 'Between'; not: boolean; value: TypedExpr; low: TypedExpr; high: TypedExpr }
/** Value and list coerced to one common type; NULL literals dropped from the list. */
export interface TIn extends Base { kind: 'In'; not: boolean; value: TypedExpr; list: TypedExpr[] }
export interface TLike extends Base { kind: 'Like'; not: boolean; value: TypedExpr; pattern: TypedExpr; escape?: TypedExpr }
export interface TIsNull extends Base { kind: 'IsNull'; not: boolean; value: TypedExpr }
/** Searched CASE (a simple CASE becomes comparisons); branches already cast to `type`. */
export interface TCase extends Base { kind: 'Case'; whens: { when: TypedExpr; then: TypedExpr }[]; else?: TypedExpr }
export interface TCast extends Base { kind: 'Cast'; value: TypedExpr; implicit: boolean }
/**
 * A scalar function call; `args` are already converted to what the implementation takes.
 * `overload` is the chosen overload's parameter signature (function-resolve.ts overloadKey); a
 * model function (PREDICT ...) names its `model` instead, bound when the query is compiled.
 */
export interface TCall extends Base {
  kind: 'Call';
  name: string;
  overload: string;
  model?: string;
  /** The function gives another value each time (RANDOM): never folded. */
  volatile?: true;
  args: TypedExpr[];
}
/** A lambda argument; `type` is the type of its body. */
export interface TLambda extends Base { kind: 'Lambda'; params: { name: string; slot: number; type: SqlType }[]; body: TypedExpr }
export interface TArrayCtor extends Base { kind: 'ArrayCtor'; items: TypedExpr[] }
export interface TMapCtor extends Base { kind: 'MapCtor'; entries: { key: TypedExpr; value: TypedExpr }[] }
export interface TStructCtor extends Base { kind: 'StructCtor'; fields: { name: string; value: TypedExpr }[] }

export type TypedExpr =
  | TLiteral | TColumn | TLambdaVar | TDeref | TSubscript | TNegate | TNot | TArithmetic | TConcat
  | TCompare | TLogical | TBetween | TIn | TLike | TIsNull | TCase | TCast | TCall | TLambda
  | TArrayCtor | TMapCtor | TStructCtor;

export type TypedKind = TypedExpr['kind'];

/** The direct children of a node, in evaluation order. */
export function childrenOf(t: TypedExpr): TypedExpr[] {
  switch (t.kind) {
    case 'Literal': case 'Column': case 'LambdaVar': return [];
    case 'Deref': return [t.base];
    case 'Subscript': return [t.base, t.index];
    case 'Negate': case 'Not': return [t.operand];
    case 'Arithmetic': case 'Concat': case 'Compare': case 'Logical': return [t.left, t.right];
    case 'Between': return [t.value, t.low, t.high];
    case 'In': return [t.value, ...t.list];
    case 'Like': return t.escape ? [t.value, t.pattern, t.escape] : [t.value, t.pattern];
    case 'IsNull': case 'Cast': return [t.value];
    case 'Case': return [...t.whens.flatMap((w) => [w.when, w.then]), ...(t.else ? [t.else] : [])];
    case 'Call': return t.args;
    case 'Lambda': return [t.body];
    case 'ArrayCtor': return t.items;
    case 'MapCtor': return t.entries.flatMap((e) => [e.key, e.value]);
    case 'StructCtor': return t.fields.map((f) => f.value);
  }
}

/** A copy of `t` with each direct child replaced by `f(child)`. */
export function mapChildren(t: TypedExpr, f: (c: TypedExpr) => TypedExpr): TypedExpr {
  switch (t.kind) {
    case 'Literal': case 'Column': case 'LambdaVar': return t;
    case 'Deref': return { ...t, base: f(t.base) };
    case 'Subscript': return { ...t, base: f(t.base), index: f(t.index) };
    case 'Negate': case 'Not': return { ...t, operand: f(t.operand) };
    case 'Arithmetic': case 'Concat': case 'Compare': case 'Logical': return { ...t, left: f(t.left), right: f(t.right) };
    case 'Between': return { ...t, value: f(t.value), low: f(t.low), high: f(t.high) };
    case 'In': return { ...t, value: f(t.value), list: t.list.map(f) };
    case 'Like': return { ...t, value: f(t.value), pattern: f(t.pattern), escape: t.escape && f(t.escape) };
    case 'IsNull': case 'Cast': return { ...t, value: f(t.value) };
    case 'Case': return { ...t, whens: t.whens.map((w) => ({ when: f(w.when), then: f(w.then) })), else: t.else && f(t.else) };
    case 'Call': return { ...t, args: t.args.map(f) };
    case 'Lambda': return { ...t, body: f(t.body) };
    case 'ArrayCtor': return { ...t, items: t.items.map(f) };
    case 'MapCtor': return { ...t, entries: t.entries.map((e) => ({ key: f(e.key), value: f(e.value) })) };
    case 'StructCtor': return { ...t, fields: t.fields.map((x) => ({ name: x.name, value: f(x.value) })) };
  }
}
