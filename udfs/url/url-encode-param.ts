import type { ScalarFunction } from '../types.js';
import { formEncode } from './form-encoding.js';

export const urlEncodeParam: ScalarFunction = {
  kind: 'scalar',
  name: 'URL_ENCODE_PARAM',
  category: 'URL',
  description: 'Returns a version of the input with all URL sensitive characters encoded using the application/x-www-form-urlencoded standard.',
  overloads: [{ params: [{ name: 'input', type: { kind: 'STRING' }, description: 'the value to encode' }], returns: { kind: 'STRING' }, impl: formEncode }],
  examples: [{ call: "URL_ENCODE_PARAM('?foo $bar')", result: '%3Ffoo+%24bar' }],
};
