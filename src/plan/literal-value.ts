// Evaluates a literal AST node to its runtime value (for literal-only function parameters).
import type { Expr } from '../../grammar/ast.js';
import { SqlError } from '../types/sql-error.js';

export function literalValue(e: Expr, what: string): unknown {
  switch (e.kind) {
    case 'NumberLit': return Number(e.text);
    case 'StringLit': return e.value;
    case 'BoolLit': return e.value;
    case 'NullLit': return null;
    case 'Unary':
      if (e.op === '-' && e.operand.kind === 'NumberLit') return -Number(e.operand.text);
      break;
    default: break;
  }
  throw new SqlError('INVALID_STATEMENT', `${what} must be a literal`, { position: e.span });
}
