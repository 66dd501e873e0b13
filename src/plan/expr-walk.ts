// Generic walks over AST expressions: map (rebuild with replacements), visit, and a structural
// signature that ignores source spans (to match GROUP BY expressions in SELECT).
import type { Expr } from '../../grammar/ast.js';

/** Rebuilds `e` bottom-up; `f` may return a replacement for a node (then its children are not visited). */
export function mapExpr(e: Expr, f: (e: Expr) => Expr | undefined): Expr {
  const r = f(e);
  if (r) return r;
  const m = (x: Expr): Expr => mapExpr(x, f);
  switch (e.kind) {
    case 'NullLit': case 'BoolLit': case 'NumberLit': case 'StringLit': case 'ColumnRef': return e;
    case 'Dereference': return { ...e, base: m(e.base) };
    case 'Subscript': return { ...e, base: m(e.base), index: m(e.index) };
    case 'Unary': return { ...e, operand: m(e.operand) };
    case 'Arithmetic': case 'Concat': case 'Comparison': case 'IsDistinctFrom': case 'Logical':
      return { ...e, left: m(e.left), right: m(e.right) } as Expr;
    case 'Between': return { ...e, value: m(e.value), low: m(e.low), high: m(e.high) };
    case 'InList': return { ...e, value: m(e.value), list: e.list.map(m) };
    case 'Like': return { ...e, value: m(e.value), pattern: m(e.pattern), escape: e.escape && m(e.escape) };
    case 'IsNull': return { ...e, value: m(e.value) };
    case 'Case': return {
      ...e, operand: e.operand && m(e.operand),
      whens: e.whens.map((w) => ({ when: m(w.when), then: m(w.then) })), else: e.else && m(e.else),
    };
    case 'Cast': return { ...e, value: m(e.value) };
    case 'FunctionCall': return { ...e, args: e.args.map(m) };
    case 'Lambda': return { ...e, body: m(e.body) };
    case 'ArrayCtor': return { ...e, items: e.items.map(m) };
    case 'MapCtor': return { ...e, entries: e.entries.map((x) => ({ key: m(x.key), value: m(x.value) })) };
    case 'StructCtor': return { ...e, fields: e.fields.map((x) => ({ name: x.name, value: m(x.value) })) };
  }
}

/** Calls `f` on every node, parents first; return false from `f` to skip a node's children. */
export function visitExpr(e: Expr, f: (e: Expr) => boolean | void): void {
  mapExpr(e, (x) => (f(x) === false ? x : undefined));
}

/** A structural key ignoring spans; qualifiers are dropped when `dropQualifiers` is set. */
export function exprSignature(e: Expr, dropQualifiers = true): string {
  return JSON.stringify(e, (k, v) => (k === 'span' || (dropQualifiers && k === 'qualifier') ? undefined : v));
}

export function columnRefs(e: Expr): { qualifier?: string; name: string }[] {
  const out: { qualifier?: string; name: string }[] = [];
  visitExpr(e, (x) => {
    if (x.kind === 'ColumnRef') out.push({ qualifier: x.qualifier, name: x.name });
    if (x.kind === 'Lambda') return false;
  });
  return out;
}
