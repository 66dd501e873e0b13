// Snapshots as a list of Float64Arrays behind a small header: every model's state is already
// Float64Array, so encoding is a copy and decoding is exact (no text round-trip of floats).
// Layout (all float64): [magic, version, nParts, len_0..len_{n-1}, data_0, ..., data_{n-1}].

const MAGIC = 0x45444459; // 'EDDY'
const VERSION = 1;

export function encodeState(parts: readonly (Float64Array | readonly number[])[]): Uint8Array {
  let total = 3 + parts.length;
  for (const p of parts) total += p.length;
  const out = new Float64Array(total);
  out[0] = MAGIC;
  out[1] = VERSION;
  out[2] = parts.length;
  let at = 3 + parts.length;
  parts.forEach((p, i) => {
    out[3 + i] = p.length;
    out.set(p, at);
    at += p.length;
  });
  return new Uint8Array(out.buffer);
}

export function decodeState(bytes: Uint8Array, expectParts?: number): Float64Array[] {
  if (bytes.byteLength % 8 !== 0) throw new Error('model state: corrupt (length)');
  // Copy so the result is aligned and independent of the caller's buffer.
  const all = new Float64Array(bytes.slice().buffer);
  if (all[0] !== MAGIC || all[1] !== VERSION) throw new Error('model state: not an Eddy model snapshot');
  const n = all[2];
  if (expectParts !== undefined && n !== expectParts) throw new Error(`model state: expected ${expectParts} parts, got ${n}`);
  const parts: Float64Array[] = [];
  let at = 3 + n;
  for (let i = 0; i < n; i++) {
    const len = all[3 + i];
    parts.push(all.slice(at, at + len));
    at += len;
  }
  if (at !== all.length) throw new Error('model state: corrupt (size)');
  return parts;
}

/** Embeds a nested snapshot (bytes, a multiple of 8) as one part. */
export function bytesPart(bytes: Uint8Array): Float64Array {
  return new Float64Array(bytes.slice().buffer);
}

export function partBytes(part: Float64Array): Uint8Array {
  return new Uint8Array(part.slice().buffer);
}

/** Checks a restored part has the length this model's spec implies. */
export function expectLength(part: Float64Array, len: number, what: string): Float64Array {
  if (part.length !== len) throw new Error(`model state: ${what} has ${part.length} values, expected ${len}`);
  return part;
}
