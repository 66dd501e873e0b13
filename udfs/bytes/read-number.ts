// INT_FROM_BYTES & co: a fixed-size big- or little-endian number read out of BYTES.
import type { FunctionExample, ScalarFunction } from '../types.js';
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

export interface NumberFromBytesSpec {
  name: string;
  description: string;
  returns: 'INTEGER' | 'BIGINT' | 'DOUBLE';
  /** How many bytes the number takes. */
  size: number;
  /** Reads the number from a view of exactly `size` bytes. */
  get(view: DataView, littleEndian: boolean): number;
  examples: FunctionExample[];
}

/** A XXX_FROM_BYTES function: (value) big-endian, or (value, byteOrder). */
export function numberFromBytes(spec: NumberFromBytesSpec): ScalarFunction {
  const read = (bytes: Uint8Array, order: ByteOrder = 'BIG_ENDIAN'): number =>
    spec.get(viewOf(bytes, spec.size), order === 'LITTLE_ENDIAN');
  return {
    kind: 'scalar',
    name: spec.name,
    category: 'CONVERSIONS',
    description: spec.description,
    overloads: [
      { params: [{ name: 'value', type: { kind: 'BYTES' } }], returns: { kind: spec.returns }, impl: (b: Uint8Array) => read(b) },
      {
        params: [{ name: 'value', type: { kind: 'BYTES' } }, { name: 'byteOrder', type: { kind: 'STRING' }, description: "'BIG_ENDIAN' or 'LITTLE_ENDIAN'" }],
        returns: { kind: spec.returns },
        impl: (b: Uint8Array, order: string) => read(b, byteOrder(order)),
      },
    ],
    examples: spec.examples,
  };
}
