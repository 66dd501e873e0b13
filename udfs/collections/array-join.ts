import type { ScalarFunction } from '../types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import type { Decimal } from '../../src/types/decimal.js';
import { SqlError } from '../../src/types/sql-error.js';
import { javaBigDecimal, javaDouble } from '../../src/values/java-string.js';
import { ARRAY_T } from './patterns.js';

/** Java's toString of the element types ARRAY_JOIN accepts; a NULL element prints "null". */
function textFor(t: SqlType): (v: unknown) => string {
  switch (t.kind) {
    case 'BOOLEAN': case 'INTEGER': case 'BIGINT': case 'STRING': case 'NULL':
      return (v) => String(v);
    case 'DOUBLE': return (v) => javaDouble(v as number);
    case 'DECIMAL': return (v) => javaBigDecimal(v as Decimal);
    default:
      return () => {
        throw new SqlError('EVALUATION_ERROR', `error: hit element of type ${t.kind} which is currently not supported`);
      };
  }
}

function joiner(argTypes: SqlType[]): (array: unknown[] | null, delimiter?: string | null) => string | null {
  const item = argTypes[0].kind === 'ARRAY' ? textFor(argTypes[0].item) : textFor(argTypes[0]);
  return (array, delimiter = ',') => {
    if (array === null) return null;
    return array.map((e) => (e === null ? 'null' : item(e))).join(delimiter ?? '');
  };
}

export const arrayJoin: ScalarFunction = {
  kind: 'scalar',
  name: 'ARRAY_JOIN',
  category: 'ARRAY',
  description: 'joins the array elements into a flat string representation',
  overloads: [
    {
      params: [{ name: 'array', type: ARRAY_T, description: "the array to join using the default delimiter ','" }],
      returns: { kind: 'STRING' },
      factory: joiner,
    },
    {
      params: [
        { name: 'array', type: ARRAY_T, description: 'the array to join using the specified delimiter' },
        { name: 'delimiter', type: { kind: 'STRING' }, description: 'the string to be used as element delimiter; NULL joins with none' },
      ],
      returns: { kind: 'STRING' },
      nulls: 'custom',
      factory: joiner,
    },
  ],
  examples: [
    { call: "ARRAY_JOIN(ARRAY['Hello', 'From', 'Ksqldb'])", result: 'Hello,From,Ksqldb' },
    { call: "ARRAY_JOIN(ARRAY[1.0E0, 2.5E0], '|')", result: '1.0|2.5' },
    { call: "ARRAY_JOIN(ARRAY[TRUE, NULL, FALSE], '')", result: 'truenullfalse' },
  ],
};
