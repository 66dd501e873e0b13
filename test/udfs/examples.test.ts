// Every example of the date/time, JSON and collection functions evaluates to its stated result,
// and every function carries the metadata SHOW FUNCTIONS and DESCRIBE FUNCTION need.
import { describe, expect, it } from 'vitest';
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

describe('function metadata', () => {
  it('has unique names', () => {
    const names = all.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(53);
  });

  for (const f of all) {
    it(`${f.name} is described`, () => {
      expect(f.kind).toBe('scalar');
      expect(f.name).toMatch(/^[A-Z_]+$/);
      expect(f.category.length).toBeGreaterThan(0);
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.overloads.length).toBeGreaterThan(0);
      expect(f.examples.length).toBeGreaterThan(0);
      for (const o of f.overloads) {
        expect(Boolean(o.impl) !== Boolean(o.factory)).toBe(true);
        for (const p of o.params) expect(p.name.length).toBeGreaterThan(0);
      }
      for (const ex of f.examples) expect(ex.call).toContain(f.name + '(');
    });
  }
});

describe('examples', () => {
  for (const f of all) {
    for (const ex of f.examples) {
      it(ex.call, () => {
        expect(toExampleForm(evaluate(ex.call))).toEqual(ex.result);
      });
    }
  }
});
