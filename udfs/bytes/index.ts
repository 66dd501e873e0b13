// The built-in functions converting BYTES to and from other types.
import type { ScalarFunction } from '../types.js';
import { bigintFromBytes } from './bigint-from-bytes.js';
import { doubleFromBytes } from './double-from-bytes.js';
import { fromBytes } from './from-bytes.js';
import { intFromBytes } from './int-from-bytes.js';
import { toBytes } from './to-bytes.js';

export const bytesFunctions: ScalarFunction[] = [bigintFromBytes, doubleFromBytes, fromBytes, intFromBytes, toBytes];
