// Every built-in function, by category. A new function is a module in its category folder,
// listed in that folder's index.
import type { FunctionDef } from './types.js';
import { mathFunctions } from './math/index.js';
import { stringFunctions } from './string/index.js';
import { nullFunctions } from './nulls/index.js';
import { urlFunctions } from './url/index.js';
import { bytesFunctions } from './bytes/index.js';
import { datetimeFunctions } from './datetime/index.js';
import { jsonFunctions } from './json/index.js';
import { collectionFunctions } from './collections/index.js';
import { aggregateFunctions } from './aggregate/index.js';
import { tableFunctions } from './table/index.js';

export const builtinFunctions: readonly FunctionDef[] = [
  ...mathFunctions, ...stringFunctions, ...nullFunctions, ...urlFunctions, ...bytesFunctions,
  ...datetimeFunctions, ...jsonFunctions, ...collectionFunctions, ...aggregateFunctions, ...tableFunctions,
];
