import { numberFromBytes } from './read-number.js';

export const doubleFromBytes = numberFromBytes({
  name: 'DOUBLE_FROM_BYTES',
  description: 'Converts a BYTES value to a DOUBLE value according to the specified byte order. BYTES must be 8 bytes long or a NULL value will be returned.',
  returns: 'DOUBLE',
  size: 8,
  get: (view, little) => view.getFloat64(0, little),
  examples: [
    { call: "DOUBLE_FROM_BYTES(TO_BYTES('QICm/ZvJ9YI=', 'base64'))", result: 532.8738323 },
    { call: "DOUBLE_FROM_BYTES(TO_BYTES('gvXJm/2mgEA=', 'base64'), 'LITTLE_ENDIAN')", result: 532.8738323 },
  ],
});
