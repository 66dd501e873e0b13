// Table functions (ksqlDB's UDTFs): each call in a SELECT turns one input row into as many
// output rows as it returns values (src/plan/plan-table-functions.ts).
import type { ScalarFunction } from '../types.js';
import { explode } from './explode.js';
import { cubeExplode } from './cube-explode.js';

export const tableFunctions: ScalarFunction[] = [explode, cubeExplode];
