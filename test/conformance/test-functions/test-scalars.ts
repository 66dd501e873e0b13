// The scalar functions of ksqlDB's test jar that QTT cases call: TEST_UDF (overload choice),
// BAD_UDF (throws, or returns NULL every other call), WHENCONDITION / WHENRESULT (throw when
// evaluated where they should not be: CASE laziness) and TOSTRUCT. Our own implementations of
// what ksqlDB's io.confluent.ksql.function.udf test classes do. All are volatile: ksqlDB never
// folds a UDF call at plan time, and these must run per row.
import type { ScalarFunction, TypePattern } from '../../../udfs/types.js';

const STRING: TypePattern = { kind: 'STRING' };
const BIGINT: TypePattern = { kind: 'BIGINT' };
const INTEGER: TypePattern = { kind: 'INTEGER' };
const BOOLEAN: TypePattern = { kind: 'BOOLEAN' };
export const STRUCT_A: TypePattern = { kind: 'STRUCT', fields: [{ name: 'A', type: { kind: 'STRING' } }] };

const p = (name: string, type: TypePattern) => ({ name, type });
/** An overload that returns its method's name, as TestUdf's doStuff* methods do. */
const named = (method: string, ...types: TypePattern[]) => ({
  params: types.map((t, i) => p(`arg${i + 1}`, t)), returns: STRING, nulls: 'custom' as const, impl: () => method,
});

export const testUdf: ScalarFunction = {
  kind: 'scalar', name: 'TEST_UDF', category: 'TEST', description: 'ksqlDB\'s TestUdf: overload resolution.', examples: [], volatile: true,
  overloads: [
    named('doStuffIntString', INTEGER, STRING),
    named('doStuffLongString', BIGINT, STRING),
    named('doStuffLongLongString', BIGINT, BIGINT, STRING),
    { ...named('doStuffLongVarargs', BIGINT), variadic: true },
    { params: [p('struct', STRUCT_A)], returns: STRING, impl: (s: { A: string | null }) => s.A },
    { params: [], returns: STRUCT_A, impl: () => ({ A: 'foo' }) },
  ],
};

export const badUdf: ScalarFunction = {
  kind: 'scalar', name: 'BAD_UDF', category: 'TEST', description: 'ksqlDB\'s BadUdf: fails on purpose.', examples: [], volatile: true,
  overloads: [
    { params: [p('arg1', INTEGER)], returns: STRING, impl: () => { throw new Error('boom!'); } },
    {
      params: [p('arg', BOOLEAN)], returns: INTEGER,
      impl: (b: boolean) => { if (b) throw new Error('You asked me to throw...'); return 0; },
    },
    {
      // NULL on every other call (per query), starting with the first.
      params: [p('arg', STRING)], returns: STRING, nulls: 'custom',
      factory: () => { let i = 0; return (s: string | null) => (i++ % 2 === 0 ? null : s); },
    },
  ],
};

export const whenCondition: ScalarFunction = {
  kind: 'scalar', name: 'WHENCONDITION', category: 'TEST', description: 'Fails if evaluated when it should not be.', examples: [], volatile: true,
  overloads: [{
    params: [p('retValue', BOOLEAN), p('shouldBeEvaluated', BOOLEAN)], returns: BOOLEAN,
    impl: (v: boolean, ok: boolean) => { if (!ok) throw new Error('When condition in case is not running lazily!'); return v; },
  }],
};

export const whenResult: ScalarFunction = {
  kind: 'scalar', name: 'WHENRESULT', category: 'TEST', description: 'Fails if evaluated when it should not be.', examples: [], volatile: true,
  overloads: [{
    params: [p('retVal', INTEGER), p('shouldBeEvaluated', BOOLEAN)], returns: INTEGER,
    impl: (v: number, ok: boolean) => { if (!ok) throw new Error('Then expression in case is not running lazily!'); return v; },
  }],
};

export const toStruct: ScalarFunction = {
  kind: 'scalar', name: 'TOSTRUCT', category: 'TEST', description: 'A STRUCT<A STRING> holding the argument.', examples: [], volatile: true,
  overloads: [{ params: [p('value', STRING)], returns: STRUCT_A, nulls: 'custom', impl: (s: string | null) => ({ A: s }) }],
};
