import { describe, expect, it } from 'vitest';
import { jsonFunctions } from '../../udfs/json/index.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { Decimal } from '../../src/types/decimal.js';
import { fails, functionsByName } from './call-function.js';
import { checkFunctions } from './function-checks.js';

const { call, typed } = functionsByName(jsonFunctions);

checkFunctions(jsonFunctions);

describe('EXTRACTJSONFIELD (QTT extract-json-field.json)', () => {
  it('extracts strings bare and other values as JSON', () => {
    const src = '{"name": "cdc", "version": "1", "@type": "UDF"}';
    expect(call('EXTRACTJSONFIELD', src, '$.name')).toBe('cdc');
    expect(call('EXTRACTJSONFIELD', src, '$.@type')).toBe('UDF');
    // Text after the first value is ignored, as Jackson's readTree does.
    expect(call('EXTRACTJSONFIELD', '{"name": "cdd"}}', '$.name')).toBe('cdd');
    expect(call('EXTRACTJSONFIELD', '{"a": {"b": [1, {"c": null}]}}', '$.a.b[1]')).toBe('{"c":null}');
    expect(call('EXTRACTJSONFIELD', '{"a": {"b": [1, {"c": null}]}}', '$.a.b[1].c')).toBe('null');
    expect(call('EXTRACTJSONFIELD', '{"a": {"b": 2}}', '$')).toBe('{"a":{"b":2}}');
    expect(call('EXTRACTJSONFIELD', '{"a b": 1}', '$["a b"]')).toBe('1');
  });
  it('indexes arrays from zero, exactly, and misses give NULL', () => {
    const a = '{"array": [1, 2, 3]}';
    expect(call('EXTRACTJSONFIELD', a, '$.array[-1]')).toBeNull();
    expect(call('EXTRACTJSONFIELD', a, '$.array[0]')).toBe('1');
    expect(call('EXTRACTJSONFIELD', a, '$.array[1]')).toBe('2');
    expect(call('EXTRACTJSONFIELD', '{"array": [1.23450]}', '$.array[0]')).toBe('1.23450');
    expect(call('EXTRACTJSONFIELD', '{"array": [1.23450]}', '$.array[1]')).toBeNull();
    expect(call('EXTRACTJSONFIELD', '{"n": 1e3}', '$.n')).toBe('1E+3');
    expect(call('EXTRACTJSONFIELD', a, '$.array.x')).toBeNull();
    expect(call('EXTRACTJSONFIELD', a, '$.nope.deeper')).toBeNull();
    expect(call('EXTRACTJSONFIELD', null, '$.a')).toBeNull();
  });
  it('fails on invalid JSON or paths', () => {
    expect(fails(() => call('EXTRACTJSONFIELD', 'abc', '$.a'))).toBe(true);
    expect(fails(() => call('EXTRACTJSONFIELD', '{}', 'a.b'))).toBe(true);
    expect(fails(() => call('EXTRACTJSONFIELD', '{}', '$..a'))).toBe(true);
  });
});

describe('IS_JSON_STRING (QTT is_json_string.json)', () => {
  it('accepts any JSON value and rejects the rest', () => {
    expect(call('IS_JSON_STRING', '1')).toBe(true);
    expect(call('IS_JSON_STRING', 'abc')).toBe(false);
    expect(call('IS_JSON_STRING', '[1, 2, 3]')).toBe(true);
    expect(call('IS_JSON_STRING', '"abc"')).toBe(true);
    expect(call('IS_JSON_STRING', '')).toBe(false);
    expect(call('IS_JSON_STRING', null)).toBe(false);
    expect(call('IS_JSON_STRING', '{"a": }')).toBe(false);
    expect(call('IS_JSON_STRING', '01')).toBe(false);
    expect(call('IS_JSON_STRING', '[1, 2,]')).toBe(false);
  });
});

