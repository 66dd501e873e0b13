import { numberFromBytes } from './read-number.js';

export const intFromBytes = numberFromBytes({
  name: 'INT_FROM_BYTES',
  description: 'Converts a BYTES value to an INT value according to the specified byte order. BYTES must be 4 bytes long or a NULL value will be returned.',
  returns: 'INTEGER',
  size: 4,
  get: (view, little) => view.getInt32(0, little),
  examples: [
    { call: "INT_FROM_BYTES(TO_BYTES('AAAH5Q==', 'base64'))", result: 2021 },
    { call: "INT_FROM_BYTES(TO_BYTES('5QcAAA==', 'base64'), 'LITTLE_ENDIAN')", result: 2021 },
  ],
});
