// Shared checks for a list of functions: the metadata SHOW FUNCTIONS and DESCRIBE FUNCTION need,
// and every example evaluating to its stated result (through example-eval.ts).
import { describe, expect, it } from 'vitest';
import type { ScalarFunction } from '../../udfs/types.js';
import { datetimeFunctions } from '../../udfs/datetime/index.js';
import { jsonFunctions } from '../../udfs/json/index.js';
import { collectionFunctions } from '../../udfs/collections/index.js';
import { makeEvaluator, toExampleForm } from './example-eval.js';

const all = [...datetimeFunctions, ...jsonFunctions, ...collectionFunctions];
// Stand-ins for functions other modules own, used inside lambda examples.
const evaluate = makeEvaluator(all, {
  LEN: (s: string) => s.length,
  UCASE: (s: string) => s.toUpperCase(),
});

export function checkFunctions(functions: readonly ScalarFunction[]): void {
  describe('metadata', () => {
    it('has unique names across the date/time, JSON and collection functions', () => {
      const names = all.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
    });
    for (const f of functions) {
      it(`${f.name} is fully described`, () => {
        expect(f.kind).toBe('scalar');
        expect(f.name).toMatch(/^[A-Z_]+$/);
        expect(f.category).toMatch(/^[A-Z][A-Z /]*$/);
        expect(f.description.length).toBeGreaterThan(10);
        expect(f.overloads.length).toBeGreaterThan(0);
        expect(f.examples.length).toBeGreaterThan(0);
        for (const o of f.overloads) {
          expect(Boolean(o.impl) !== Boolean(o.factory)).toBe(true);
          for (const p of o.params) expect(p.name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        }
        for (const ex of f.examples) expect(ex.call).toContain(f.name + '(');
      });
    }
  });
  describe('examples', () => {
    for (const f of functions) {
      for (const ex of f.examples) {
        it(ex.call, () => {
          expect(toExampleForm(evaluate(ex.call))).toEqual(ex.result);
        });
      }
    }
  });
}
