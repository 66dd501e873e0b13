// The JSON functions (ksqlDB's JSON category).
import type { ScalarFunction } from '../types.js';
import { extractJsonField } from './extract-json-field.js';
import { isJsonString } from './is-json-string.js';
import { jsonArrayContains } from './json-array-contains.js';
import { jsonArrayLength } from './json-array-length.js';
import { jsonConcat } from './json-concat.js';
import { jsonItems } from './json-items.js';
import { jsonKeys } from './json-keys.js';
import { jsonRecords } from './json-records.js';
import { toJsonString } from './to-json-string.js';

export const jsonFunctions: ScalarFunction[] = [
  extractJsonField, isJsonString, jsonArrayContains, jsonArrayLength, jsonConcat, jsonItems, jsonKeys,
  jsonRecords, toJsonString,
];
