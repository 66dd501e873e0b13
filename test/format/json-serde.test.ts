import { describe, it, expect } from 'vitest';
import { createRowSerde, SerdeError } from '../../src/format/index.js';
import { Decimal } from '../../src/types/decimal.js';
import {
  array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP,
} from '../../src/types/sql-type.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { bytes, col, text } from './helpers.js';

const value = (cols: [string, SqlType][], wrapSingleValue?: boolean) =>
  createRowSerde({ format: 'JSON', options: { wrapSingleValue } }, cols.map(([n, t]) => col(n, t)), { isKey: false });
const key = (cols: [string, SqlType][]) =>
  createRowSerde({ format: 'JSON' }, cols.map(([n, t]) => col(n, t, 'KEY')), { isKey: true });
const read = (serde: ReturnType<typeof value>, json: string) => serde.deserialize(bytes(json), 't');
const write = (serde: ReturnType<typeof value>, row: unknown[] | null) => text(serde.serialize(row, 't'));

describe('JSON writing', () => {
  it('writes rows as objects keyed by column name, in column order, nulls included', () => {
    const s = value([['ID', BIGINT], ['NAME', STRING], ['OK', BOOLEAN], ['N', INTEGER]]);
    expect(write(s, [1, 'a', true, null])).toBe('{"ID":1,"NAME":"a","OK":true,"N":null}');
    expect(write(s, null)).toBeNull();
  });

  it('writes DOUBLE as Java does', () => {
    const s = value([['D', DOUBLE]], false);
    const cases: [number, string][] = [
      [1, '1.0'], [100, '100.0'], [-0.5, '-0.5'], [1234567, '1234567.0'], [1e7, '1.0E7'], [0.001, '0.001'],
      [0.0001, '1.0E-4'], [1.5e-7, '1.5E-7'], [9876.54321, '9876.54321'], [0.1 + 0.2, '0.30000000000000004'],
      [1e21, '1.0E21'], [-0, '-0.0'], [2 ** 60, '1.15292150460684698E18'],
      [NaN, '"NaN"'], [Infinity, '"Infinity"'], [-Infinity, '"-Infinity"'],
    ];
    for (const [v, want] of cases) expect(write(s, [v])).toBe(want);
  });

  it('writes DECIMAL as BigDecimal.toString, keeping the scale', () => {
    const s = value([['V', decimal(10, 8)]], false);
    expect(write(s, [Decimal.fromString('1.50').setScale(8)])).toBe('1.50000000');
    expect(write(value([['V', decimal(4, 2)]], false), [Decimal.fromString('1.50')])).toBe('1.50');
    expect(write(s, [new Decimal(12n, 8)])).toBe('1.2E-7');
    expect(write(s, [new Decimal(0n, 8)])).toBe('0E-8');
    expect(write(s, [new Decimal(-5n, 2)])).toBe('-0.05');
  });

  it('writes BYTES as base64, dates and times as integers, strings with Jackson escapes', () => {
    const s = value([['B', BYTES], ['D', DATE], ['T', TIME], ['TS', TIMESTAMP], ['S', STRING]]);
    expect(write(s, [new Uint8Array([0, 1, 255]), 19000, 5000, 1700000000000, 'a"b\\c\n\u0001\u001f/é'])).toBe(
      '{"B":"AAH/","D":19000,"T":5000,"TS":1700000000000,"S":"a\\"b\\\\c\\n\\u0001\\u001F/é"}');
  });

  it('writes nested arrays, maps and structs', () => {
    const t = array(map(STRING, struct([{ name: 'A', type: INTEGER }, { name: 'b', type: STRING }])));
    const s = value([['X', t]]);
    const m = new Map<string, unknown>([['k', { A: 1, b: null }], ['n', null]]);
    expect(write(s, [[m, null]])).toBe('{"X":[{"k":{"A":1,"b":null},"n":null},null]}');
  });

  it('writes a NULL map key as the text null, as ksqlDB does', () => {
    const s = value([['M', map(STRING, INTEGER)]]);
    expect(write(s, [new Map<string | null, unknown>([['foo', 10], [null, 10]])])).toBe('{"M":{"foo":10,"null":10}}');
  });

  it('writes a single unwrapped column as the bare value, and null as a tombstone', () => {
    const s = value([['V', STRING]], false);
    expect(write(s, ['world'])).toBe('"world"');
    expect(write(s, [null])).toBeNull();
    expect(write(value([['V', STRUCT_A]], false), [{ A: 76.54 }])).toBe('{"A":76.54}');
  });

  it('keeps single values wrapped by default', () => {
    expect(write(value([['V', INTEGER]]), [123])).toBe('{"V":123}');
  });

  it('writes single-column keys bare and multi-column keys as objects', () => {
    expect(write(key([['K', INTEGER]]), [33])).toBe('33');
    expect(write(key([['K', INTEGER]]), [null])).toBeNull();
    expect(write(key([['K1', STRING], ['K2', STRING]]), ['foo', 'bar'])).toBe('{"K1":"foo","K2":"bar"}');
  });

  it('refuses values of the wrong runtime type with a SerdeError', () => {
    const s = value([['A', INTEGER]]);
    expect(() => s.serialize(['x'], 't')).toThrow(SerdeError);
    expect(() => s.serialize(['x'], 't')).toThrow(/expected: INTEGER.*path: \$\.A/);
    expect(() => s.serialize([1, 2], 't')).toThrow(/Column count mismatch on serialization/);
  });
});

