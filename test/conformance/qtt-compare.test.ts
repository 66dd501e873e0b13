import { describe, expect, it } from 'vitest';
import { JsonNumber, parseJsonExact } from '../../src/format/json-exact.js';
import { Decimal } from '../../src/types/decimal.js';
import { compareOutputs, compareRecord, compareTopic, compareValue, type ActualRecord } from './qtt-compare.js';
import type { JsonValue, QttRecord } from './qtt-types.js';

const j = (text: string): JsonValue => parseJsonExact(text) as JsonValue;
const n = (text: string): JsonNumber => new JsonNumber(text);
const dec = (text: string): Decimal => Decimal.fromString(text);

describe('compareValue', () => {
  it('matches objects field by field, falling back to the upper-cased name', () => {
    expect(compareValue(j('{"f1": 1, "F2": "x"}'), { F1: 1, F2: 'x' })).toBeUndefined();
    expect(compareValue(j('{"F1": 1}'), new Map([['F1', 1]]))).toBeUndefined();
    expect(compareValue(j('{"F1": 1}'), { F1: 2 })).toBe('value.F1: expected 1 but was 2');
  });

  it('requires the same number of fields', () => {
    expect(compareValue(j('{"A": 1}'), { A: 1, B: 2 })).toMatch(/value: expected 1 fields but was 2/);
    expect(compareValue(j('{"A": 1, "B": null}'), { A: 1 })).toMatch(/expected 2 fields but was 1/);
  });

  it('compares ints and longs exactly, beyond 2^53 too', () => {
    expect(compareValue(n('3'), 3)).toBeUndefined();
    expect(compareValue(n('3'), 4)).toBeDefined();
    expect(compareValue(n('9223372036854775807'), 9223372036854775807n)).toBeUndefined();
    expect(compareValue(n('9223372036854775807'), 9223372036854775806n)).toBeDefined();
  });

  it('compares doubles within 1e-6', () => {
    expect(compareValue(n('0.3'), 0.1 + 0.2)).toBeUndefined();
    expect(compareValue(n('1.0'), 1)).toBeUndefined();
    expect(compareValue(n('1.5'), 1.5000000001)).toBeUndefined();
    expect(compareValue(n('1.5'), 1.50001)).toBeDefined();
    expect(compareValue(n('1.0E10'), 1e10 + 1e-3)).toBeUndefined(); // relative above 1
  });

  it('compares decimals exactly, scale included', () => {
    expect(compareValue(n('1.50'), dec('1.50'))).toBeUndefined();
    expect(compareValue(n('1.50'), dec('1.5'))).toBe('value: expected 1.50 but was 1.5(decimal)');
    expect(compareValue(n('1.5'), dec('1.50'))).toBeDefined();
    expect(compareValue(n('1.50'), n('1.50'))).toBeUndefined();
    expect(compareValue(n('1.50'), n('1.5'))).toBeDefined();
    // an integer only matches a decimal without decimal places
    expect(compareValue(n('10'), dec('10'))).toBeUndefined();
    expect(compareValue(n('10'), dec('10.0'))).toBeDefined();
    // a decimal expected as a string (ksqlDB does that for some formats)
    expect(compareValue('12.30', dec('12.30'))).toBeUndefined();
    expect(compareValue('12.30', dec('12.3'))).toBeDefined();
  });

  it('handles strings, booleans, null, arrays and bytes', () => {
    expect(compareValue('a', 'a')).toBeUndefined();
    expect(compareValue('1', 1)).toBeDefined();
    expect(compareValue(true, true)).toBeUndefined();
    expect(compareValue(true, 'true')).toBeDefined();
    expect(compareValue(null, null)).toBeUndefined();
    expect(compareValue(null, undefined)).toBeUndefined();
    expect(compareValue(null, 0)).toBeDefined();
    expect(compareValue(n('0'), null)).toBeDefined();
    expect(compareValue(j('[1, [2, 3]]'), [1, [2, 3]])).toBeUndefined();
    expect(compareValue(j('[1, [2, 3]]'), [1, [2, 4]], 'value.A')).toBe('value.A[1][1]: expected 3 but was 4');
    expect(compareValue(j('[1]'), [1, 2])).toMatch(/expected 1 elements but was 2/);
    expect(compareValue('aGk=', new Uint8Array(Buffer.from('hi')))).toBeUndefined();
    expect(compareValue(null, new Uint8Array(0))).toBeUndefined();
  });

  it('names the path of a nested difference', () => {
    const d = compareValue(j('{"S": {"M": {"k": [1.50]}}}'), { S: { M: new Map([['k', [dec('1.5')]]]) } });
    expect(d).toBe('value.S.M.k[0]: expected 1.50 but was 1.5(decimal)');
  });
});

