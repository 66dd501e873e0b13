import type { ScalarFunction } from '../types.js';
import { parseUri, uriDecode } from './java-uri.js';

export const urlExtractPath: ScalarFunction = {
  kind: 'scalar',
  name: 'URL_EXTRACT_PATH',
  category: 'URL',
  description: 'Extracts the path of an application/x-www-form-urlencoded String input.',
  overloads: [{
    params: [{ name: 'input', type: { kind: 'STRING' }, description: 'a valid URL' }],
    returns: { kind: 'STRING' },
    impl: (url: string) => uriDecode(parseUri(url).path),
  }],
  examples: [
    { call: "URL_EXTRACT_PATH('http://test.com/path/to#a')", result: '/path/to' },
    { call: "URL_EXTRACT_PATH('http://www.test.com?query')", result: '' },
  ],
};
