// The flat-object fast path of the JSON reader: wherever it answers, each column's value is what
// JSON.parse gives for the field the general reader picks (the exact name, else the one whose
// upper-cased name is the column's), so rows are the same as the general reader's; it leaves to
// the general reader whatever it cannot read exactly that way. Columns a query does not read are
// skipped where no value of that kind could fail, and checked as before where one could.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FlatJsonReader } from '../../src/format/json-flat.js';
import { createRowSerde } from '../../src/format/index.js';
import { createJsonSerde } from '../../src/format/json-serde.js';
import { array, BIGINT, BOOLEAN, BYTES, DOUBLE, INTEGER, STRING, TIME } from '../../src/types/sql-type.js';

const NAMES = ['ID', 'TEMP', 'NAME', 'OK'];

/** The field KsqlJsonDeserializer reads for a column: exact name, else a key upper-casing to it. */
function fieldFor(tree: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(tree, name)) return tree[name];
  let found: unknown;
  for (const k of Object.keys(tree)) if (k.toUpperCase() === name) found = tree[k];
  return found;
}

function expectSameAsJsonParse(text: string): boolean {
  const values = new FlatJsonReader(NAMES).read(Buffer.from(text));
  if (values === undefined) return false;
  const tree = JSON.parse(text) as Record<string, unknown>;
  NAMES.forEach((n, i) => expect(Object.is(values[i], fieldFor(tree, n)), `${n} in ${text}`).toBe(true));
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
      `{"x":"${'lorem ipsum '.repeat(5)}","NAME":"${'é😀 '.repeat(12)}","ID":3}`,
      '{"ID":1e3,"TEMP":0.12345678901234567,"OK":-1.5E-7}',
      '{"id":1,"Temp":2.5,"name":"x","ok":false}',
      '{"temp":1,"TEMP":2}', '{"TEMP":2,"temp":"x"}',
      '{\n  "ID": 1,\n\t"NAME": "a b"\n}',
    ]) {
      if (text.includes('[') || text.includes('{"a"')) expect(new FlatJsonReader(NAMES).read(Buffer.from(text))).toBeUndefined();
      else expect(expectSameAsJsonParse(text)).toBe(true);
    }
  });

  it('leaves to the general reader what it cannot read exactly so', () => {
    for (const text of [
      '{"ID":01}', '{"ID":1.}', '{"ID":-}', '{"ID":+1}', '{"ID":1e}', '{"ID":1e1,"TEMP":1e300,"NAME":1.5e-7,"OK":2e-5,"x":1e9}',
      '{"NAME":"a\\"b"}', '{"NAME":"a\u0001"}', '{"NAME":"a}', '{"ID":1', '{"ID":1} x', '{"ID":1,}',
      '{"id":1,"Id":2}', '{"ID":{"a":1}}', '{"ID":[1]}', '[1]', 'null', '', '{"ID":tru}', '{"ID" 1}',
      // Escapes and control characters in long strings (searched for, not read char by char), in
      // a long string after a plain long one, and in a short one after a long one.
      `{"ID":1,"NAME":"${'x'.repeat(40)}\\n"}`, `{"ID":1,"NAME":"${'x'.repeat(40)}\u0001"}`,
      `{"x":"${'y'.repeat(40)}","NAME":"${'x'.repeat(40)}\\"}`, `{"x":"${'y'.repeat(40)}","NAME":"a\\tb"}`,
    ]) {
      expect(new FlatJsonReader(NAMES).read(Buffer.from(text)), text).toBeUndefined();
    }
  });

  it('reads doubles printed in full (16 to 19 digits) by hand, as JSON.parse reads them', () => {
    // Every number here has more digits than Number()'s few-per-payload allowance: only the
    // hand parser keeps such a payload on the fast path.
    const texts = ['{"ID":0.9003890176626967,"TEMP":-1.3302656940067834,"NAME":0.09560097185672145,"OK":1.0563583618870158}',
      '{"ID":12345678901234567,"TEMP":1234567890123456789,"NAME":-0.000001234567890123456,"OK":99.99999999999999}'];
    for (const text of texts) expect(expectSameAsJsonParse(text)).toBe(true);
    // 16 digits at both sides of 2^53 (the one-division path ends there) and in [-2, 2] as printed.
    const sixteen = ['9007199254740989', '9007199254740991', '9007199254740993', '9007199254740999', '0.9007199254740989',
      '0.9007199254740993', '900719925474098.9', '900719925474099.1', '-1.533629444968832', '0.02528727823335064'];
    expect(expectSameAsJsonParse(`{"ID":${sixteen[0]},"TEMP":${sixteen[1]},"NAME":${sixteen[2]},"OK":${sixteen[3]}}`)).toBe(true);
    expect(expectSameAsJsonParse(`{"ID":${sixteen[4]},"TEMP":${sixteen[5]},"NAME":${sixteen[6]},"OK":${sixteen[7]}}`)).toBe(true);
    expect(expectSameAsJsonParse(`{"ID":${sixteen[8]},"TEMP":${sixteen[9]},"NAME":1,"OK":2}`)).toBe(true);
    fc.assert(fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 }), (ds) => {
      expectSameAsJsonParse(JSON.stringify(Object.fromEntries(NAMES.map((n, i) => [n, ds[i]]))));
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 4, maxLength: 4 }), (ds) => {
      expectSameAsJsonParse(JSON.stringify(Object.fromEntries(NAMES.map((n, i) => [n, ds[i]]))));
    }), { numRuns: 2000 });
  });

  it('agrees with JSON.parse on generated objects', () => {
    const value = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null),
      fc.double({ min: -1e6, max: 1e6 }).map((d) => Math.round(d * 100) / 100));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...NAMES, 'x', 'Id', 'temp', 'nAME'), value), (o) => {
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

describe('BIGINT columns past 2^53 (nanosecond times, 64-bit ids)', () => {
  it('are read exactly by the flat reader itself: a bigint from 2^53 on, a number below', () => {
    const reader = new FlatJsonReader(['ID', 'TEMP'], undefined, [true, false]);
    const read = (text: string): unknown[] | undefined => { const v = reader.read(Buffer.from(text)); return v && [...v]; };
    expect(read('{"ID":9007199254740993,"TEMP":9007199254740993}')).toEqual([9007199254740993n, 9007199254740992]);
    expect(read('{"ID":9007199254740991}')).toEqual([9007199254740991, undefined]);
    expect(read('{"ID":9007199254740992}')).toEqual([9007199254740992n, undefined]);
    expect(read('{"ID":1733600000000000123}')).toEqual([1733600000000000123n, undefined]);
    expect(read('{"ID":-9223372036854775808}')).toEqual([-9223372036854775808n, undefined]);
    expect(read('{"ID":1234567890123456}')).toEqual([1234567890123456, undefined]);
    expect(read('{"ID":123456789012345678901}')).toEqual([123456789012345678901n, undefined]); // past 19 digits: from the text
    expect(read('{"ID":1.5e18}')).toEqual([1.5e18, undefined]); // not an integer token: as JSON.parse (the serde reparses it)
  });

  it('give the rows the general reader gives, wrapped to Java\'s long as Jackson\'s asLong', () => {
    const cols = [{ name: 'ID', type: BIGINT, namespace: 'VALUE' as const }, { name: 'TEMP', type: DOUBLE, namespace: 'VALUE' as const }];
    const serde = (): ReturnType<typeof createRowSerde> => createRowSerde({ format: 'JSON' }, cols, { isKey: false });
    const fast = serde();
    fc.assert(fc.property(fc.oneof(fc.bigInt({ min: -(2n ** 65n), max: 2n ** 65n }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })), fc.double({ noNaN: true, noDefaultInfinity: true }), (id, temp) => {
      const text = `{"ID":${id},"TEMP":${JSON.stringify(temp)}}`;
      const general = serde().deserialize(Buffer.from(text.replace(/^\{/, '{"ZZ":[0],')), 't');
      const row = fast.deserialize(Buffer.from(text), 't');
      expect(row).toEqual(general);
      const wrapped = BigInt.asIntN(64, id);
      expect(row![0]).toBe(wrapped <= BigInt(Number.MAX_SAFE_INTEGER) && wrapped >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(wrapped) : wrapped);
    }), { numRuns: 3000 });
  });
});

describe('a number in a column of another type', () => {
  it('is reported as written and with the node Jackson reads it into, whichever path read it', () => {
    const cols = [{ name: 'OK', type: BOOLEAN, namespace: 'VALUE' as const }, { name: 'ID', type: BIGINT, namespace: 'VALUE' as const }];
    const message = (text: string): string => {
      try {
        createJsonSerde(cols, { isKey: false, unwrapped: false }).deserialize(Buffer.from(text), 't');
        return 'read';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(message('{"OK":1.50}')).toMatch(/sourceType: DecimalNode, requiredType: BOOLEAN, path: \$\.OK, value: 1\.50$/);
    expect(message('{"ZZ":[1],"OK":1.50}')).toMatch(/value: 1\.50$/);
    expect(message('{"OK":100000000000000000000}')).toMatch(/sourceType: BigIntegerNode, .* value: 100000000000000000000$/);
  });
});

describe('columns a query does not read', () => {
  const cols = [
    { name: 'ID', type: BIGINT }, { name: 'TEMP', type: DOUBLE }, { name: 'NAME', type: STRING }, { name: 'OK', type: BOOLEAN },
    { name: 'N', type: INTEGER }, { name: 'T', type: TIME }, { name: 'B', type: BYTES }, { name: 'A', type: array(INTEGER) },
  ].map((c) => ({ ...c, namespace: 'VALUE' as const }));
  const read = (text: string, readColumns?: boolean[]): unknown => {
    try {
      return createJsonSerde(cols, { isKey: false, unwrapped: false, readColumns }).deserialize(Buffer.from(text), 't');
    } catch (e) {
      return (e as Error).message;
    }
  };
  /** What a query reading only some columns must get: the full row with the others null, or the same error. */
  const expectAsFullRead = (text: string, mask: boolean[]): void => {
    const full = read(text);
    const want = Array.isArray(full) ? full.map((v, i) => (mask[i] ? v : null)) : full;
    expect(read(text, mask), `${text} reading ${mask}`).toEqual(want);
    // The same through the general reader (a nested field the flat reader leaves to it).
    const general = text.replace(/^\{/, '{"ZZ":[0],');
    const fullGeneral = read(general);
    expect(read(general, mask), `${general} reading ${mask}`).toEqual(
      Array.isArray(fullGeneral) ? fullGeneral.map((v, i) => (mask[i] ? v : null)) : fullGeneral);
  };

  it('come out null, and still fail the record where their value would', () => {
    const mask = [false, true, false, false, false, false, false, false]; // only TEMP
    expect(read('{"id":7,"temp":21.5,"name":"n","ok":true}', mask)).toEqual([null, 21.5, null, null, null, null, null, null]);
    for (const text of [
      '{"ID":"x","TEMP":1}', '{"OK":1,"TEMP":1}', '{"N":"1.5"}', '{"T":-1}', '{"T":86400001}', '{"B":"not base64!"}',
      '{"A":1}', '{"ID":true}', '{"NAME":"a\u0001b"}', '{"NAME":"a\\u0001b","ID":9007199254740993}', '{"ID":1e400}',
      '{"ID":123456789012345678901234567890}', '{"NAME":12.50}', '{"id":"1","Id":"x"}', '{"ID":1} x', '{"ID":01}',
    ]) {
      expectAsFullRead(text, mask);
    }
  });

  it('agree with reading every column, on generated objects and any choice of columns', () => {
    const scalar = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null),
      fc.constantFrom('1', '2.5', 'AAEC', '1e3', 'true', 'a\u0001', '\\"'), fc.bigInt().map((b) => b * 10n ** 20n),
      fc.array(fc.integer(), { maxLength: 2 }));
    const key = fc.constantFrom(...cols.map((c) => c.name), 'id', 'Temp', 'name', 'x');
    fc.assert(fc.property(fc.array(fc.tuple(key, scalar), { maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      (fields, mask) => {
        const text = '{' + fields.map(([k, v]) => JSON.stringify(k) + ':' + (typeof v === 'bigint' ? v.toString() : JSON.stringify(v))).join(',') + '}';
        expectAsFullRead(text, mask);
      }), { numRuns: 3000 });
  });
});

describe('the flat reader on bytes', () => {
  const cols = [
    { name: 'ID', type: BIGINT }, { name: 'TEMP', type: DOUBLE }, { name: 'NAME', type: STRING }, { name: 'OK', type: BOOLEAN },
  ].map((c) => ({ ...c, namespace: 'VALUE' as const }));
  const read = (bytes: Uint8Array, readColumns?: boolean[]): unknown => {
    try {
      return createJsonSerde(cols, { isKey: false, unwrapped: false, readColumns }).deserialize(bytes, 't');
    } catch (e) {
      return (e as Error).message;
    }
  };
  const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it('reads strings of any alphabet as JSON.parse does, and keys of any alphabet', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...NAMES, 'é', 'NAMÉ', '😀'), fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string(), fc.integer())), (o) => {
      const text = JSON.stringify(o);
      if (!expectSameAsJsonParse(text)) JSON.parse(text);
    }), { numRuns: 2000 });
    // A non-ASCII key, read twice (the second time it is the previous payload's key).
    const reader = new FlatJsonReader(['É', 'ID']);
    for (let i = 0; i < 2; i++) expect(reader.read(Buffer.from('{"é":"x","ID":1}'))).toEqual(['x', 1]);
  });

  it('fails a payload that is not UTF-8 as the general reader does, in any field, read or not', () => {
    const bad = [0xc3, 0x28]; // a lead byte followed by no continuation byte
    for (const payload of [
      bytesOf('{"NAME":"a', bad, '"}'), // a column read
      bytesOf('{"x":"', bad, '","ID":1}'), // a field no column reads
      bytesOf('{"', bad, '":1,"ID":1}'), // a key
      bytesOf('{"ID":1', bad, '}'), // between tokens
      bytesOf('{"ID":1,"TEMP":2.5}', bad),
      bytesOf([0xe9], '{"ID":1}'),
    ]) {
      expect(read(payload), String(payload)).toMatch(/Invalid UTF-8/);
      expect(read(payload, [true, false, false, false]), String(payload)).toMatch(/Invalid UTF-8/);
      expect(new FlatJsonReader(NAMES).read(payload)).toBeUndefined();
    }
    // A latin-1 é (one byte, not UTF-8) after a payload whose key was the UTF-8 é.
    const reader = new FlatJsonReader(['É']);
    expect(reader.read(Buffer.from('{"é":1}'))).toEqual([1]);
    expect(reader.read(bytesOf('{"', [0xe9], '":1}'))).toBeUndefined();
  });

  it('gives each payload its own strings when one reader reads many (repeated ones come from its cache)', () => {
    const reader = new FlatJsonReader(NAMES);
    // Few distinct short strings (hits), many (collisions in the cache), and long ones (not cached).
    const short = fc.oneof(fc.constantFrom('a', 'b', 'site-1', 'site-2', 'OK', 'WARN', ''), fc.string({ maxLength: 8 }),
      fc.string({ minLength: 30, maxLength: 40 }), fc.nat(5000).map((n) => `s-${n}`));
    fc.assert(fc.property(fc.array(fc.tuple(short, short), { minLength: 1, maxLength: 300 }), (pairs) => {
      for (const [name, x] of pairs) {
        const text = JSON.stringify({ NAME: name, x, OK: true });
        const values = reader.read(Buffer.from(text));
        if (values !== undefined) expect(values[2], text).toBe(name);
      }
    }), { numRuns: 300 });
  });

  it('skips a UTF-8 byte order mark, as the general reader does', () => {
    const text = '{"ID":7,"TEMP":21.5,"NAME":"n","OK":true}';
    expect(read(bytesOf([0xef, 0xbb, 0xbf], text))).toEqual([7, 21.5, 'n', true]);
    expect(new FlatJsonReader(NAMES).read(bytesOf([0xef, 0xbb, 0xbf], text))).toEqual([7, 21.5, 'n', true]);
  });
});

