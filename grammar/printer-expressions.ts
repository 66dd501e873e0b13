// Printing expressions back to SQL. Parentheses are added only where precedence needs them, so
// the output parses to the same tree.
import { formatType } from '../src/types/sql-type.js';
import type { Expr, FunctionCall, Lambda } from './ast.js';
import { isTimeUnit } from './literals.js';
import { quoteIdentifier, quoteString } from './quote.js';

/** Binding strength, loosest first (see parser-expressions.ts). */
export const PREC = { LAMBDA: 0, OR: 1, AND: 2, NOT: 3, PREDICATE: 4, CONCAT: 5, ADDITIVE: 6, MULTIPLICATIVE: 7, UNARY: 8, PRIMARY: 9 } as const;

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'Logical': return e.op === 'OR' ? PREC.OR : PREC.AND;
    case 'Unary': return e.op === 'NOT' ? PREC.NOT : PREC.UNARY;
    case 'Comparison': case 'IsDistinctFrom': case 'Between': case 'InList': case 'Like': case 'IsNull':
      return PREC.PREDICATE;
    case 'Concat': return PREC.CONCAT;
    case 'Arithmetic': return e.op === '+' || e.op === '-' ? PREC.ADDITIVE : PREC.MULTIPLICATIVE;
    // A negative literal reads like a negation: it cannot be the base of a subscript.
    case 'NumberLit': return e.text.startsWith('-') ? PREC.UNARY : PREC.PRIMARY;
    case 'Lambda': return PREC.LAMBDA;
    default: return PREC.PRIMARY;
  }
}

/** `e` printed so that it binds at least as tightly as `min`. */
export function formatAt(e: Expr, min: number): string {
  const text = formatBare(e);
  return precedence(e) < min ? `(${text})` : text;
}

export function formatExpression(e: Expr): string {
  return formatAt(e, PREC.LAMBDA);
}

const not = (flag: boolean) => (flag ? 'NOT ' : '');

function formatBare(e: Expr): string {
  switch (e.kind) {
    case 'NullLit': return 'NULL';
    case 'BoolLit': return e.value ? 'TRUE' : 'FALSE';
    case 'NumberLit': return e.text;
    case 'StringLit': return quoteString(e.value);
    case 'ColumnRef': return (e.qualifier !== undefined ? quoteIdentifier(e.qualifier) + '.' : '') + quoteIdentifier(e.name);
    case 'Dereference': return `${formatAt(e.base, PREC.PRIMARY)}->${quoteIdentifier(e.field)}`;
    case 'Subscript': return `${formatAt(e.base, PREC.PRIMARY)}[${formatAt(e.index, PREC.CONCAT)}]`;
    case 'Unary': {
      if (e.op === 'NOT') return `NOT ${formatAt(e.operand, PREC.NOT)}`;
      const operand = formatAt(e.operand, PREC.UNARY);
      // `-5` would read back as a literal and `--x` as a comment.
      const wrap = e.op === '-' && (e.operand.kind === 'NumberLit' || operand.startsWith('-'));
      return e.op + (wrap ? `(${operand})` : operand);
    }
    case 'Arithmetic': {
      const p = precedence(e);
      return `${formatAt(e.left, p)} ${e.op} ${formatAt(e.right, p + 1)}`;
    }
    case 'Concat': return `${formatAt(e.left, PREC.CONCAT)} || ${formatAt(e.right, PREC.CONCAT + 1)}`;
    case 'Logical': {
      const p = precedence(e);
      return `${formatAt(e.left, p)} ${e.op} ${formatAt(e.right, p + 1)}`;
    }
    case 'Comparison': return `${formatAt(e.left, PREC.CONCAT)} ${e.op} ${formatAt(e.right, PREC.CONCAT)}`;
    case 'IsDistinctFrom':
      return `${formatAt(e.left, PREC.CONCAT)} IS ${not(e.not)}DISTINCT FROM ${formatAt(e.right, PREC.CONCAT)}`;
    case 'Between':
      return `${formatAt(e.value, PREC.CONCAT)} ${not(e.not)}BETWEEN ${formatAt(e.low, PREC.CONCAT)} AND ${formatAt(e.high, PREC.CONCAT)}`;
    case 'InList': return `${formatAt(e.value, PREC.CONCAT)} ${not(e.not)}IN (${e.list.map(formatItem).join(', ')})`;
    case 'Like': {
      const escape = e.escape ? ` ESCAPE ${formatAt(e.escape, PREC.PRIMARY)}` : '';
      return `${formatAt(e.value, PREC.CONCAT)} ${not(e.not)}LIKE ${formatAt(e.pattern, PREC.CONCAT)}${escape}`;
    }
    case 'IsNull': return `${formatAt(e.value, PREC.CONCAT)} IS ${not(e.not)}NULL`;
    case 'Case': {
      const parts = ['CASE'];
      if (e.operand) parts.push(formatAt(e.operand, PREC.CONCAT));
      for (const w of e.whens) parts.push(`WHEN ${formatItem(w.when)} THEN ${formatItem(w.then)}`);
      if (e.else) parts.push(`ELSE ${formatItem(e.else)}`);
      parts.push('END');
      return parts.join(' ');
    }
    case 'Cast': return `CAST(${formatItem(e.value)} AS ${formatType(e.type)})`;
    case 'FunctionCall': return formatCall(e);
    case 'Lambda': return formatLambda(e);
    case 'ArrayCtor': return `ARRAY[${e.items.map(formatItem).join(', ')}]`;
    case 'MapCtor': return `MAP(${e.entries.map((x) => `${formatItem(x.key)} := ${formatItem(x.value)}`).join(', ')})`;
    case 'StructCtor': return `STRUCT(${e.fields.map((f) => `${quoteIdentifier(f.name)} := ${formatItem(f.value)}`).join(', ')})`;
  }
}

/** An expression in a list position (arguments, array items): only lambdas need care. */
function formatItem(e: Expr): string {
  return formatAt(e, PREC.OR);
}

function formatCall(e: FunctionCall): string {
  if (e.star) return `${quoteIdentifier(e.name)}(*)`;
  const args = e.args.map((a) => {
    if (a.kind === 'Lambda') return formatLambda(a);
    // TIMESTAMPADD(SECONDS, ...): a time unit argument prints as the bare keyword.
    if (a.kind === 'ColumnRef' && a.qualifier === undefined && isTimeUnit(a.name)) return a.name;
    return formatItem(a);
  });
  return `${quoteIdentifier(e.name)}(${e.distinct ? 'DISTINCT ' : ''}${args.join(', ')})`;
}

function formatLambda(e: Lambda): string {
  const params = e.params.map(quoteIdentifier);
  const head = params.length === 1 ? params[0] : `(${params.join(', ')})`;
  return `${head} => ${formatItem(e.body)}`;
}
