import { createHash } from 'node:crypto';
import type { ScalarFunction } from '../types.js';
import { utf8Bytes } from '../bytes/java-charsets.js';

export const md5: ScalarFunction = {
  kind: 'scalar',
  name: 'MD5',
  category: 'STRING',
  description: 'Computes the hex-encoded md5 hash of the given string.',
  overloads: [{
    params: [{ name: 's', type: { kind: 'STRING' } }],
    returns: { kind: 'STRING' },
    // Hashes the UTF-8 bytes as Java encodes them (an unpaired surrogate becomes '?').
    impl: (s: string) => createHash('md5').update(utf8Bytes(s)).digest('hex'),
  }],
  examples: [{ call: "MD5('')", result: 'd41d8cd98f00b204e9800998ecf8427e' }, { call: "MD5('r1')", result: '7c92cf1eee8d99cc85f8355a3d6e4b86' }],
};
