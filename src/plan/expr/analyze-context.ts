// State shared while analyzing one expression: what names resolve to, and the recursion hook
// (passed around rather than imported, so the per-concern files need not import each other).
import type { Expr } from '../../../grammar/ast.js';
import type { Span } from '../../types/sql-error.js';
import type { SqlType } from '../../types/sql-type.js';
import type { FunctionRegistry } from '../../../udfs/registry.js';
import type { ExprScope } from './scope.js';
import type { TypedExpr } from './typed-expr.js';
import { SqlError, type ErrorCode } from '../../types/index.js';

export interface LambdaBinding { type: SqlType; slot: number }

export interface AnalyzeContext {
  scope: ExprScope;
  registry: FunctionRegistry;
  /** The clause being analyzed ('SELECT', 'WHERE', ...), named in unknown-column messages. */
  clause?: string;
  /** Lambda parameters visible here, innermost binding per name. */
  lambdas: ReadonlyMap<string, LambdaBinding>;
  /** Next free lambda frame slot (shared by the whole expression). */
  slots: { next: number };
  analyze(e: Expr, ctx: AnalyzeContext): TypedExpr;
}

export function sqlError(code: ErrorCode, message: string, span: Span): SqlError {
  return new SqlError(code, message, { position: { line: span.line, column: span.column, offset: span.offset } });
}

export const typeError = (message: string, span: Span): SqlError => sqlError('TYPE_ERROR', message, span);
