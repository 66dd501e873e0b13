import { partialMask } from './mask-overloads.js';

export const maskLeft = partialMask({
  name: 'MASK_LEFT',
  description: 'Returns a version of the input string with the specified number of characters, counting from the start of the string, masked out.',
  numChars: 'number of characters to mask from the start',
  from: 'start',
  counted: 'masked',
  examples: [
    { call: "MASK_LEFT('My Test $123', 4)", result: 'Xx-Xest $123' },
  ],
});
