import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../src/runtime/state/state-codec.js';
import { Decimal } from '../../src/types/decimal.js';

const roundTrip = (v: unknown): unknown => decodeState(encodeState(v));

describe('state codec', () => {
  it('round-trips SQL values and accumulator data', () => {
    const v = {
      key: ['s-1', 7], accs: [3, { sum: 1.5, count: 2 }, null, [1, 2]],
      dec: new Decimal(-12345n, 2), bytes: new Uint8Array([0, 255, 7]),
      map: new Map<unknown, unknown>([['a', 1], [2, new Decimal(5n, 0)]]), set: new Set(['x', 'y']),
      big: 2n ** 70n, special: [NaN, Infinity, -Infinity, -0], struct: { A: 1, B: null },
      histogram: { $weird: 1, plain: 2 },
    };
    const back = roundTrip(v) as typeof v;
    expect(back).toEqual(v);
    expect(back.dec).toBeInstanceOf(Decimal);
    expect(back.dec.toString()).toBe('-123.45');
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect(Object.is(back.special[3], -0)).toBe(true);
    expect(Object.keys(back.histogram)).toEqual(['$weird', 'plain']);
  });

  it('keeps a string that looks like a tag a string', () => {
    expect(roundTrip({ s: '{"$d":["1",0]}' })).toEqual({ s: '{"$d":["1",0]}' });
    expect(roundTrip(['$m'])).toEqual(['$m']);
  });
});
