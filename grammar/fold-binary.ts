// Builds the tree of a flat `a op b op c ...` chain by operator precedence (shunting-yard),
// left-associative. The parser reads each precedence family in one rule this way instead of one
// rule per level, which keeps deeply nested rule calls (chevrotain's main cost) down.
import type { Expr } from './ast.js';
import { cover } from './positions.js';

export type BinaryOp = '||' | '+' | '-' | '*' | '/' | '%' | 'AND' | 'OR';

const PRECEDENCE: Record<BinaryOp, number> = { OR: 1, AND: 2, '||': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5 };

function combine(op: BinaryOp, left: Expr, right: Expr): Expr {
  const span = cover(left.span, right.span);
  if (op === '||') return { kind: 'Concat', left, right, span };
  if (op === 'AND' || op === 'OR') return { kind: 'Logical', op, left, right, span };
  return { kind: 'Arithmetic', op, left, right, span };
}

/** `operands[0] ops[0] operands[1] ops[1] ...` as a tree. */
export function foldBinary(operands: Expr[], ops: BinaryOp[]): Expr {
  const out: Expr[] = [operands[0]];
  const pending: BinaryOp[] = [];
  const reduce = () => {
    const right = out.pop()!;
    const left = out.pop()!;
    out.push(combine(pending.pop()!, left, right));
  };
  for (let i = 0; i < ops.length; i++) {
    while (pending.length > 0 && PRECEDENCE[pending[pending.length - 1]] >= PRECEDENCE[ops[i]]) reduce();
    pending.push(ops[i]);
    out.push(operands[i + 1]);
  }
  while (pending.length > 0) reduce();
  return out[0];
}
