import { padFunction } from './pad-function.js';

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

export const rpad = padFunction({
  name: 'RPAD',
  from: 'end',
  padString: rpadString,
  padBytes: rpadBytes,
  examples: [
    { call: "RPAD('Foo', 7, 'Bar')", result: 'FooBarB' },
    { call: "RPAD('', 2, 'Bar')", result: 'Ba' },
  ],
});
