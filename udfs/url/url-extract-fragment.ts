import type { ScalarFunction } from '../types.js';
import { parseUri, uriDecode } from './java-uri.js';

export const urlExtractFragment: ScalarFunction = {
  kind: 'scalar',
  name: 'URL_EXTRACT_FRAGMENT',
  category: 'URL',
  description: 'Extracts the fragment of an application/x-www-form-urlencoded String input.',
  overloads: [{
    params: [{ name: 'input', type: { kind: 'STRING' }, description: 'a valid URL' }],
    returns: { kind: 'STRING' },
    impl: (url: string) => uriDecode(parseUri(url).fragment),
  }],
  examples: [
    { call: "URL_EXTRACT_FRAGMENT('http://test.com#frag%20space')", result: 'frag space' },
    { call: "URL_EXTRACT_FRAGMENT('http://www.nofragment.com')", result: null },
  ],
};
