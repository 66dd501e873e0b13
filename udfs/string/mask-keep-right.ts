import { partialMask } from './mask-overloads.js';

export const maskKeepRight = partialMask({
  name: 'MASK_KEEP_RIGHT',
  description: 'Returns a version of the input string with all but the specified number of right-most characters masked out.',
  numChars: 'number of characters to keep unmasked at the end',
  from: 'end',
  counted: 'kept',
  examples: [
    { call: "MASK_KEEP_RIGHT('My Test $123', 4)", result: 'Xx-Xxxx-$123' },
  ],
});
