// SQL text of an expression as ksqlDB's ExpressionFormatter writes it in messages:
// `(A + 1)`, `'text'`, `SUM(X)`, `S->F`, `ARRAY[1, 2]`, `MAP('a':=1)`.
import type { Expr } from '../../../grammar/ast.js';
import { formatType } from '../../types/sql-type.js';

const quoteString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Identifiers print bare when ksqlDB would accept them unquoted, otherwise in backquotes. */
export function formatIdentifier(name: string): string {
  return /^[A-Z_][A-Z0-9_@]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

export function formatExpr(e: Expr): string {
  switch (e.kind) {
    case 'NullLit': return 'null';
    case 'BoolLit': return e.value ? 'true' : 'false';
    case 'NumberLit': return e.text;
    case 'StringLit': return quoteString(e.value);
    case 'ColumnRef': return e.qualifier ? `${formatIdentifier(e.qualifier)}.${formatIdentifier(e.name)}` : formatIdentifier(e.name);
    case 'Dereference': return `${formatExpr(e.base)}->${formatIdentifier(e.field)}`;
    case 'Subscript': return `${formatExpr(e.base)}[${formatExpr(e.index)}]`;
    case 'Unary': return e.op === 'NOT' ? `(NOT ${formatExpr(e.operand)})` : `${e.op}${formatExpr(e.operand)}`;
    case 'Arithmetic': return `(${formatExpr(e.left)} ${e.op} ${formatExpr(e.right)})`;
    case 'Concat': return `(${formatExpr(e.left)} || ${formatExpr(e.right)})`;
    case 'Comparison': return `(${formatExpr(e.left)} ${e.op} ${formatExpr(e.right)})`;
    case 'IsDistinctFrom':
      return `(${formatExpr(e.left)} IS ${e.not ? 'NOT ' : ''}DISTINCT FROM ${formatExpr(e.right)})`;
    case 'Logical': return `(${formatExpr(e.left)} ${e.op} ${formatExpr(e.right)})`;
    case 'Between':
      return `(${formatExpr(e.value)} ${e.not ? 'NOT ' : ''}BETWEEN ${formatExpr(e.low)} AND ${formatExpr(e.high)})`;
    case 'InList': return `(${formatExpr(e.value)} ${e.not ? 'NOT ' : ''}IN (${e.list.map(formatExpr).join(', ')}))`;
    case 'Like':
      return `(${formatExpr(e.value)} ${e.not ? 'NOT ' : ''}LIKE ${formatExpr(e.pattern)}`
        + `${e.escape ? ` ESCAPE ${formatExpr(e.escape)}` : ''})`;
    case 'IsNull': return `(${formatExpr(e.value)} IS ${e.not ? 'NOT ' : ''}NULL)`;
    case 'Case': {
      const whens = e.whens.map((w) => ` WHEN ${formatExpr(w.when)} THEN ${formatExpr(w.then)}`).join('');
      return `(CASE${e.operand ? ` ${formatExpr(e.operand)}` : ''}${whens}${e.else ? ` ELSE ${formatExpr(e.else)}` : ''} END)`;
    }
    case 'Cast': return `CAST(${formatExpr(e.value)} AS ${formatType(e.type)})`;
    case 'FunctionCall':
      return `${e.name}(${e.star ? '*' : `${e.distinct ? 'DISTINCT ' : ''}${e.args.map(formatExpr).join(', ')}`})`;
    case 'Lambda':
      return `${e.params.length === 1 ? e.params[0] : `(${e.params.join(', ')})`} => ${formatExpr(e.body)}`;
    case 'ArrayCtor': return `ARRAY[${e.items.map(formatExpr).join(', ')}]`;
    case 'MapCtor': return `MAP(${e.entries.map((x) => `${formatExpr(x.key)}:=${formatExpr(x.value)}`).join(', ')})`;
    case 'StructCtor': return `STRUCT(${e.fields.map((f) => `${formatIdentifier(f.name)}:=${formatExpr(f.value)}`).join(', ')})`;
  }
}
