import type { ScalarFunction } from '../types.js';

function concatBytes(...inputs: (Uint8Array | null)[]): Uint8Array {
  const parts = inputs.filter((b): b is Uint8Array => b !== null);
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) { out.set(b, at); at += b.length; }
  return out;
}

export const concat: ScalarFunction = {
  kind: 'scalar',
  name: 'CONCAT',
  category: 'STRING',
  description: 'Concatenate an arbitrary number of string or bytes fields together. NULL inputs are skipped.',
  overloads: [
    {
      params: [{ name: 'inputs', type: { kind: 'STRING' }, description: 'The varchar fields to concatenate' }],
      variadic: true,
      returns: { kind: 'STRING' },
      nulls: 'custom',
      impl: (...inputs: (string | null)[]) => inputs.filter((s) => s !== null).join(''),
    },
    {
      params: [{ name: 'inputs', type: { kind: 'BYTES' }, description: 'The bytes fields to concatenate' }],
      variadic: true,
      returns: { kind: 'BYTES' },
      nulls: 'custom',
      impl: concatBytes,
    },
  ],
  examples: [
    { call: "CONCAT('prefix-', 'middle', NULL, '-postfix')", result: 'prefix-middle-postfix' },
    { call: "CONCAT(TO_BYTES('eWVz', 'base64'), TO_BYTES('bm8=', 'base64'))", result: 'eWVzbm8=' },
  ],
};
