// The array, map and lambda functions (ksqlDB's ARRAY, MAP and LAMBDA categories), and AS_VALUE.
import type { ScalarFunction } from '../types.js';
import { arrayConcat } from './array-concat.js';
import { arrayContains } from './array-contains.js';
import { arrayDistinct } from './array-distinct.js';
import { arrayExcept } from './array-except.js';
import { arrayIntersect } from './array-intersect.js';
import { arrayJoin } from './array-join.js';
import { arrayLength } from './array-length.js';
import { arrayMax } from './array-max.js';
import { arrayMin } from './array-min.js';
import { arrayRemove } from './array-remove.js';
import { arraySort } from './array-sort.js';
import { arrayUnion } from './array-union.js';
import { asMap } from './as-map.js';
import { asValue } from './as-value.js';
import { entriesFunction } from './entries.js';
import { filter } from './filter.js';
import { generateSeries } from './generate-series.js';
import { mapKeys } from './map-keys.js';
import { mapUnion } from './map-union.js';
import { mapValues } from './map-values.js';
import { reduce } from './reduce.js';
import { slice } from './slice.js';
import { transform } from './transform.js';

export const collectionFunctions: ScalarFunction[] = [
  arrayConcat, arrayContains, arrayDistinct, arrayExcept, arrayIntersect, arrayJoin, arrayLength, arrayMax,
  arrayMin, arrayRemove, arraySort, arrayUnion, asMap, entriesFunction, generateSeries, mapKeys, mapUnion,
  mapValues, slice, filter, transform, reduce, asValue,
];
