import type { ScalarFunction } from '../types.js';

export const replace: ScalarFunction = {
  kind: 'scalar',
  name: 'REPLACE',
  category: 'STRING',
  description: 'Replaces all occurrences of a substring in a string with a new substring.',
  overloads: [{
    params: [
      { name: 'str', type: { kind: 'STRING' } },
      { name: 'oldStr', type: { kind: 'STRING' } },
      { name: 'newStr', type: { kind: 'STRING' } },
    ],
    returns: { kind: 'STRING' },
    // A function replacement keeps '$' in newStr literal, as Java's String.replace does.
    impl: (str: string, oldStr: string, newStr: string) => str.replaceAll(oldStr, () => newStr),
  }],
  examples: [{ call: "REPLACE('anaconda', 'a', 'o')", result: 'onocondo' }],
};
