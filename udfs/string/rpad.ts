import type { ScalarFunction } from '../types.js';

function rpadString(input: string, targetLen: number, padding: string): string | null {
  if (padding.length === 0 || targetLen < 0) return null;
  const padChars = Math.max(targetLen - input.length, 0);
  return (input + padding.repeat(Math.ceil(padChars / padding.length))).slice(0, targetLen);
}

function rpadBytes(input: Uint8Array, targetLen: number, padding: Uint8Array): Uint8Array | null {
  if (padding.length === 0 || targetLen < 0) return null;
  if (input.length > targetLen) return input.slice(0, targetLen);
  const out = new Uint8Array(targetLen);
  out.set(input, 0);
  for (let i = input.length; i < targetLen; i++) out[i] = padding[(i - input.length) % padding.length];
  return out;
}

export const rpad: ScalarFunction = {
  kind: 'scalar',
  name: 'RPAD',
  category: 'STRING',
  description: 'Pads the input string or bytes, starting from the end, with the specified padding string until the target length is reached. If the input string or bytes are longer than the specified target length it will be truncated. If the padding string or bytes are empty or NULL, or the target length is negative, then NULL is returned.',
  overloads: [
    {
      params: [{ name: 'input', type: { kind: 'STRING' } }, { name: 'targetLen', type: { kind: 'INTEGER' } }, { name: 'padding', type: { kind: 'STRING' } }],
      returns: { kind: 'STRING' },
      impl: rpadString,
    },
    {
      params: [{ name: 'input', type: { kind: 'BYTES' } }, { name: 'targetLen', type: { kind: 'INTEGER' } }, { name: 'padding', type: { kind: 'BYTES' } }],
      returns: { kind: 'BYTES' },
      impl: rpadBytes,
    },
  ],
  examples: [
    { call: "RPAD('Foo', 7, 'Bar')", result: 'FooBarB' },
    { call: "RPAD('', 2, 'Bar')", result: 'Ba' },
  ],
};
