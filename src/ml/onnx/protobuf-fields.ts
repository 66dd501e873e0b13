// Just enough of the protobuf wire format to walk an ONNX file's fields: onnxruntime tells a
// session's inputs and outputs but not a classifier's class labels, which sit in the graph.
// A field is (number, wire type, value): a varint as a number, length-delimited as bytes.

export interface Field { no: number; wire: number; varint: number; bytes: Uint8Array | undefined }

/** The fields of one message, in order. Throws on bytes that are not a message. */
export function* fields(buf: Uint8Array): Generator<Field> {
  let at = 0;
  const varint = (): number => {
    let v = 0, mul = 1;
    for (;;) {
      if (at >= buf.length) throw new Error('truncated varint');
      const b = buf[at++];
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
      if (mul > 2 ** 63) throw new Error('varint too long');
    }
  };
  while (at < buf.length) {
    const key = varint();
    const no = Math.floor(key / 8), wire = key % 8;
    switch (wire) {
      case 0: yield { no, wire, varint: varint(), bytes: undefined }; break;
      case 1: at += 8; break;
      case 5: at += 4; break;
      case 2: {
        const len = varint();
        if (at + len > buf.length) throw new Error('truncated field');
        yield { no, wire, varint: 0, bytes: buf.subarray(at, at + len) };
        at += len;
        break;
      }
      default: throw new Error(`wire type ${wire}`);
    }
    if (at > buf.length) throw new Error('truncated field');
  }
}

/** A packed or single varint field's values (repeated int64 may come either way). */
export function varints(f: Field): number[] {
  if (f.wire === 0) return [f.varint];
  const out: number[] = [];
  for (const x of fields(wrapPacked(f.bytes!))) out.push(x.varint);
  return out;
}

/** Packed varints re-read as fields numbered 0 (each prefixed with key 0). */
function wrapPacked(b: Uint8Array): Uint8Array {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] < 0x80) { out.push(0, ...b.subarray(start, i + 1)); start = i + 1; }
  }
  return Uint8Array.from(out);
}

/** A signed int64 read as a varint (two's complement above 2^63). */
export function int64(v: number): number {
  return v >= 2 ** 63 ? v - 2 ** 64 : v;
}
