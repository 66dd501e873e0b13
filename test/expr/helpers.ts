// AST builders and a small evaluation harness for expression tests (the parser is separate).
import type { Expr } from '../../grammar/ast.js';
import type { Span } from '../../src/types/sql-error.js';
import type { SqlType } from '../../src/types/sql-type.js';
import {
  array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP,
} from '../../src/types/sql-type.js';
import type { ExprScope, ScopeColumn } from '../../src/plan/expr/scope.js';
import { analyzeExpression } from '../../src/plan/expr/analyze.js';
import type { TypedExpr } from '../../src/plan/expr/typed-expr.js';
import { compileExpression } from '../../src/runtime/expr/compile.js';
import type { EvaluationError } from '../../src/values/evaluation-error.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { fakeFunctions } from './fake-functions.js';

export const at = (line = 1, column = 1): Span => ({ line, column, offset: column - 1, endOffset: column });
const S = at();

export const num = (text: string | number, span = S): Expr => ({ kind: 'NumberLit', text: String(text), span });
export const str = (value: string, span = S): Expr => ({ kind: 'StringLit', value, span });
export const bool = (value: boolean): Expr => ({ kind: 'BoolLit', value, span: S });
export const nul = (): Expr => ({ kind: 'NullLit', span: S });
export const col = (name: string, qualifier?: string, span = S): Expr => ({ kind: 'ColumnRef', name, qualifier, span });
export const deref = (base: Expr, field: string): Expr => ({ kind: 'Dereference', base, field, span: S });
export const sub = (base: Expr, index: Expr): Expr => ({ kind: 'Subscript', base, index, span: S });
export const neg = (operand: Expr): Expr => ({ kind: 'Unary', op: '-', operand, span: S });
export const not = (operand: Expr): Expr => ({ kind: 'Unary', op: 'NOT', operand, span: S });
export const op = (o: '+' | '-' | '*' | '/' | '%', left: Expr, right: Expr): Expr => ({ kind: 'Arithmetic', op: o, left, right, span: S });
export const concat = (left: Expr, right: Expr): Expr => ({ kind: 'Concat', left, right, span: S });
export const cmp = (o: '=' | '<>' | '<' | '<=' | '>' | '>=', left: Expr, right: Expr, span = S): Expr => ({ kind: 'Comparison', op: o, left, right, span });
export const distinct = (left: Expr, right: Expr, isNot = false): Expr => ({ kind: 'IsDistinctFrom', not: isNot, left, right, span: S });
export const and = (left: Expr, right: Expr): Expr => ({ kind: 'Logical', op: 'AND', left, right, span: S });
export const or = (left: Expr, right: Expr): Expr => ({ kind: 'Logical', op: 'OR', left, right, span: S });
export const between = (value: Expr, low: Expr, high: Expr, isNot = false): Expr => ({ kind: 'Between', not: isNot, value, low, high, span: S });
export const inList = (value: Expr, list: Expr[], isNot = false): Expr => ({ kind: 'InList', not: isNot, value, list, span: S });
export const like = (value: Expr, pattern: Expr, escape?: Expr, isNot = false): Expr => ({ kind: 'Like', not: isNot, value, pattern, escape, span: S });
export const isNull = (value: Expr, isNot = false): Expr => ({ kind: 'IsNull', not: isNot, value, span: S });
export const caseWhen = (whens: [Expr, Expr][], otherwise?: Expr, operand?: Expr): Expr =>
  ({ kind: 'Case', operand, whens: whens.map(([when, then]) => ({ when, then })), else: otherwise, span: S });
export const cast = (value: Expr, type: SqlType): Expr => ({ kind: 'Cast', value, type, span: S });
export const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'FunctionCall', name, args, span: S });
export const lambda = (params: string[], body: Expr): Expr => ({ kind: 'Lambda', params, body, span: S });
export const arr = (...items: Expr[]): Expr => ({ kind: 'ArrayCtor', items, span: S });
export const mapc = (...entries: [Expr, Expr][]): Expr => ({ kind: 'MapCtor', entries: entries.map(([key, value]) => ({ key, value })), span: S });
export const structc = (fields: Record<string, Expr>): Expr =>
  ({ kind: 'StructCtor', fields: Object.entries(fields).map(([name, value]) => ({ name, value })), span: S });

/** The test row's columns, by name. */
export const COLUMNS: [string, SqlType, string?][] = [
  ['I', INTEGER], ['B', BIGINT], ['D', DOUBLE], ['DEC', decimal(4, 2)], ['S', STRING], ['BO', BOOLEAN],
  ['AR', array(INTEGER)], ['M', map(STRING, INTEGER)], ['ST', struct([{ name: 'A', type: INTEGER }, { name: 'b', type: STRING }])],
  ['DT', DATE], ['T', TIME], ['TS', TIMESTAMP], ['BY', BYTES], ['I2', INTEGER], ['S2', STRING],
  ['AB', array(BIGINT)], ['DEC2', decimal(5, 3)],
];

export const scope: ExprScope = {
  columns: [
    ...COLUMNS.map(([name, type], index): ScopeColumn => ({ name, type, index, qualifier: 'T' })),
    // Two sources sharing a column name, for ambiguity.
    { name: 'K', type: INTEGER, index: COLUMNS.length, qualifier: 'L' },
    { name: 'K', type: INTEGER, index: COLUMNS.length + 1, qualifier: 'R' },
  ],
};

export const registry = new FunctionRegistry(fakeFunctions);

export function analyze(e: Expr): TypedExpr {
  return analyzeExpression(e, scope, registry);
}

export function typeOf(e: Expr): SqlType {
  return analyze(e).type;
}

/** Where failing calls go in tests that do not look at them. */
export const ignoreErrors = (): void => undefined;

/** Compiling against the test registry, failing calls going to `report`. */
export const compileOpts = (report: (e: EvaluationError) => void = ignoreErrors) => ({ registry, report });

/**
 * Evaluates `e` over a row given by column name (missing columns are NULL); failing function
 * calls go to `report`.
 */
export function evaluate(e: Expr, values: Record<string, unknown> = {}, report: (e: EvaluationError) => void = ignoreErrors): unknown {
  const row = scope.columns.map((c) => (c.name in values ? values[c.name] : null));
  return compileExpression(analyze(e), compileOpts(report))(row);
}
