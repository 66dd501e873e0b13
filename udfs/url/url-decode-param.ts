import type { ScalarFunction } from '../types.js';
import { formDecode } from './form-encoding.js';

export const urlDecodeParam: ScalarFunction = {
  kind: 'scalar',
  name: 'URL_DECODE_PARAM',
  category: 'URL',
  description: 'Decodes a previously encoded application/x-www-form-urlencoded String.',
  overloads: [{ params: [{ name: 'input', type: { kind: 'STRING' }, description: 'the value to decode' }], returns: { kind: 'STRING' }, impl: formDecode }],
  examples: [{ call: "URL_DECODE_PARAM('url%20encoded')", result: 'url encoded' }, { call: "URL_DECODE_PARAM('%3Ffoo+%24bar')", result: '?foo $bar' }],
};
