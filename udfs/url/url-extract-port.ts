import type { ScalarFunction } from '../types.js';
import { parseUri } from './java-uri.js';

export const urlExtractPort: ScalarFunction = {
  kind: 'scalar',
  name: 'URL_EXTRACT_PORT',
  category: 'URL',
  description: 'Extracts the port from an application/x-www-form-urlencoded encoded String. If there is no port or the string is invalid, this will return null.',
  overloads: [{
    params: [{ name: 'input', type: { kind: 'STRING' }, description: 'a valid URL to extract a port from' }],
    returns: { kind: 'INTEGER' },
    impl: (url: string) => {
      const port = parseUri(url).port;
      return port < 0 ? null : port;
    },
  }],
  examples: [{ call: "URL_EXTRACT_PORT('http://localhost:8080/path')", result: 8080 }, { call: "URL_EXTRACT_PORT('http://localhost/path')", result: null }],
};
