// Byte copies of the decompressors (snappy.ts, lz4-frame.ts): literals from the input, and
// back-references into the output written so far, which may overlap what they write.

/** dst[o, o+len) = src[p, p+len): short runs by a loop (a subarray per run costs more). */
export function copyBytes(src: Uint8Array, p: number, dst: Uint8Array, o: number, len: number): void {
  if (len > 32) { dst.set(src.subarray(p, p + len), o); return; }
  for (let i = 0; i < len; i++) dst[o + i] = src[p + i];
}

/** out[o, o+len) = the bytes `offset` back; they may overlap what is being written (a repeat). */
export function copyBack(out: Uint8Array, o: number, offset: number, len: number): void {
  const from = o - offset;
  if (offset >= len && len > 32) { out.copyWithin(o, from, from + len); return; }
  for (let i = 0; i < len; i++) out[o + i] = out[from + i];
}
