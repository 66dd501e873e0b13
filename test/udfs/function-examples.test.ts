// Every scalar function's documented examples run through the real SQL path: parse the call,
// analyze it, compile it, evaluate it. (Aggregate examples run in aggregate-registry.test.ts.)
import { describe, it, expect } from 'vitest';
import { builtinFunctions } from '../../udfs/index.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { parseExpression } from '../../grammar/index.js';
import { analyzeExpression } from '../../src/plan/expr/analyze.js';
import { compileExpression } from '../../src/runtime/expr/compile.js';
import { Decimal } from '../../src/types/decimal.js';

const registry = new FunctionRegistry(builtinFunctions);

/** A value in the JSON form examples are written in. */
function jsonForm(v: unknown): unknown {
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof Map) return Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), jsonForm(x)]));
  if (Array.isArray(v)) return v.map(jsonForm);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonForm(x)]));
  return v;
}

describe('function examples', () => {
  const scalars = registry.list().filter((f) => f.kind === 'scalar');
  it('covers 100+ functions in all', () => {
    expect(registry.list().length).toBeGreaterThanOrEqual(100);
  });
  for (const f of scalars) {
    for (const ex of f.examples) {
      it(`${f.name}: ${ex.call}`, () => {
        const value = compileExpression(analyzeExpression(parseExpression(ex.call), { columns: [] }, registry), { registry, report: () => undefined })([]);
        const got = jsonForm(value);
        if (typeof ex.result === 'number' && typeof got === 'number' && !Number.isInteger(ex.result)) {
          expect(got).toBeCloseTo(ex.result, 9);
        } else {
          expect(got).toEqual(ex.result);
        }
      });
    }
  }
});
