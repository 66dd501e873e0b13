import { numberFromBytes } from './read-number.js';

export const bigintFromBytes = numberFromBytes({
  name: 'BIGINT_FROM_BYTES',
  description: 'Converts a BYTES value to a BIGINT value according to the specified byte order. BYTES must be 8 bytes long or a NULL value will be returned.',
  returns: 'BIGINT',
  size: 8,
  // BIGINT is a JS number: values beyond 2^53 lose precision (docs/VALUES.md).
  get: (view, little) => Number(view.getBigInt64(0, little)),
  examples: [
    { call: "BIGINT_FROM_BYTES(TO_BYTES('AAAAASoF8gA=', 'base64'))", result: 5000000000 },
    { call: "BIGINT_FROM_BYTES(TO_BYTES('APIFKgEAAAA=', 'base64'), 'LITTLE_ENDIAN')", result: 5000000000 },
  ],
});
