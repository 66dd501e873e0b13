// The built-in NULL-handling (conditional) functions.
import type { ScalarFunction } from '../types.js';
import { coalesce } from './coalesce.js';
import { ifnull } from './ifnull.js';
import { nullif } from './nullif.js';

export const nullFunctions: ScalarFunction[] = [coalesce, ifnull, nullif];
