// The built-in URL functions.
import type { ScalarFunction } from '../types.js';
import { urlDecodeParam } from './url-decode-param.js';
import { urlEncodeParam } from './url-encode-param.js';
import { urlExtractFragment } from './url-extract-fragment.js';
import { urlExtractHost } from './url-extract-host.js';
import { urlExtractParameter } from './url-extract-parameter.js';
import { urlExtractPath } from './url-extract-path.js';
import { urlExtractPort } from './url-extract-port.js';
import { urlExtractProtocol } from './url-extract-protocol.js';
import { urlExtractQuery } from './url-extract-query.js';

export const urlFunctions: ScalarFunction[] = [
  urlDecodeParam, urlEncodeParam, urlExtractFragment, urlExtractHost, urlExtractParameter, urlExtractPath,
  urlExtractPort, urlExtractProtocol, urlExtractQuery,
];
