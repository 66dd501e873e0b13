// The flat-object fast path of the JSON reader: wherever it answers, each column's value is what
// JSON.parse gives for that field (so rows are the same as the general reader's), and it leaves
// to the general reader whatever it cannot read exactly that way.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FlatJsonReader } from '../../src/format/json-flat.js';
import { createRowSerde } from '../../src/format/index.js';
import { BIGINT, DOUBLE, STRING, BOOLEAN } from '../../src/types/sql-type.js';

const NAMES = ['ID', 'TEMP', 'NAME', 'OK'];

function expectSameAsJsonParse(text: string): boolean {
  const values = new FlatJsonReader(NAMES).read(text);
  if (values === undefined) return false;
  const tree = JSON.parse(text) as Record<string, unknown>;
  NAMES.forEach((n, i) => expect(Object.is(values[i], tree[n]), `${n} in ${text}`).toBe(true));
  return true;
}

describe('the flat JSON reader', () => {
  it('reads objects of scalar fields as JSON.parse does, in any field order and with unknown fields', () => {
    for (const text of [
      '{"ID":1,"TEMP":23.45,"NAME":"a","OK":true}',
      ' { "OK" : false , "NAME" : "", "TEMP" : -0.0, "ID" : -0 } ',
      '{"ID":123456789012345,"TEMP":0.000123,"other":[1,2],"NAME":null}',
      '{"TEMP":1.5,"EXTRA":{"a":1}}',
      '{}',
      '{"ID":1,"ID":2}',
      '{"NAME":"😀 é"}',
      '{"ID":1e3,"TEMP":0.12345678901234567,"OK":-1.5E-7}',
    ]) {
      if (text.includes('[') || text.includes('{"a"')) expect(new FlatJsonReader(NAMES).read(text)).toBeUndefined();
      else expect(expectSameAsJsonParse(text)).toBe(true);
    }
  });

  it('leaves to the general reader what it cannot read exactly so', () => {
    for (const text of [
      '{"ID":01}', '{"ID":1.}', '{"ID":-}', '{"ID":+1}', '{"ID":1e}', '{"ID":1.5,"TEMP":1e300,"NAME":1.2345678901234567,"OK":2e-5,"x":1e9}',
      '{"NAME":"a\\"b"}', '{"NAME":"a\u0001"}', '{"NAME":"a}', '{"ID":1', '{"ID":1} x', '{"ID":1,}',
      '{"id":1}', '{"ID":{"a":1}}', '{"ID":[1]}', '[1]', 'null', '', '{"ID":tru}', '{"ID" 1}',
    ]) {
      expect(new FlatJsonReader(NAMES).read(text), text).toBeUndefined();
    }
  });

  it('agrees with JSON.parse on generated objects', () => {
    const value = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null),
      fc.double({ min: -1e6, max: 1e6 }).map((d) => Math.round(d * 100) / 100));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...NAMES, 'x', 'Id'), value), (o) => {
      const text = JSON.stringify(o);
      if (!expectSameAsJsonParse(text)) JSON.parse(text); // gave up: fine, the general reader reads it
    }), { numRuns: 2000 });
  });

  it('gives the JSON serde the rows, and the errors, the general reader gives', () => {
    const cols = [
      { name: 'ID', type: BIGINT, namespace: 'VALUE' as const }, { name: 'TEMP', type: DOUBLE, namespace: 'VALUE' as const },
      { name: 'NAME', type: STRING, namespace: 'VALUE' as const }, { name: 'OK', type: BOOLEAN, namespace: 'VALUE' as const },
    ];
    // A fresh serde per payload (after giving up, the fast path rests a while).
    const read = (text: string): unknown => {
      try {
        return createRowSerde({ format: 'JSON' }, cols, { isKey: false }).deserialize(Buffer.from(text), 't');
      } catch (e) {
        return (e as Error).message;
      }
    };
    // The same object with a nested field no column reads: only the general reader takes it.
    const general = (text: string): unknown => read(text.replace(/^\{/, '{"ZZ":[0],'));
    for (const text of [
      '{"ID":7,"TEMP":21.5,"NAME":"n","OK":true}', '{"ID":"7","TEMP":"21.5","NAME":3,"OK":false}', '{"ID":7,"OK":"true"}',
      '{"ID":9007199254740993}', '{"ID":12345678901234,"TEMP":1}', '{"ID":1.5}', '{"ID":"x"}', '{"TEMP":true}', '{"NAME":12.50}',
    ]) {
      expect(read(text), text).toEqual(general(text));
    }
    expect(read('{"ID":7,"TEMP":21.5,"NAME":"n","OK":true}')).toEqual([7, 21.5, 'n', true]);
  });
});
