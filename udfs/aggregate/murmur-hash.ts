// MurmurHash 2 (32-bit, seed -1) and its long variant, as in the stream-lib library ksqlDB's
// COUNT_DISTINCT feeds: the same hashes give the same HyperLogLog registers, hence the same counts.

const M = 0x5bd1e995;

/** MurmurHash.hash(byte[]): Java's signed bytes, int arithmetic. */
export function murmurBytes(data: Uint8Array): number {
  const length = data.length;
  let h = -1 ^ length;
  const len4 = length >> 2;
  for (let i = 0; i < len4; i++) {
    const i4 = i << 2;
    let k = (data[i4] | (data[i4 + 1] << 8) | (data[i4 + 2] << 16) | (data[i4 + 3] << 24)) | 0;
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const left = length - (len4 << 2);
  if (left !== 0) {
    // The tail bytes are sign-extended before shifting, as Java's (int) byte cast does.
    if (left >= 3) h ^= ((data[length - 3] << 24) >> 24) << 16;
    if (left >= 2) h ^= ((data[length - 2] << 24) >> 24) << 8;
    if (left >= 1) h ^= (data[length - 1] << 24) >> 24;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** MurmurHash.hashLong(long) over the two 32-bit halves of a Java long. */
export function murmurLong(low: number, high: number): number {
  let k = Math.imul(low | 0, M);
  k ^= k >>> 24;
  let h = Math.imul(k, M);
  k = Math.imul(high | 0, M);
  k ^= k >>> 24;
  h = Math.imul(h, M);
  h ^= Math.imul(k, M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** A Java long held in a JS number (exact to 2^53): its low and high 32-bit halves. */
export function murmurInteger(n: number): number {
  return murmurLong(n | 0, Math.floor(n / 4294967296) | 0);
}

const scratch = new DataView(new ArrayBuffer(8));

/** Double.doubleToRawLongBits then hashLong. */
export function murmurDouble(d: number): number {
  scratch.setFloat64(0, d);
  return murmurLong(scratch.getInt32(4), scratch.getInt32(0));
}

const utf8 = new TextEncoder();

/** String.getBytes() (UTF-8) then hash(byte[]). */
export function murmurString(s: string): number {
  return murmurBytes(utf8.encode(s));
}
