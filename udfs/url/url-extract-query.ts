import type { ScalarFunction } from '../types.js';
import { parseUri, uriDecode } from './java-uri.js';

export const urlExtractQuery: ScalarFunction = {
  kind: 'scalar',
  name: 'URL_EXTRACT_QUERY',
  category: 'URL',
  description: 'Extracts the decoded query-string portion of an application/x-www-form-urlencoded String input, if it exists.',
  overloads: [{
    params: [{ name: 'input', type: { kind: 'STRING' }, description: 'a valid URL' }],
    returns: { kind: 'STRING' },
    impl: (url: string) => uriDecode(parseUri(url).query),
  }],
  examples: [
    { call: "URL_EXTRACT_QUERY('http://test.com?a=foo%20bar&b=baz')", result: 'a=foo bar&b=baz' },
  ],
};
