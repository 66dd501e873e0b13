import { partialMask } from './mask-overloads.js';

export const maskRight = partialMask({
  name: 'MASK_RIGHT',
  description: 'Returns a version of the input string with the specified number of characters, counting back from the end of the string, masked out.',
  numChars: 'number of characters to mask before the end',
  from: 'end',
  counted: 'masked',
  examples: [
    { call: "MASK_RIGHT('My Test $123', 4)", result: 'My Test -nnn' },
  ],
});
