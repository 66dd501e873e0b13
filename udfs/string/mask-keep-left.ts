import { partialMask } from './mask-overloads.js';

export const maskKeepLeft = partialMask({
  name: 'MASK_KEEP_LEFT',
  description: 'Returns a version of the input string with all but the specified number of left-most characters masked out.',
  numChars: 'number of characters to keep unmasked at the start',
  from: 'start',
  counted: 'kept',
  examples: [
    { call: "MASK_KEEP_LEFT('My Test $123', 4)", result: 'My Txxx--nnn' },
  ],
});
