import type { ScalarFunction } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import type { Decimal } from '../../src/types/decimal.js';
import { javaDouble } from '../../src/values/java-string.js';
import { sqlDateText, sqlTimeText, sqlTimestampText } from '../datetime/iso-text.js';
import { quoteJson } from './json-node.js';

type Writer = (v: unknown) => string;

/**
 * JSON text of a value of a type, as ksqlDB's UdfJsonMapper writes it: doubles as Double.toString
 * ("1.0", "1.0E10"; NaN quoted), decimals plain and exact, bytes in base64, dates and times as
 * ISO text, struct fields and map keys sorted by name.
 */
export function jsonWriterFor(t: SqlType): Writer {
  const nullable = (w: Writer): Writer => (v) => (v === null || v === undefined ? 'null' : w(v));
  switch (t.kind) {
    case 'BOOLEAN': case 'INTEGER': case 'BIGINT':
      return nullable((v) => String(v));
    case 'DOUBLE':
      return nullable((v) => (Number.isFinite(v as number) ? javaDouble(v as number) : quoteJson(javaDouble(v as number))));
    case 'DECIMAL':
      return nullable((v) => (v as Decimal).toString());
    case 'STRING':
      return nullable((v) => quoteJson(v as string));
    case 'BYTES':
      return nullable((v) => quoteJson(Buffer.from(v as Uint8Array).toString('base64')));
    case 'DATE':
      return nullable((v) => quoteJson(sqlDateText(v as number)));
    case 'TIME':
      return nullable((v) => quoteJson(sqlTimeText(v as number)));
    case 'TIMESTAMP':
      return nullable((v) => quoteJson(sqlTimestampText(v as number)));
    case 'ARRAY': {
      const item = jsonWriterFor(t.item);
      return nullable((v) => '[' + (v as unknown[]).map(item).join(',') + ']');
    }
    case 'MAP': {
      const value = jsonWriterFor(t.value);
      return nullable((v) => {
        // A TreeMap keyed by the key's toString.
        const entries = [...(v as Map<unknown, unknown>)].map(([k, x]) => [String(k), x] as const);
        entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        const seen = new Map<string, unknown>();
        for (const [k, x] of entries) seen.set(k, x);
        return '{' + [...seen].map(([k, x]) => quoteJson(k) + ':' + value(x)).join(',') + '}';
      });
    }
    case 'STRUCT': {
      const fields = t.fields.map((f) => ({ name: f.name, write: jsonWriterFor(f.type) }));
      fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return nullable((v) => {
        const o = v as Record<string, unknown>;
        return '{' + fields.map((f) => quoteJson(f.name) + ':' + f.write(o[f.name] ?? null)).join(',') + '}';
      });
    }
    default:
      return () => 'null';
  }
}

export const toJsonString: ScalarFunction = {
  kind: 'scalar',
  name: 'TO_JSON_STRING',
  category: 'JSON',
  description: 'Given any ksqlDB type returns the equivalent JSON string.',
  overloads: [{
    params: [{ name: 'input', type: { kind: 'GENERIC', name: 'T' }, description: 'Any value' }],
    returns: { kind: 'STRING' },
    nulls: 'custom',
    factory: (argTypes) => jsonWriterFor(argTypes[0]),
  }],
  examples: [
    { call: 'TO_JSON_STRING(1.0E0)', result: '1.0' },
    { call: 'TO_JSON_STRING(123.450)', result: '123.450' },
    { call: "TO_JSON_STRING(STRUCT(NAME := 'Alice', ID := 1))", result: '{"ID":1,"NAME":"Alice"}' },
    { call: "TO_JSON_STRING(MAP('b' := ARRAY[1, 2], 'a' := ARRAY[3]))", result: '{"a":[3],"b":[1,2]}' },
    { call: 'TO_JSON_STRING(NULL)', result: 'null' },
  ],
};