describe('a payload read in place (COPY reads its lines so)', () => {
  const cols = [
    { name: 'ID', type: BIGINT }, { name: 'TEMP', type: DOUBLE }, { name: 'NAME', type: STRING }, { name: 'OK', type: BOOLEAN },
  ].map((c) => ({ ...c, namespace: 'VALUE' as const }));
  const outcome = (f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      return (e as Error).message;
    }
  };

  it('reads bytes[start, end) as the same bytes on their own, whatever lies around them', () => {
    const serde = createJsonSerde(cols, { isKey: false, unwrapped: false });
    const around = fc.constantFrom('', '\n', '\r\n', '}', '2}', '0.5,"NAME":"x"}', '"}', ',"OK":true}', ' ', '{"ID":1}\n');
    const value = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null));
    const whole = fc.dictionary(fc.constantFrom(...NAMES, 'x', 'temp'), value).map((o) => JSON.stringify(o));
    // Payloads cut short too: what follows them must not complete them.
    const payload = fc.oneof(whole, whole.chain((t) => fc.integer({ min: 0, max: t.length }).map((k) => t.slice(0, k))));
    fc.assert(fc.property(around, payload, around, (before, text, after) => {
      const bytes = Buffer.from(before + text + after);
      const start = Buffer.byteLength(before);
      const end = start + Buffer.byteLength(text);
      const alone = outcome(() => createJsonSerde(cols, { isKey: false, unwrapped: false }).deserialize(Buffer.from(text), 't'));
      expect(outcome(() => serde.deserializeRange!(bytes, start, end, 't')), JSON.stringify([before, text, after])).toEqual(alone);
    }), { numRuns: 3000 });
  });
});

