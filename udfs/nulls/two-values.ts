// IFNULL and NULLIF: CONDITIONAL functions of two values of one type T that return a T and see
// NULL arguments themselves.
import type { FunctionExample, ScalarFunction } from '../types.js';

export interface TwoValueSpec {
  name: string;
  description: string;
  /** The two parameters' names and descriptions. */
  params: [first: [name: string, description: string], second: [name: string, description: string]];
  impl: (first: unknown, second: unknown) => unknown;
  examples: FunctionExample[];
}

export function twoValueFunction(spec: TwoValueSpec): ScalarFunction {
  const T = () => ({ kind: 'GENERIC', name: 'T' }) as const;
  return {
    kind: 'scalar',
    name: spec.name,
    category: 'CONDITIONAL',
    description: spec.description,
    overloads: [{
      params: spec.params.map(([name, description]) => ({ name, type: T(), description })),
      returns: T(),
      nulls: 'custom',
      impl: spec.impl,
    }],
    examples: spec.examples,
  };
}
