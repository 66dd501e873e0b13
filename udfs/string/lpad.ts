import { padFunction } from './pad-function.js';

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

export const lpad = padFunction({
  name: 'LPAD',
  from: 'beginning',
  padString: lpadString,
  padBytes: lpadBytes,
  examples: [
    { call: "LPAD('Foo', 7, 'Bar')", result: 'BarBFoo' },
    { call: "LPAD('Foo', 2, 'Bar')", result: 'Fo' },
    { call: "LPAD('123', 5, '0')", result: '00123' },
  ],
});
