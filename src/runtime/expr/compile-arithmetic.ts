// Arithmetic as ksqlDB's generated Java computes it: INTEGER wraps as int, BIGINT as long
// (exact: a bigint past 2^53, values/long.ts), integer division truncates and fails on zero,
// DOUBLE follows IEEE (Infinity, NaN), DECIMAL is exact. NULL operands give NULL; `+` on strings is Java's
// string concatenation (a NULL side reads "null"), `||` skips NULLs as CONCAT does.
import type { TArithmetic, TConcat, TNegate } from '../../plan/expr/typed-expr.js';
import type { Decimal } from '../../types/decimal.js';
import { EvaluationError } from '../../values/evaluation-error.js';
import type { CompileEnv, Evaluator } from './compile-env.js';
import { textOf } from './compile-env.js';
import { decimalAdd, decimalDivide, decimalMultiply, decimalRemainder, decimalSubtract } from '../../values/decimal-math.js';
import { bigOf, long, longAdd, longSub, type Long } from '../../values/long.js';

type Op = (a: number, b: number) => number;
type LongOp = (a: Long, b: Long) => Long;

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Java long arithmetic on BIGINTs (values/long.ts: a bigint past 2^53): numbers while the result
 * is exact, bigints beyond, wrapping modulo 2^64 as Java does.
 */
function longOp(fast: Op, slow: (a: bigint, b: bigint) => bigint): LongOp {
  return (a, b) => {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = fast(a, b);
      if (r <= SAFE && r >= -SAFE) return r;
    }
    return long(slow(bigOf(a), bigOf(b)));
  };
}

const DIV_BY_ZERO = '/ by zero';

const INT_OPS: Record<TArithmetic['op'], Op> = {
  '+': (a, b) => (a + b) | 0,
  '-': (a, b) => (a - b) | 0,
  '*': (a, b) => Math.imul(a, b),
  '/': (a, b) => { if (b === 0) throw new EvaluationError(DIV_BY_ZERO); return (a / b) | 0; },
  '%': (a, b) => { if (b === 0) throw new EvaluationError(DIV_BY_ZERO); return (a % b) | 0; },
};

const noZero = (b: Long): void => { if (b === 0) throw new EvaluationError(DIV_BY_ZERO); }; // 0 is never a bigint

const LONG_OPS: Record<TArithmetic['op'], LongOp> = {
  '+': longAdd,
  '-': longSub,
  '*': longOp((a, b) => a * b, (a, b) => a * b),
  '/': ((op: LongOp): LongOp => (a, b) => { noZero(b); return op(a, b); })(longOp((a, b) => Math.trunc(a / b) + 0, (a, b) => a / b)),
  '%': ((op: LongOp): LongOp => (a, b) => { noZero(b); return op(a, b); })(longOp((a, b) => (a % b) + 0, (a, b) => a % b)),
};

const DOUBLE_OPS: Record<TArithmetic['op'], Op> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
};

const DECIMAL_OPS = {
  '+': decimalAdd, '-': decimalSubtract, '*': decimalMultiply, '/': decimalDivide, '%': decimalRemainder,
} as const;

function binary(l: Evaluator, r: Evaluator, op: (a: any, b: any) => unknown, text: () => string, canThrow: boolean): Evaluator {
  if (!canThrow) {
    return (row) => {
      const a = l(row);
      if (a == null) return null;
      const b = r(row);
      return b == null ? null : op(a, b);
    };
  }
  return (row) => {
    const a = l(row);
    if (a == null) return null;
    const b = r(row);
    if (b == null) return null;
    try {
      return op(a, b);
    } catch (e) {
      throw EvaluationError.wrap(e, text());
    }
  };
}

export function compileArithmetic(t: TArithmetic, env: CompileEnv): Evaluator {
  const l = env.compile(t.left, env), r = env.compile(t.right, env);
  const text = textOf(t);
  const type = t.type;
  switch (type.kind) {
    case 'STRING':
      return (row) => {
        const a = l(row), b = r(row);
        return `${a == null ? 'null' : a as string}${b == null ? 'null' : b as string}`;
      };
    case 'INTEGER': return binary(l, r, INT_OPS[t.op], text, t.op === '/' || t.op === '%');
    case 'BIGINT': return binary(l, r, LONG_OPS[t.op], text, t.op === '/' || t.op === '%');
    case 'DOUBLE': return binary(l, r, DOUBLE_OPS[t.op], text, false);
    case 'DECIMAL': {
      const f = DECIMAL_OPS[t.op];
      const { precision, scale } = type;
      return binary(l, r, (a: Decimal, b: Decimal) => f(a, b, precision, scale), text, true);
    }
    default:
      throw new Error(`arithmetic on ${type.kind}`);
  }
}

export function compileNegate(t: TNegate, env: CompileEnv): Evaluator {
  const v = env.compile(t.operand, env);
  switch (t.type.kind) {
    case 'INTEGER': return (row) => { const a = v(row); return a == null ? null : -(a as number) | 0; };
    case 'BIGINT': return (row) => { const a = v(row); return a == null ? null : typeof a === 'bigint' ? long(-a) : 0 - (a as number); };
    case 'DECIMAL': return (row) => { const a = v(row); return a == null ? null : (a as Decimal).negate(); };
    default: return (row) => { const a = v(row); return a == null ? null : -(a as number); };
  }
}

export function compileConcat(t: TConcat, env: CompileEnv): Evaluator {
  const l = env.compile(t.left, env), r = env.compile(t.right, env);
  if (t.type.kind === 'BYTES') {
    return (row) => {
      const parts = [l(row), r(row)].filter((x) => x != null) as Uint8Array[];
      return Buffer.concat(parts);
    };
  }
  return (row) => {
    const a = l(row), b = r(row);
    return `${a == null ? '' : a as string}${b == null ? '' : b as string}`;
  };
}
