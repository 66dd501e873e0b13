import type { ScalarFunction } from '../types.js';

export const trim: ScalarFunction = {
  kind: 'scalar',
  name: 'TRIM',
  category: 'STRING',
  description: 'Remove whitespace from the beginning and end of a string.',
  overloads: [{
    params: [{ name: 'input', type: { kind: 'STRING' } }],
    returns: { kind: 'STRING' },
    // Java's String.trim(): every char up to U+0020, and nothing else (not NBSP).
    impl: (s: string) => s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, ''),
  }],
  examples: [{ call: "TRIM('  padded  ')", result: 'padded' }],
};
