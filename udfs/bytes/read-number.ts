// INT_FROM_BYTES & co: a fixed-size big- or little-endian number read out of BYTES.
import { SqlError } from '../../src/types/sql-error.js';

export type ByteOrder = 'BIG_ENDIAN' | 'LITTLE_ENDIAN';

/** BytesUtils.byteOrderType: the two names, case-insensitively. */
export function byteOrder(name: string): ByteOrder {
  const upper = name.toUpperCase();
  if (upper === 'BIG_ENDIAN' || upper === 'LITTLE_ENDIAN') return upper;
  throw new SqlError('EVALUATION_ERROR', `Byte order must be BIG_ENDIAN or LITTLE_ENDIAN. Unknown byte order '${name}'.`);
}

/** A DataView over exactly `size` bytes, failing as BytesUtils.checkBytesSize does. */
export function viewOf(bytes: Uint8Array, size: number): DataView {
  if (bytes.length !== size) {
    throw new SqlError('EVALUATION_ERROR', `Number of bytes must be equal to ${size}, but found ${bytes.length}`);
  }
  return new DataView(bytes.buffer, bytes.byteOffset, size);
}
