import type { ScalarFunction } from '../types.js';
import { binaryDoubleOverloads, unaryDoubleOverloads } from './double-overloads.js';
import { javaLog } from './java-log.js';

/** ksqlDB's LOG(base, value): NaN for a base that is not positive or is 1. */
function logBase(base: number, value: number): number {
  if (base <= 0 || base === 1) return Number.NaN;
  return javaLog(value) / javaLog(base);
}

export const log: ScalarFunction = {
  kind: 'scalar',
  name: 'LOG',
  category: 'MATHEMATICAL',
  description: 'The logarithm of a value: LOG(value), or LOG(base, value) with the given base.',
  overloads: [
    // ksqlDB documents base 10 for LOG(value) but computes the natural logarithm (Math.log);
    // its conformance tests expect that, so we match the implementation.
    ...unaryDoubleOverloads(javaLog),
    ...binaryDoubleOverloads(logBase, ['base', 'value']),
  ],
  examples: [{ call: 'LOG(1)', result: 0 }, { call: 'LOG(2, 8)', result: 3 }],
};
