// JSON_SR schemas both ways: the JSON Schema ksqlDB registers for columns (compared with the
// schemas ksqlDB's QTT cases expect in the registry), and the columns ksqlDB infers from a
// registered JSON Schema (the QTT cases' topic schemas and what their post-conditions say).
import { describe, expect, it } from 'vitest';
import { jsonSchemaText } from '../../src/format/json-sr/json-schema-from-columns.js';
import { columnsFromJsonSchema } from '../../src/format/json-sr/columns-from-json-schema.js';
import type { Column } from '../../src/types/schema.js';
import {
  array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, formatType, INTEGER, map, STRING, struct, TIME, TIMESTAMP, type SqlType,
} from '../../src/types/sql-type.js';
import { SqlError } from '../../src/types/sql-error.js';

const col = (name: string, type: SqlType, namespace: Column['namespace'] = 'VALUE'): Column => ({ name, type, namespace });
const opt = (t: object): object => ({ oneOf: [{ type: 'null' }, t] });
const INT32 = { type: 'integer', 'connect.type': 'int32' };
const FOO_VALUE = { type: 'object', properties: { FOO: { 'connect.index': 0, ...opt(INT32) } } };

describe('the JSON Schema ksqlDB registers for columns', () => {
  it('matches the schemas ksqlDB\'s QTT case "STRUCT - key - inference" expects for its sink', () => {
    expect(JSON.parse(jsonSchemaText([col('FOO', INTEGER)], { unwrapped: false }))).toEqual(FOO_VALUE);
    const key = jsonSchemaText([col('ROWKEY', struct([{ name: 'F1', type: STRING }]), 'KEY')], { unwrapped: true });
    expect(JSON.parse(key)).toEqual(
      opt({ type: 'object', properties: { F1: { 'connect.index': 0, ...opt({ type: 'string' }) } } }));
  });

  it('matches the repartition key schema of QTT\'s "stream-stream key-to-key - SR-enabled key format - with inference - different schemas"', () => {
    expect(JSON.parse(jsonSchemaText([col('ROWKEY', INTEGER, 'KEY')], { unwrapped: true }))).toEqual(opt(INT32));
  });

  it('writes the Connect types and logical types as Confluent\'s JsonSchemaData does', () => {
    const one = (t: SqlType): unknown => JSON.parse(jsonSchemaText([col('X', t)], { unwrapped: true })).oneOf[1];
    expect(one(BOOLEAN)).toEqual({ type: 'boolean' });
    expect(one(BIGINT)).toEqual({ type: 'integer', 'connect.type': 'int64' });
    expect(one(DOUBLE)).toEqual({ type: 'number', 'connect.type': 'float64' });
    expect(one(BYTES)).toEqual({ type: 'string', 'connect.type': 'bytes' });
    // As the topic schema of QTT's "DECIMAL - key - inference".
    expect(one(decimal(4, 2))).toEqual({
      type: 'number', title: 'org.apache.kafka.connect.data.Decimal', 'connect.version': 1, 'connect.type': 'bytes',
      'connect.parameters': { scale: '2', 'connect.decimal.precision': '4' },
    });
    expect(one(DATE)).toEqual({ type: 'integer', title: 'org.apache.kafka.connect.data.Date', 'connect.version': 1, 'connect.type': 'int32' });
    expect(one(TIME)).toEqual({ type: 'integer', title: 'org.apache.kafka.connect.data.Time', 'connect.version': 1, 'connect.type': 'int32' });
    expect(one(TIMESTAMP)).toEqual({ type: 'integer', title: 'org.apache.kafka.connect.data.Timestamp', 'connect.version': 1, 'connect.type': 'int64' });
    // As the topic schema of QTT's "ARRAY - key - inference".
    expect(one(array(STRING))).toEqual({ type: 'array', items: opt({ type: 'string' }) });
    expect(one(map(STRING, INTEGER))).toEqual({ type: 'object', additionalProperties: opt(INT32), 'connect.type': 'map' });
  });

  it('lays the text out as Confluent\'s library prints it: properties in Java HashMap order, connect.index keeps the columns\' order', () => {
    // "PRICE" falls in bucket 4 of a 16-slot HashMap, "NAME" in bucket 15: PRICE prints first.
    const text = jsonSchemaText([col('NAME', STRING), col('PRICE', DOUBLE)], { unwrapped: false });
    expect(text).toBe('{"type":"object","properties":{'
      + '"PRICE":{"oneOf":[{"type":"null"},{"type":"number","connect.type":"float64"}],"connect.index":1},'
      + '"NAME":{"oneOf":[{"type":"null"},{"type":"string"}],"connect.index":0}}}');
    expect(columnsFromJsonSchema(text, { isKey: false, unwrapped: false }).map((c) => c.name)).toEqual(['NAME', 'PRICE']);
    // Title first, then "type", then the unknown keywords in HashMap order.
    expect(jsonSchemaText([col('D', decimal(4, 2))], { unwrapped: true })).toBe('{"oneOf":[{"type":"null"},'
      + '{"title":"org.apache.kafka.connect.data.Decimal","type":"number","connect.version":1,"connect.type":"bytes",'
      + '"connect.parameters":{"scale":"2","connect.decimal.precision":"4"}}]}');
  });

  it('refuses maps with non-string keys with ksqlDB\'s message', () => {
    expect(() => jsonSchemaText([col('M', map(INTEGER, DOUBLE))], { unwrapped: false })).toThrow('JSON only supports MAP types with STRING keys');
  });
});

