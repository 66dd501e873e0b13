import type { ScalarFunction } from '../types.js';
import { parseUri } from './java-uri.js';

export const urlExtractHost: ScalarFunction = {
  kind: 'scalar',
  name: 'URL_EXTRACT_HOST',
  category: 'URL',
  description: 'Extracts the Host Name of an application/x-www-form-urlencoded String input.',
  overloads: [{
    params: [{ name: 'input', type: { kind: 'STRING' }, description: 'a valid URL' }],
    returns: { kind: 'STRING' },
    impl: (url: string) => parseUri(url).host,
  }],
  examples: [
    { call: "URL_EXTRACT_HOST('http://test@confluent.io:8080/path')", result: 'confluent.io' },
  ],
};
