// The hand parser of long decimals (16 to 19 significant digits) must give exactly the double
// Number() gives for the same text, or NaN (ask Number()); never a neighbour. Checked on the
// numbers programs print (shortest round-trip doubles), random digit strings, decimals a hair
// from a tie between two doubles (from exact midpoints, by BigInt), and exact integer ties.
import { describe, expect, it } from 'vitest';
import { decimalToDouble } from '../../src/values/decimal-to-double.js';
import { Rng } from '../../src/ml/rng.js';

/** Splits "123.456" as the JSON reader does: 15 digits in hi, up to 4 more in lo, k after the point. */
function parse(text: string): number {
  let hi = 0; let lo = 0; let n = 0; let digits = 0; let k = 0; let frac = false;
  for (const ch of text) {
    if (ch === '.') { frac = true; continue; }
    const d = ch.charCodeAt(0) - 48;
    if (frac) k++;
    if (digits === 0 && d === 0) continue;
    if (digits < 15) hi = hi * 10 + d; else { lo = lo * 10 + d; n++; }
    digits++;
  }
  if (digits < 16 || digits > 19) throw new Error(`not 16-19 digits: ${text}`);
  return decimalToDouble(hi, n, lo, k);
}

const sig = (t: string): number => t.replace('.', '').replace(/^0+/, '').length;

function expectExact(texts: Iterable<string>): { checked: number; undecided: number } {
  let checked = 0; let undecided = 0;
  for (const t of texts) {
    if (/e/i.test(t) || sig(t) < 16 || sig(t) > 19) continue;
    const v = parse(t);
    checked++;
    if (Number.isNaN(v)) { undecided++; continue; }
    if (v !== Number(t)) expect.fail(`${t}: got ${v}, Number() gives ${Number(t)}`);
  }
  return { checked, undecided };
}

/** The exact decimal digits of the midpoint between double x (in [1, 2^53)) and the next one up, and where its point goes. */
function midpoint(x: number): { digits: string; point: number } {
  const f = new Float64Array([x]);
  const bits = new BigUint64Array(f.buffer)[0];
  const e = Number((bits >> 52n) & 0x7ffn) - 1075;
  const mant = (bits & 0xfffffffffffffn) | 0x10000000000000n; // x = mant·2^e, e < 0 here
  const shift = 1 - e; // midpoint = (2·mant + 1)·2^(e-1) = (2·mant + 1)·5^shift / 10^shift
  const digits = ((2n * mant + 1n) * 5n ** BigInt(shift)).toString();
  return { digits, point: digits.length - shift };
}

describe('decimalToDouble', () => {
  const rng = new Rng(11);

  it('gives the double Number() gives for printed doubles of every magnitude it takes', () => {
    const texts = Array.from({ length: 200_000 }, () => String(rng.uniform(0, 1) * 10 ** Math.floor(rng.uniform(-6, 8))));
    const r = expectExact(texts);
    expect(r.checked).toBeGreaterThan(150_000);
    expect(r.undecided).toBeLessThan(r.checked / 1000);
  });

  it('gives the double Number() gives for random 16- to 19-digit decimals', () => {
    const texts = Array.from({ length: 200_000 }, () => {
      const len = 16 + Math.floor(rng.uniform(0, 4));
      let d = String(1 + Math.floor(rng.uniform(0, 9)));
      while (d.length < len) d += String(Math.floor(rng.uniform(0, 10)));
      const p = Math.floor(rng.uniform(0, len + 3)) - 3; // a point anywhere, or leading zeros
      return p <= 0 ? '0.' + '0'.repeat(-p) + d : d.slice(0, p) + '.' + d.slice(p);
    });
    expect(expectExact(texts).checked).toBeGreaterThan(190_000);
  });

  it('never rounds the wrong way a hair from a tie between two doubles', () => {
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const { digits, point } = midpoint(rng.uniform(1, 1000));
      for (const len of [16, 17, 18, 19]) {
        for (const delta of [-1n, 0n, 1n]) {
          const d = (BigInt(digits.slice(0, len)) + delta).toString();
          if (d.length === len) texts.push(d.slice(0, point) + '.' + d.slice(point));
        }
      }
    }
    expect(expectExact(texts).checked).toBeGreaterThan(200_000);
  });

  it('leaves exact ties between two doubles to Number() (integers past 2^53)', () => {
    for (const t of ['9007199254740993', '9007199254740995', '18014398509481990', '36028797018963980']) expect(parse(t)).toBeNaN();
    const texts: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const v = (2n ** BigInt(53 + Math.floor(rng.uniform(0, 10))) + BigInt(Math.floor(rng.uniform(-2048, 2048)))).toString();
      texts.push(v, v.slice(0, -3) + '.' + v.slice(-3));
    }
    expect(expectExact(texts).checked).toBe(100_000);
  });
});