describe('JSON_ARRAY_LENGTH, JSON_KEYS, JSON_RECORDS, JSON_ITEMS', () => {
  it('JSON_ARRAY_LENGTH counts top-level elements (QTT json_array_length.json)', () => {
    expect(call('JSON_ARRAY_LENGTH', '["Red", "Green"]')).toBe(2);
    expect(call('JSON_ARRAY_LENGTH', '[]')).toBe(0);
    expect(call('JSON_ARRAY_LENGTH', '')).toBeNull();
    expect(call('JSON_ARRAY_LENGTH', '{"a": [1]}')).toBeNull();
    expect(call('JSON_ARRAY_LENGTH', null)).toBeNull();
  });
  it('JSON_KEYS lists keys in order (QTT json_keys.json)', () => {
    expect(call('JSON_KEYS', '{"Red": 3, "Green": 5}')).toEqual(['Red', 'Green']);
    expect(call('JSON_KEYS', '{"2": 1, "1": 2}')).toEqual(['2', '1']);
    expect(call('JSON_KEYS', '{}')).toEqual([]);
    expect(call('JSON_KEYS', '')).toBeNull();
    expect(call('JSON_KEYS', '[1]')).toBeNull();
  });
  it('JSON_RECORDS maps keys to value text (QTT json_records.json)', () => {
    expect(call('JSON_RECORDS', '{"Red": 3, "Green": 5}')).toEqual(new Map([['Red', '3'], ['Green', '5']]));
    expect(call('JSON_RECORDS', '{"White": "Seven"}')).toEqual(new Map([['White', 'Seven']]));
    expect(call('JSON_RECORDS', '{"a": null, "b": [1, "x"]}')).toEqual(new Map([['a', 'null'], ['b', '[1,"x"]']]));
    expect(call('JSON_RECORDS', '{}')).toEqual(new Map());
    expect(call('JSON_RECORDS', '')).toBeNull();
  });
  it('JSON_ITEMS splits an array into JSON texts (QTT json_items.json)', () => {
    expect(call('JSON_ITEMS', '[{"type": "A", "timestamp": "2022-01-27"}, {"type": "B", "timestamp": "2022-05-18"}]'))
      .toEqual(['{"type":"A","timestamp":"2022-01-27"}', '{"type":"B","timestamp":"2022-05-18"}']);
    expect(call('JSON_ITEMS', '[]')).toEqual([]);
    expect(call('JSON_ITEMS', '["a\\nb", 1.50]')).toEqual(['"a\\nb"', '1.50']);
    expect(fails(() => call('JSON_ITEMS', '{"a": 1}'))).toBe(true);
  });
});

describe('JSON_ARRAY_CONTAINS (QTT json_array_contains.json)', () => {
  const STRING: SqlType = { kind: 'STRING' };
  const INT: SqlType = { kind: 'INTEGER' };
  const BIGINT: SqlType = { kind: 'BIGINT' };
  const DOUBLE: SqlType = { kind: 'DOUBLE' };
  const contains = (json: string | null, t: SqlType, v: unknown): unknown => typed('JSON_ARRAY_CONTAINS', [STRING, t], json, v);
  it('matches strings', () => {
    expect(contains('["Red", "Green"]', STRING, 'Pink')).toBe(false);
    expect(contains('["Pink", "Yellow", "Pink"]', STRING, 'Pink')).toBe(true);
    expect(contains('["Pink", null]', STRING, 'Pink')).toBe(true);
    expect(contains(null, STRING, 'Pink')).toBeNull();
  });
  it('matches numbers only of the same kind', () => {
    expect(contains('[1, 2]', INT, 2)).toBe(true);
    expect(contains('[1.0, 2]', DOUBLE, 1)).toBe(true);
    expect(contains('[1, 2]', DOUBLE, 1)).toBe(false);
    expect(contains('[1.0]', INT, 1)).toBe(false);
    expect(contains('[12345678901, 5]', BIGINT, 5)).toBe(true);
    // A value too large for INTEGER ends the scan.
    expect(contains('[12345678901, 5]', INT, 5)).toBe(false);
    expect(contains('[true]', { kind: 'BOOLEAN' }, true)).toBe(true);
    expect(contains('[{"a": 1}, [1], 1]', INT, 1)).toBe(true);
    expect(contains('[1]', { kind: 'DECIMAL', precision: 2, scale: 0 }, Decimal.fromString('1'))).toBe(false);
  });
  it('finds NULL, and stops at the first match', () => {
    expect(contains('[1, null]', INT, null)).toBe(true);
    expect(contains('[1]', INT, null)).toBe(false);
    expect(contains('[1, 2, oops', INT, 1)).toBe(true);
    expect(contains('[oops, 1]', INT, 1)).toBe(false);
    expect(contains('{"a": 1}', INT, 1)).toBe(false);
  });
});

