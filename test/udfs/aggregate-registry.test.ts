// The aggregate registry's shape, and every documented example run through the aggregator.
import { describe, expect, it } from 'vitest';
import { aggregateFunctions } from '../../udfs/aggregate/index.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { fold, json, prepare } from './aggregate-harness.js';

describe('aggregate registry', () => {
  it('has unique names and registers', () => {
    const names = aggregateFunctions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const registry = new FunctionRegistry(aggregateFunctions);
    for (const name of names) expect(registry.isAggregate(name.toLowerCase())).toBe(true);
  });

  it('lists ksqlDB\'s aggregate functions, and the streaming statistics', () => {
    expect(aggregateFunctions.map((f) => f.name).sort()).toEqual([
      'ATTR', 'AVG', 'COLLECT_LIST', 'COLLECT_SET', 'CORRELATION', 'COUNT', 'COUNT_DISTINCT',
      'CUSUM', 'DRIFT_ADWIN', 'EARLIEST_BY_OFFSET', 'EWMA', 'HISTOGRAM', 'KURTOSIS', 'LATEST_BY_OFFSET',
      'MAX', 'MEDIAN', 'MIN', 'QUANTILE', 'SKEWNESS', 'STDDEV_SAMP', 'STDDEV_SAMPLE', 'SUM', 'SUM_LIST',
      'TOPK', 'TOPKDISTINCT', 'VARIANCE', 'ZSCORE',
    ]);
  });

  for (const f of aggregateFunctions) {
    it(`${f.name} is fully described`, () => {
      expect(f.kind).toBe('aggregate');
      expect(f.name).toBe(f.name.toUpperCase());
      expect(f.category).toBe('AGGREGATE');
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.overloads.length).toBeGreaterThan(0);
      expect(f.examples.length).toBeGreaterThan(0);
      for (const o of f.overloads) {
        expect(typeof o.create).toBe('function');
        for (const p of [...o.params, ...(o.literalParams ?? [])]) expect(p.name).toMatch(/^[A-Za-z]\w*$/);
      }
      for (const e of f.examples) expect(e.call).toMatch(new RegExp(`^${f.name}\\((.*)\\) over \\[`));
    });
  }
});

/** Infers a column's type from example values: whole numbers are INTEGER (BIGINT if large). */
function inferType(values: unknown[]): SqlType {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return { kind: 'STRING' };
  if (present.every((v) => Array.isArray(v))) return { kind: 'ARRAY', item: inferType(present.flat()) };
  if (present.every((v) => typeof v === 'boolean')) return { kind: 'BOOLEAN' };
  if (present.every((v) => typeof v === 'string')) return { kind: 'STRING' };
  if (present.every((v) => typeof v === 'number')) {
    const nums = present as number[];
    if (!nums.every(Number.isInteger)) return { kind: 'DOUBLE' };
    return nums.every((n) => n === (n | 0)) ? { kind: 'INTEGER' } : { kind: 'BIGINT' };
  }
  throw new Error(`cannot infer a type for ${JSON.stringify(values)}`);
}

/** Runs "NAME(arg, ...) over [rows]": identifiers are columns, literals are literal params. */
function runExample(call: string): unknown {
  const m = /^(\w+)\((.*)\) over (\[.*\])$/s.exec(call);
  if (!m) throw new Error(`bad example: ${call}`);
  const [, name, argText, rowText] = m;
  const fn = aggregateFunctions.find((f) => f.name === name.toUpperCase());
  if (!fn) throw new Error(`unknown function ${name}`);
  const args = argText.trim() === '*' || argText.trim() === '' ? [] : argText.split(',').map((a) => a.trim());
  const columns = args.filter((a) => /^[A-Za-z_]\w*$/.test(a) && !/^(true|false)$/i.test(a));
  const literals = args.slice(columns.length).map((a) => JSON.parse(a.toLowerCase()) as unknown);
  const data = JSON.parse(rowText) as unknown[];
  const rowsOf = data.map((r) => (columns.length > 1 ? (r as unknown[]) : columns.length === 1 ? [r] : []));
  const types = columns.map((_, i) => inferType(rowsOf.map((r) => r[i])));
  const { agg } = prepare(fn, types, literals);
  return json(agg.result(fold(agg, rowsOf)));
}

describe('aggregate examples', () => {
  for (const f of aggregateFunctions) {
    for (const e of f.examples) {
      it(e.call, () => {
        expect(runExample(e.call)).toEqual(e.result);
      });
    }
  }
});
