import { describe, expect, it } from 'vitest';
import { bytesFunctions } from '../../udfs/bytes/index.js';
import { mathFunctions } from '../../udfs/math/index.js';
import { nullFunctions } from '../../udfs/nulls/index.js';
import { stringFunctions } from '../../udfs/string/index.js';
import { urlFunctions } from '../../udfs/url/index.js';
import { FunctionRegistry } from '../../udfs/registry.js';

const indexes = { mathFunctions, stringFunctions, bytesFunctions, nullFunctions, urlFunctions };
const all = Object.values(indexes).flat();

describe('scalar function metadata', () => {
  it('covers the functions of this part', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
  });
  it('has unique upper-case names, and the registry accepts them all', () => {
    const names = all.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toBe(n.toUpperCase());
    expect(new FunctionRegistry(all).list()).toHaveLength(all.length);
  });
  for (const f of all) {
    it(`${f.name} is fully described`, () => {
      expect(f.kind).toBe('scalar');
      expect(f.category).toMatch(/^[A-Z][A-Z /]*$/);
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.overloads.length).toBeGreaterThanOrEqual(1);
      expect(f.examples.length).toBeGreaterThanOrEqual(1);
      for (const o of f.overloads) {
        expect(Boolean(o.impl) !== Boolean(o.factory)).toBe(true);
        if (o.variadic) expect(o.params.length).toBeGreaterThanOrEqual(1);
        for (const p of o.params) expect(p.name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      }
      for (const ex of f.examples) expect(ex.call.toUpperCase()).toContain(`${f.name}(`);
    });
  }
  it('marks only the random functions volatile', () => {
    expect(all.filter((f) => f.volatile).map((f) => f.name).sort()).toEqual(['RANDOM', 'UUID']);
  });
});