describe('JSON_CONCAT (QTT json_concat.json)', () => {
  const cases: [(string | null)[], string | null][] = [
    [['{"a": 1}', '{"b": 2}'], '{"a":1,"b":2}'],
    [['{}', '{}'], '{}'],
    [['{"a": {"5": 6}}', '{"a": {"3": 4}}'], '{"a":{"3":4}}'],
    [['[1, 2]', '[3, 4]'], '[1,2,3,4]'],
    [['null', 'null'], '[null,null]'],
    [['[1, 2]', '{"a": 1}'], '[1,2,{"a":1}]'],
    [['[]', '[]'], '[]'],
    [['[1, [2]]', '[[[3]], [[[4]]]]'], '[1,[2],[[3]],[[[4]]]]'],
    [['1', ''], null],
    [['', ''], null],
    [[null, null], null],
    [[null, ''], null],
    [['{"a": 1}', '{"b": 2}', '{"c": 3}'], '{"a":1,"b":2,"c":3}'],
    [['{"a": {"5": 6}}', '{"a": {"3": 4}}', '{"a": {"7": 8}}'], '{"a":{"7":8}}'],
    [['[1, 2]', '{"a": 1}', '4'], '[1,2,{"a":1},4]'],
    [['1', '', '2'], null],
    [['{"b": 1, "a": 2}', '{"b": 3}'], '{"b":3,"a":2}'],
    [['[1.0e2, "\\u0001"]', '[]'], '[100,"\\u0001"]'],
  ];
  for (const [args, result] of cases) {
    it(`${JSON.stringify(args)} gives ${result}`, () => expect(call('JSON_CONCAT', ...args)).toBe(result));
  }
});

describe('TO_JSON_STRING (QTT to_json_string.json)', () => {
  const json = (t: SqlType, v: unknown): unknown => typed('TO_JSON_STRING', [t], v);
  it('writes primitives as ksqlDB does', () => {
    expect(json({ kind: 'INTEGER' }, 1)).toBe('1');
    expect(json({ kind: 'INTEGER' }, null)).toBe('null');
    expect(json({ kind: 'STRING' }, 'abc')).toBe('"abc"');
    expect(json({ kind: 'STRING' }, 'a"b\\c\n\u0001')).toBe('"a\\"b\\\\c\\n\\u0001"');
    expect(json({ kind: 'BOOLEAN' }, true)).toBe('true');
    expect(json({ kind: 'BIGINT' }, 123)).toBe('123');
    expect(json({ kind: 'DOUBLE' }, 123.456)).toBe('123.456');
    expect(json({ kind: 'DOUBLE' }, 1)).toBe('1.0');
    expect(json({ kind: 'DOUBLE' }, 1e10)).toBe('1.0E10');
    expect(json({ kind: 'DOUBLE' }, NaN)).toBe('"NaN"');
    expect(json({ kind: 'DECIMAL', precision: 6, scale: 3 }, Decimal.fromString('123.456'))).toBe('123.456');
    expect(json({ kind: 'DECIMAL', precision: 6, scale: 3 }, Decimal.fromString('0.100'))).toBe('0.100');
    expect(json({ kind: 'BYTES' }, new Uint8Array(Buffer.from('IQ==', 'base64')))).toBe('"IQ=="');
    expect(json({ kind: 'TIME' }, 60220000)).toBe('"16:43:40"');
    expect(json({ kind: 'DATE' }, 1000)).toBe('"1972-09-27"');
    expect(json({ kind: 'TIMESTAMP' }, 60220000000)).toBe('"1971-11-28T23:46:40.000"');
    expect(json({ kind: 'NULL' }, null)).toBe('null');
  });
  it('writes collections with sorted keys', () => {
    expect(json({ kind: 'ARRAY', item: { kind: 'INTEGER' } }, [1, 2, 3])).toBe('[1,2,3]');
    expect(json({ kind: 'ARRAY', item: { kind: 'INTEGER' } }, null)).toBe('null');
    const struct: SqlType = { kind: 'STRUCT', fields: [{ name: 'NAME', type: { kind: 'STRING' } }, { name: 'ID', type: { kind: 'INTEGER' } }] };
    expect(json(struct, { NAME: 'Alice', ID: 1 })).toBe('{"ID":1,"NAME":"Alice"}');
    expect(json(struct, { NAME: null, ID: 1 })).toBe('{"ID":1,"NAME":null}');
    const map: SqlType = { kind: 'MAP', key: { kind: 'STRING' }, value: { kind: 'ARRAY', item: { kind: 'INTEGER' } } };
    expect(json(map, new Map([['id', [1, 2, 3]]]))).toBe('{"id":[1,2,3]}');
    expect(json(map, new Map([['b', [1]], ['a', null]]))).toBe('{"a":null,"b":[1]}');
  });
});