describe('the flat JSON reader on long strings (skimmed a word at a time)', () => {
  // Payloads inside a larger buffer at every byte offset, so each string starts and ends at every
  // alignment of its words; a quote, an escape, a control character or a non-ASCII character sits
  // at every position of the string.
  const specials: [string, string][] = [['plain', ''], ['escape', '\\"'], ['escape', '\\n'], ['utf8', 'é'], ['utf8', '😀'], ['control', '\u0001']];
  it('finds the same string end, escape, control character and UTF-8 as JSON.parse', () => {
    const reader = new FlatJsonReader(NAMES);
    for (const len of [31, 32, 33, 40, 67, 100]) {
      for (const [kind, special] of specials) {
        for (let at = 0; at <= len; at += kind === 'plain' ? len + 1 : 7) {
          const body = 'x'.repeat(at) + special + 'y'.repeat(len - at);
          const text = `{"NAME":"${body}","ID":7}`;
          for (let offset = 0; offset < 4; offset++) {
            const buf = Buffer.alloc(offset + Buffer.byteLength(text) + 5, 0x7b); // '{' around it
            buf.write(text, offset);
            const payload = buf.subarray(offset, offset + Buffer.byteLength(text));
            const values = reader.read(payload);
            if (kind === 'control') { expect(values, text).toBeUndefined(); continue; } // invalid JSON: the general reader decides
            if (kind === 'escape') { expect(values, text).toBeUndefined(); continue; } // escapes: left to the general reader
            expect(values, text).toBeDefined();
            expect(values![2]).toBe(JSON.parse(text).NAME);
            expect(values![0]).toBe(7);
          }
        }
      }
    }
  });
});
