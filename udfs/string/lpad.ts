import type { ScalarFunction } from '../types.js';

function lpadString(input: string, targetLen: number, padding: string): string | null {
  if (padding.length === 0 || targetLen < 0) return null;
  const padUpTo = Math.max(targetLen - input.length, 0);
  return (padding.repeat(Math.ceil(padUpTo / padding.length)).slice(0, padUpTo) + input).slice(0, targetLen);
}

function lpadBytes(input: Uint8Array, targetLen: number, padding: Uint8Array): Uint8Array | null {
  if (padding.length === 0 || targetLen < 0) return null;
  if (input.length > targetLen) return input.slice(0, targetLen);
  const out = new Uint8Array(targetLen);
  const padUpTo = targetLen - input.length;
  for (let i = 0; i < padUpTo; i++) out[i] = padding[i % padding.length];
  out.set(input, padUpTo);
  return out;
}

export const lpad: ScalarFunction = {
  kind: 'scalar',
  name: 'LPAD',
  category: 'STRING',
  description: 'Pads the input string or bytes, starting from the beginning, with the specified padding string until the target length is reached. If the input string or bytes are longer than the specified target length it will be truncated. If the padding string or bytes are empty or NULL, or the target length is negative, then NULL is returned.',
  overloads: [
    {
      params: [{ name: 'input', type: { kind: 'STRING' } }, { name: 'targetLen', type: { kind: 'INTEGER' } }, { name: 'padding', type: { kind: 'STRING' } }],
      returns: { kind: 'STRING' },
      impl: lpadString,
    },
    {
      params: [{ name: 'input', type: { kind: 'BYTES' } }, { name: 'targetLen', type: { kind: 'INTEGER' } }, { name: 'padding', type: { kind: 'BYTES' } }],
      returns: { kind: 'BYTES' },
      impl: lpadBytes,
    },
  ],
  examples: [
    { call: "LPAD('Foo', 7, 'Bar')", result: 'BarBFoo' },
    { call: "LPAD('Foo', 2, 'Bar')", result: 'Fo' },
    { call: "LPAD('123', 5, '0')", result: '00123' },
  ],
};