describe('compareRecord and compareTopic', () => {
  const exp = (r: Partial<QttRecord>): QttRecord => ({ topic: 'OUT', key: null, value: null, ...r });
  const act = (r: Partial<ActualRecord>): ActualRecord => ({ topic: 'OUT', key: null, value: null, timestamp: 0, ...r });

  it('checks the timestamp only when given, and not 0 when data came from INSERT VALUES', () => {
    expect(compareRecord(exp({ key: n('1') }), act({ key: 1, timestamp: 99 }))).toBeUndefined();
    expect(compareRecord(exp({ timestamp: 5 }), act({ timestamp: 6 }))).toBe('timestamp: expected 5 but was 6');
    expect(compareRecord(exp({ timestamp: 0 }), act({ timestamp: 6 }), { ranWithInsertStatements: true })).toBeUndefined();
    expect(compareRecord(exp({ timestamp: 0 }), act({ timestamp: 6 }))).toBeDefined();
  });

  it('checks windows when expected, and refuses unexpected ones', () => {
    const w = { start: 0, end: 30000, type: 'TIME' as const };
    expect(compareRecord(exp({ window: w }), act({ window: w }))).toBeUndefined();
    expect(compareRecord(exp({ window: w }), act({ window: { ...w, end: 1 } }))).toMatch(/^window: expected TIME\[0, 30000\)/);
    expect(compareRecord(exp({ window: w }), act({}))).toMatch(/not windowed/);
    expect(compareRecord(exp({}), act({ window: w }))).toMatch(/unwindowed/);
  });

  it('requires no headers unless headers are expected', () => {
    const h = [{ key: 'k', value: new Uint8Array([1]) }];
    expect(compareRecord(exp({}), act({ headers: h }))).toMatch(/^headers/);
    expect(compareRecord(exp({ headers: [{ key: 'k', value: new Uint8Array([1]) }] }), act({ headers: h }))).toBeUndefined();
  });

  it('requires the exact number of records, in order, and shows both sides', () => {
    const expected = [exp({ key: n('1'), value: j('{"V": 1}') }), exp({ key: n('2'), value: j('{"V": 2}') })];
    expect(compareTopic('OUT', expected, [act({ key: 1, value: { V: 1 } }), act({ key: 2, value: { V: 2 } })])).toBeUndefined();
    const swapped = compareTopic('OUT', expected, [act({ key: 2, value: { V: 2 } }), act({ key: 1, value: { V: 1 } })]);
    expect(swapped).toMatch(/^Topic 'OUT', record 0: key: expected 1 but was 2/);
    expect(swapped).toContain('expected <1, {"V": 1}>');
    const short = compareTopic('OUT', expected, [act({ key: 1, value: { V: 1 } })]);
    expect(short).toMatch(/^Topic 'OUT': expected 2 records but was 1/);
    expect(short).toContain('actual:\n    0: <1, {"V": 1}> ts=0');
  });

  it('compares every output topic of a case', () => {
    const outputs = [exp({ topic: 'A', value: n('1') }), exp({ topic: 'B', value: n('2') }), exp({ topic: 'A', value: n('3') })];
    const data: Record<string, ActualRecord[]> = {
      A: [act({ topic: 'A', value: 1 }), act({ topic: 'A', value: 3 })],
      B: [act({ topic: 'B', value: 2 })],
    };
    expect(compareOutputs(outputs, (t) => data[t] ?? [])).toBeUndefined();
    data.B = [];
    expect(compareOutputs(outputs, (t) => data[t] ?? [])).toMatch(/^Topic 'B': expected 1 records but was 0/);
  });
});