describe('columns inferred from a registered JSON Schema', () => {
  const keyType = (schema: object): string => formatType(columnsFromJsonSchema(JSON.stringify(schema), { isKey: true, unwrapped: true })[0].type);

  it('types the key schemas of QTT\'s json_sr.json inference cases as their post-conditions say', () => {
    expect(keyType(opt({ type: 'boolean', 'connect.type': 'boolean' }))).toBe('BOOLEAN');
    expect(keyType(opt(INT32))).toBe('INTEGER');
    expect(keyType(opt({ type: 'integer', 'connect.type': 'int64' }))).toBe('BIGINT');
    expect(keyType(opt({ type: 'number', 'connect.type': 'float64' }))).toBe('DOUBLE');
    expect(keyType(opt({ type: 'string', 'connect.type': 'string' }))).toBe('STRING');
    expect(keyType(opt({
      type: 'number', title: 'org.apache.kafka.connect.data.Decimal', 'connect.version': 1, 'connect.type': 'bytes',
      'connect.parameters': { scale: '2', 'connect.decimal.precision': '4' },
    }))).toBe('DECIMAL(4, 2)');
    expect(keyType(opt({ type: 'array', items: opt({ type: 'string' }) }))).toBe('ARRAY<STRING>');
    expect(keyType({ type: 'object', properties: { F1: { 'connect.index': 0, ...opt({ type: 'string', 'connect.type': 'string' }) } } }))
      .toBe('STRUCT<`F1` STRING>');
    const [k] = columnsFromJsonSchema(JSON.stringify(opt(INT32)), { isKey: true, unwrapped: true });
    expect(k).toEqual({ name: 'ROWKEY', type: INTEGER, namespace: 'KEY' });
  });

  it('reads plain JSON Schemas as Connect does: integer is BIGINT, number DOUBLE (QTT elements.json: `c1` BIGINT)', () => {
    const cols = columnsFromJsonSchema('{"type":"object","properties":{"c1":{"type":"integer"}}}', { isKey: false, unwrapped: false });
    expect(cols).toEqual([{ name: 'c1', type: BIGINT, namespace: 'VALUE' }]);
    expect(keyType({ type: 'number' })).toBe('DOUBLE');
    expect(keyType({ type: ['null', 'string'] })).toBe('STRING');
    expect(keyType({ enum: ['A', 'B'] })).toBe('STRING');
    expect(keyType({ type: 'string', 'connect.type': 'bytes' })).toBe('BYTES');
    expect(keyType({ type: 'object', additionalProperties: { type: 'integer' }, 'connect.type': 'map' })).toBe('MAP<STRING, BIGINT>');
  });

  it('gets back the columns of every schema it registers', () => {
    const cols = [
      col('B', BOOLEAN), col('I', INTEGER), col('L', BIGINT), col('D', DOUBLE), col('S', STRING), col('Y', BYTES),
      col('DEC', decimal(10, 3)), col('DT', DATE), col('TM', TIME), col('TS', TIMESTAMP), col('A', array(array(INTEGER))),
      col('M', map(STRING, struct([{ name: 'X', type: STRING }, { name: 'Y', type: decimal(2, 1) }]))),
      col('ST', struct([{ name: 'Z', type: INTEGER }, { name: 'A', type: array(STRING) }])),
    ];
    expect(columnsFromJsonSchema(jsonSchemaText(cols, { unwrapped: false }), { isKey: false, unwrapped: false })).toEqual(cols);
  });

  it('orders fields without connect.index as Java\'s HashMap iterates them (everit keeps properties in one)', () => {
    const cols = columnsFromJsonSchema('{"type":"object","properties":{"NAME":{"type":"string"},"PRICE":{"type":"number"}}}', { isKey: false, unwrapped: false });
    expect(cols.map((c) => c.name)).toEqual(['PRICE', 'NAME']);
  });

  it('follows local references and more-than-one-type unions as Connect structs', () => {
    const schema = {
      type: 'object',
      properties: { P: { $ref: '#/definitions/Point' }, U: { oneOf: [{ type: 'string' }, { type: 'integer' }] } },
      definitions: { Point: { type: 'object', properties: { X: { type: 'integer', 'connect.index': 0 } } } },
    };
    const cols = columnsFromJsonSchema(JSON.stringify(schema), { isKey: false, unwrapped: false });
    expect(cols.map((c) => `${c.name} ${formatType(c.type)}`)).toEqual([
      'P STRUCT<`X` BIGINT>',
      'U STRUCT<`io.confluent.connect.json.OneOf.field.0` STRING, `io.confluent.connect.json.OneOf.field.1` BIGINT>',
    ]);
  });

  it('refuses what it cannot type, with a clear error', () => {
    const infer = (s: unknown, unwrapped = false): Column[] => columnsFromJsonSchema(JSON.stringify(s), { isKey: false, unwrapped });
    expect(() => infer({ type: 'integer' })).toThrow(/not an object: set WRAP_SINGLE_VALUE=false/);
    expect(infer({ type: 'integer' }, true)).toEqual([{ name: 'ROWVAL', type: BIGINT, namespace: 'VALUE' }]);
    expect(() => infer({ type: 'array', items: [{ type: 'string' }] }, true)).toThrow(/JSON tuples/);
    expect(() => infer({ type: 'array' }, true)).toThrow(/did not specify the items type/);
    expect(() => infer({}, true)).toThrow(SqlError);
    expect(() => infer({ $ref: 'http://example.com/x.json' }, true)).toThrow(/not local/);
    expect(() => infer({ type: 'number', title: 'org.apache.kafka.connect.data.Decimal', 'connect.type': 'bytes' }, true)).toThrow(/connect.decimal.precision/);
    expect(() => columnsFromJsonSchema('{not json', { isKey: true, unwrapped: true })).toThrow(/not JSON/);
  });
});
