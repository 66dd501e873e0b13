import type { ScalarFunction } from '../types.js';
import { parseUri, uriDecode } from './java-uri.js';

/** The value of the first `name` or `name=value` in the decoded query ('' for a bare name). */
function extractParameter(url: string, name: string): string | null {
  const query = uriDecode(parseUri(url).query);
  if (query === null) return null;
  for (const param of query.split('&')) {
    const eq = param.indexOf('=');
    if (eq < 0 ? param === name : param.slice(0, eq) === name) return eq < 0 ? '' : param.slice(eq + 1);
  }
  return null;
}

export const urlExtractParameter: ScalarFunction = {
  kind: 'scalar',
  name: 'URL_EXTRACT_PARAMETER',
  category: 'URL',
  description: 'Extracts a parameter with a specified name encoded inside an application/x-www-form-urlencoded String.',
  overloads: [{
    params: [
      { name: 'input', type: { kind: 'STRING' }, description: 'a valid URL' },
      { name: 'paramToFind', type: { kind: 'STRING' }, description: 'the parameter key' },
    ],
    returns: { kind: 'STRING' },
    impl: extractParameter,
  }],
  examples: [
    { call: "URL_EXTRACT_PARAMETER('http://test.com?a%20b=c%20d', 'a b')", result: 'c d' },
    { call: "URL_EXTRACT_PARAMETER('http://test.com?a=foo&b=bar', 'b')", result: 'bar' },
  ],
};
