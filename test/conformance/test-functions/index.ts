// The functions ksqlDB's QTT runner loads from its test jar, for our runner's engines: a fresh
// registry per engine (the engine binds its models into it).
import type { FunctionDef } from '../../../udfs/types.js';
import { FunctionRegistry } from '../../../udfs/registry.js';
import { builtinFunctions } from '../../../udfs/index.js';
import { badUdf, testUdf, toStruct, whenCondition, whenResult } from './test-scalars.js';
import { testUdtf, throwingUdtf } from './test-table-functions.js';
import { fiveArg, fourArg, genericVarArg, midVarArg, multiArg, objColArg, testUdaf, varArg } from './test-aggregates.js';

export const testFunctions: readonly FunctionDef[] = [
  testUdf, badUdf, whenCondition, whenResult, toStruct, testUdtf, throwingUdtf,
  testUdaf, varArg, midVarArg, multiArg, fourArg, fiveArg, objColArg, genericVarArg,
];

export function testFunctionRegistry(): FunctionRegistry {
  return new FunctionRegistry([...builtinFunctions, ...testFunctions]);
}
