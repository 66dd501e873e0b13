import type { ScalarFunction } from '../types.js';
import { parseUri } from './java-uri.js';

export const urlExtractProtocol: ScalarFunction = {
  kind: 'scalar',
  name: 'URL_EXTRACT_PROTOCOL',
  category: 'URL',
  description: 'Extracts the protocol of an application/x-www-form-urlencoded String input.',
  overloads: [{
    params: [{ name: 'input', type: { kind: 'STRING' }, description: 'a valid URL' }],
    returns: { kind: 'STRING' },
    impl: (url: string) => parseUri(url).scheme,
  }],
  examples: [
    { call: "URL_EXTRACT_PROTOCOL('https://test.com?a=foo&b=bar')", result: 'https' },
    { call: "URL_EXTRACT_PROTOCOL('www.confluent.io')", result: null },
  ],
};
