// Avro's decimal logical type: the unscaled value as big-endian two's complement bytes, as
// Java's BigInteger.toByteArray writes them (the fewest bytes that hold the sign).
import { Decimal } from '../../types/decimal.js';

export function decimalToBytes(d: Decimal): Buffer {
  const u = d.unscaled;
  let n = 1;
  while (u >= 1n << BigInt(8 * n - 1) || u < -(1n << BigInt(8 * n - 1))) n++;
  const v = u < 0n ? u + (1n << BigInt(8 * n)) : u;
  return Buffer.from(v.toString(16).padStart(2 * n, '0'), 'hex');
}

export function decimalFromBytes(b: Uint8Array, scale: number): Decimal {
  if (b.length === 0) return new Decimal(0n, scale);
  let v = BigInt('0x' + Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex'));
  if (b[0] & 0x80) v -= 1n << BigInt(8 * b.length);
  return new Decimal(v, scale);
}