const STRUCT_A = struct([{ name: 'A', type: DOUBLE }]);

describe('JSON reading', () => {
  it('matches field names case-insensitively, exact names first', () => {
    const s = value([['ID', BIGINT], ['NAME', STRING], ['quoted', STRING]]);
    expect(read(s, '{"id": 1, "Name": "a", "quoted": "q"}')).toEqual([1, 'a', 'q']);
    expect(read(s, '{"ID": 1, "id": 2}')).toEqual([1, null, null]);
    expect(read(s, '{"id": 2, "ID": null}')).toEqual([null, null, null]);
    expect(read(s, '{"QUOTED": "no"}')).toEqual([null, null, null]); // quoted lower-case names match exactly only
    expect(read(s, '{"nAmE": "x", "name": "y"}')).toEqual([null, 'y', null]); // last wins, as in a HashMap
  });

  it('deserializeInto reads as deserialize does, into the array it is given', () => {
    const s = value([['ID', BIGINT], ['T', DOUBLE], ['OK', BOOLEAN], ['NAME', STRING]]);
    const into = new Array<unknown>(4).fill('stale');
    for (const p of ['{"ID":1,"T":0.1,"OK":true,"NAME":"a"}', '{"id":2,"t":-0.0,"ok":false}', '{"ID":3,"T":1e400}']) {
      const got = s.deserializeInto!(bytes(p), 't', into);
      expect(got).toEqual(s.deserialize(bytes(p), 't'));
      expect(got).toBe(into); // every slot written anew: nothing of the last payload stays
    }
    expect(s.deserializeInto!(bytes('null'), 't', into)).toBeNull();
  });

  it('reads a tombstone-like null payload as a null row when wrapped', () => {
    expect(read(value([['A', INTEGER]]), 'null')).toBeNull();
    expect(value([['A', INTEGER]]).deserialize(null, 't')).toBeNull();
  });

  it('reads unwrapped single values, JSON null as a null column', () => {
    expect(read(value([['V', BOOLEAN]], false), 'true')).toEqual([true]);
    expect(read(value([['V', BOOLEAN]], false), 'null')).toEqual([null]);
    expect(read(value([['V', decimal(4, 2)]], false), '10.10')).toEqual([Decimal.fromString('10.10')]);
    expect(read(value([['V', array(DOUBLE)]], false), '[10.10]')).toEqual([[10.1]]);
    expect(read(value([['V', STRUCT_A]], false), '{"a": 45.67}')).toEqual([{ A: 45.67 }]);
    expect(read(key([['K', STRUCT_A]]), '{"a": 45.67}')).toEqual([{ A: 45.67 }]);
  });

  it('does not unwrap a wrapped single value', () => {
    expect(() => read(value([['A', INTEGER]]), '10')).toThrow(/sourceType: IntNode, requiredType: STRUCT<`A` INTEGER>/);
  });

  it('coerces numbers and numeric strings as KsqlJsonDeserializer', () => {
    const s = value([['I', INTEGER], ['L', BIGINT], ['D', DOUBLE]]);
    expect(read(s, '{"I": "10", "L": "-12", "D": "1.5"}')).toEqual([10, -12, 1.5]);
    expect(read(s, '{"I": 1.9, "L": -2.7, "D": 3}')).toEqual([1, -2, 3]);
    expect(read(s, '{"I": 4294967301, "L": 10827272222, "D": -0}')).toEqual([5, 10827272222, 0]);
    expect(read(s, '{"D": " NaN "}')).toEqual([null, null, NaN]);
    expect(() => read(s, '{"I": "1.0"}')).toThrow(/Can't coerce string to type. targetType: INTEGER, path: \$\.I, value: "1\.0"/);
    expect(() => read(s, '{"I": " 1"}')).toThrow(/targetType: INTEGER/);
    expect(() => read(s, '{"I": true}')).toThrow(/sourceType: BooleanNode, requiredType: INTEGER/);
  });

  it('wraps huge integers into INTEGER and BIGINT as Java does', () => {
    const s = value([['I', INTEGER], ['L', BIGINT]]);
    expect(read(s, '{"I": 18446744073709551617, "L": 18446744073709551617}')).toEqual([1, 1]);
    expect(read(s, '{"I": 1e400, "L": -1e400}')).toEqual([0, 0]);
  });

  it('reads booleans only from JSON booleans', () => {
    const s = value([['B', BOOLEAN]]);
    expect(read(s, '{"B": false}')).toEqual([false]);
    expect(() => read(s, '{"B": "true"}')).toThrow(/sourceType: TextNode, requiredType: BOOLEAN/);
  });

  it('reads STRING from any JSON value the way Jackson prints it', () => {
    const s = value([['S', STRING]], false);
    expect(read(s, '"x"')).toEqual(['x']);
    expect(read(s, '10')).toEqual(['10']);
    expect(read(s, '1.50')).toEqual(['1.50']);
    expect(read(s, '1e3')).toEqual(['1E+3']);
    expect(read(s, '-0')).toEqual(['0']);
    expect(read(s, '123456789012345678901234567890')).toEqual(['123456789012345678901234567890']);
    expect(read(s, 'true')).toEqual(['true']);
    expect(read(s, '[1, "a", null, [2.0]]')).toEqual(['[1, a, null, [2.0]]']);
    expect(read(s, '{"b": 1.0, "a": ["x", {"c": null}]}')).toEqual(['{"b":1.0,"a":["x",{"c":null}]}']);
    expect(read(s, '')).toEqual(['']); // empty input is a MissingNode, whose text is ""
  });

  it('reads DECIMAL from numbers and strings, keeping the column scale', () => {
    const s = value([['D', decimal(4, 2)]]);
    expect(read(s, '{"D": 1.5}')).toEqual([Decimal.fromString('1.50')]);
    expect(read(s, '{"D": "12.30"}')).toEqual([Decimal.fromString('12.30')]);
    expect(read(s, '{"D": 1.500}')).toEqual([Decimal.fromString('1.50')]);
    expect(read(s, '{"D": 7}')).toEqual([Decimal.fromString('7.00')]);
    expect((read(s, '{"D": 1.5}')![0] as Decimal).scale).toBe(2);
    expect(() => read(s, '{"D": 1.234}')).toThrow(/Cannot fit decimal '1.234' into DECIMAL\(4, 2\) without rounding/);
    expect(() => read(s, '{"D": 100}')).toThrow(/Numeric field overflow.*less than 10\^2/);
    expect(() => read(s, '{"D": "abc"}')).toThrow(/targetType: DECIMAL\(4, 2\)/);
    expect(() => read(s, '{"D": 1e-999999999}')).toThrow(/without rounding/);
    expect(() => read(s, '{"D": 1e999999999}')).toThrow(/overflow/);
    expect(read(s, '{"D": 0e-999999999}')).toEqual([new Decimal(0n, 2)]);
  });

  it('round-trips DECIMAL text byte for byte', () => {
    const s = value([['D', decimal(6, 4)]]);
    expect(write(s, read(s, '{"D": 12.3650}'))).toBe('{"D":12.3650}');
  });

  it('reads BYTES from base64 strings, strictly', () => {
    const s = value([['B', BYTES]]);
    expect(read(s, '{"B": "dmFyaWF0aW9ucw=="}')).toEqual([new Uint8Array(bytes('variations'))]);
    expect(() => read(s, '{"B": "dmFy!"}')).toThrow(/not a valid Base64 encoded string, path: \$\.B, value: "dmFy!"/);
    expect(() => read(s, '{"B": "QQ"}')).toThrow(/Base64/); // Jackson requires padding
    expect(() => read(s, '{"B": 1}')).toThrow(/requiredType: BYTES/);
  });

  it('reads DATE, TIME and TIMESTAMP from integers or integer strings', () => {
    const s = value([['D', DATE], ['T', TIME], ['TS', TIMESTAMP]]);
    expect(read(s, '{"d": -10, "t": "10", "ts": 1700000000000}')).toEqual([-10, 10, 1700000000000]);
    expect(() => read(s, '{"t": 86400001}')).toThrow(/Time values must use number of milliseconds/);
    expect(() => read(s, '{"ts": "2020-01-01"}')).toThrow(/targetType: TIMESTAMP/);
  });

  it('reads nested structs case-insensitively, missing fields as null', () => {
    const t = struct([{ name: 'A', type: INTEGER }, { name: 'B', type: struct([{ name: 'C', type: STRING }]) }]);
    const s = value([['S', t]]);
    expect(read(s, '{"s": {"a": 1, "b": {"c": "x"}, "extra": 0}}')).toEqual([{ A: 1, B: { C: 'x' } }]);
    expect(read(s, '{"s": {}}')).toEqual([{ A: null, B: null }]);
  });

  it('reads maps with their entries in Java HashMap order', () => {
    const s = value([['M', map(STRING, INTEGER)]]);
    const row = read(s, '{"M": {"z": 1, "b": 2, "a": 3}}')!;
    expect([...(row[0] as Map<string, number>).entries()]).toEqual([['a', 3], ['z', 1], ['b', 2]]);
    expect(write(s, row)).toBe('{"M":{"a":3,"z":1,"b":2}}');
  });

  it('reports the path of a bad nested value', () => {
    const s = value([['A', array(struct([{ name: 'X', type: map(STRING, INTEGER) }]))]]);
    expect(() => read(s, '{"A": [{"X": {"k": 1}}, {"X": {"k": "no"}}]}'))
      .toThrow(/Failed to deserialize value from topic: t\. Can't coerce string to type\. targetType: INTEGER, path: \$\.A\[1\]\.X\.k\.value, value: "no"/);
  });

  it('ignores text after the first complete JSON value, as Jackson does', () => {
    const s = value([['A', INTEGER]]);
    expect(read(s, '{"A": 1} trailing }')).toEqual([1]);
    expect(read(value([['V', BOOLEAN]], false), 'true}')).toEqual([true]);
    expect(() => read(value([['V', INTEGER]], false), '1}')).toThrow(SerdeError);
  });

  it('rejects malformed JSON and malformed UTF-8 with a SerdeError', () => {
    const s = value([['A', INTEGER]]);
    expect(() => read(s, '{"A": ')).toThrow(/Failed to deserialize value from topic: t\. Invalid JSON/);
    expect(() => read(s, '')).toThrow(/sourceType: MissingNode/);
    expect(() => s.deserialize(new Uint8Array([0x7b, 0xff, 0x7d]), 't')).toThrow(/Invalid UTF-8/);
    expect(() => key([['K', INTEGER]]).deserialize(bytes('x'), 't')).toThrow(/Failed to deserialize key from topic: t/);
  });

  it('refuses MAP columns with non-STRING keys at creation', () => {
    expect(() => value([['M', map(INTEGER, DOUBLE)]])).toThrow(/JSON only supports MAP types with STRING keys/);
  });

  it('round-trips a wide row', () => {
    const t = struct([{ name: 'F', type: array(STRING) }]);
    const s = value([['A', INTEGER], ['B', BIGINT], ['C', DOUBLE], ['D', decimal(10, 3)], ['E', STRING], ['F', BYTES],
      ['G', DATE], ['H', TIME], ['I', TIMESTAMP], ['J', t], ['K', map(STRING, DOUBLE)], ['L', BOOLEAN]]);
    const row = [-7, 2 ** 53 - 1, 2.5, Decimal.fromString('-1234567.500'), 'ü"', new Uint8Array([9]), 1, 2, 3,
      { F: ['x', null] }, new Map([['a', 1.5]]), false];
    const out = s.serialize(row, 't');
    expect(s.deserialize(out, 't')).toEqual(row);
    expect(s.deserialize(s.serialize([null, null, null, null, null, null, null, null, null, null, null, null], 't'), 't'))
      .toEqual(new Array(12).fill(null));
  });
});

describe('JSON strings and surrogates', () => {
  it('escapes surrogates as Jackson UTF-8 output does, but keeps them in text read as STRING', () => {
    const s = value([['S', STRING]]);
    expect(write(s, ['😀'])).toBe('{"S":"\\uD83D\\uDE00"}');
    expect(write(s, ['a\ud800b'])).toBe('{"S":"a\\uD800b"}');
    expect(read(s, '{"S": "\\ud83d\\ude00"}')).toEqual(['😀']);
    expect(read(s, '{"S": {"k": "😀"}}')).toEqual(['{"k":"😀"}']);
  });
});
