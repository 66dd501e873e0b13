import type { ScalarFunction } from '../types.js';

// (int) Math.signum(x): NaN and -0.0 both become 0.
const signum = (x: number): number => Math.sign(x) | 0;

export const sign: ScalarFunction = {
  kind: 'scalar',
  name: 'SIGN',
  category: 'MATHEMATICAL',
  description: 'Returns the sign of a value as an INTEGER: -1 if negative, 0 if zero, 1 if positive.',
  overloads: (['INTEGER', 'BIGINT', 'DOUBLE'] as const).map((kind) => ({
    params: [{ name: 'value', type: { kind } }],
    returns: { kind: 'INTEGER' as const },
    impl: signum,
  })),
  examples: [{ call: 'SIGN(-7)', result: -1 }, { call: 'SIGN(0)', result: 0 }],
};
