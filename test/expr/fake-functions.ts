// Stand-in functions for expression tests (the real built-ins live in udfs/).
import type { FunctionDef, ScalarFunction, ScalarOverload } from '../../udfs/types.js';
import { formatType } from '../../src/types/sql-type.js';
import type { Decimal } from '../../src/types/decimal.js';

const scalar = (name: string, overloads: ScalarOverload[], extra: Partial<ScalarFunction> = {}): ScalarFunction =>
  ({ kind: 'scalar', name, category: 'test', description: name, overloads, examples: [], ...extra });

const T = { kind: 'GENERIC', name: 'T' } as const;
const U = { kind: 'GENERIC', name: 'U' } as const;
const S = { kind: 'GENERIC', name: 'S' } as const;

export const fakeFunctions: FunctionDef[] = [
  scalar('ABS', [
    { params: [{ name: 'x', type: { kind: 'INTEGER' } }], returns: { kind: 'INTEGER' }, impl: (x: number) => Math.abs(x) },
    { params: [{ name: 'x', type: { kind: 'BIGINT' } }], returns: { kind: 'BIGINT' }, impl: (x: number) => Math.abs(x) },
    { params: [{ name: 'x', type: { kind: 'DOUBLE' } }], returns: { kind: 'DOUBLE' }, impl: (x: number) => Math.abs(x) },
    {
      params: [{ name: 'x', type: { kind: 'DECIMAL' } }], returns: (t) => t[0],
      impl: (x: Decimal) => (x.unscaled < 0n ? x.negate() : x),
    },
  ]),
  scalar('GEO', [{
    params: [{ name: 'a', type: { kind: 'DOUBLE' } }, { name: 'b', type: { kind: 'DOUBLE' } }],
    returns: { kind: 'DOUBLE' },
    impl: (a: number, b: number) => {
      if (typeof a !== 'number' || typeof b !== 'number') throw new Error('not numbers');
      return a + b;
    },
  }]),
  scalar('JOIN_ALL', [{
    params: [{ name: 'sep', type: { kind: 'STRING' } }, { name: 'parts', type: { kind: 'STRING' } }],
    variadic: true, nulls: 'custom', returns: { kind: 'STRING' },
    impl: (sep: string | null, ...parts: (string | null)[]) => (sep === null ? null : parts.filter((p) => p !== null).join(sep)),
  }]),
  scalar('greatest', ['INTEGER', 'BIGINT', 'DOUBLE', 'STRING'].map((k): ScalarOverload => ({
    params: [{ name: 'val', type: { kind: k } as never }, { name: 'vals', type: { kind: k } as never }],
    variadic: true, nulls: 'custom', returns: { kind: k } as never,
    impl: (...xs: unknown[]) => xs.filter((x) => x !== null).reduce<unknown>((a, b) => (a === null || (b as number) > (a as number) ? b : a), null),
  })).concat([{
    params: [{ name: 'val', type: { kind: 'DECIMAL' } }, { name: 'vals', type: { kind: 'DECIMAL' } }],
    variadic: true, nulls: 'custom', returns: (t) => t[0], impl: () => null,
  }])),
  scalar('IFNULL', [{
    params: [{ name: 'a', type: T }, { name: 'b', type: T }], returns: T, nulls: 'custom',
    impl: (a: unknown, b: unknown) => a ?? b,
  }]),
  scalar('TRANSFORM', [{
    params: [{ name: 'xs', type: { kind: 'ARRAY', item: T } }, { name: 'f', type: { kind: 'LAMBDA', params: [T], returns: U } }],
    returns: { kind: 'ARRAY', item: U },
    impl: (xs: unknown[], f: (x: unknown) => unknown) => xs.map((x) => f(x)),
  }]),
  scalar('REDUCE', [{
    params: [
      { name: 'xs', type: { kind: 'ARRAY', item: T } }, { name: 'init', type: S },
      { name: 'f', type: { kind: 'LAMBDA', params: [S, T], returns: S } },
    ],
    returns: S,
    impl: (xs: unknown[], init: unknown, f: (s: unknown, x: unknown) => unknown) => xs.reduce((s, x) => f(s, x), init),
  }]),
  scalar('FILTER_POS', [{
    params: [{ name: 'xs', type: { kind: 'ARRAY', item: { kind: 'INTEGER' } } }, { name: 'f', type: { kind: 'LAMBDA', params: [{ kind: 'INTEGER' }], returns: { kind: 'BOOLEAN' } } }],
    returns: { kind: 'ARRAY', item: { kind: 'INTEGER' } },
    impl: (xs: number[], f: (x: number) => unknown) => xs.filter((x) => f(x) === true),
  }]),
  scalar('TYPE_NAME', [{
    params: [{ name: 'x', type: T }], returns: { kind: 'STRING' }, nulls: 'custom',
    factory: (argTypes) => { const name = formatType(argTypes[0]); return () => name; },
  }]),
  scalar('DAYS_OF', [{ params: [{ name: 'd', type: { kind: 'DATE' } }], returns: { kind: 'INTEGER' }, impl: (d: number) => d }]),
  scalar('SUM_ARR', [{
    params: [{ name: 'xs', type: { kind: 'ARRAY', item: { kind: 'BIGINT' } } }], returns: { kind: 'BIGINT' },
    impl: (xs: number[]) => xs.reduce((a, b) => a + b, 0),
  }]),
  scalar('TEST_UDF', [
    { params: [{ name: 'a', type: { kind: 'INTEGER' } }, { name: 'b', type: { kind: 'STRING' } }], returns: { kind: 'STRING' }, impl: () => 'doStuffIntString' },
    { params: [{ name: 'a', type: { kind: 'DOUBLE' } }, { name: 'b', type: { kind: 'STRING' } }], returns: { kind: 'STRING' }, impl: () => 'doStuffDoubleString' },
    { params: [{ name: 'a', type: { kind: 'BIGINT' } }, { name: 'b', type: { kind: 'STRING' } }], returns: { kind: 'STRING' }, impl: () => 'doStuffLongString' },
  ]),
  scalar('BOOM', [{ params: [], returns: { kind: 'INTEGER' }, impl: () => { throw new Error('kaboom'); } }]),
  scalar('RANDOM', [{ params: [], returns: { kind: 'DOUBLE' }, impl: () => Math.random() }], { volatile: true }),
  scalar('NOTHING', [{ params: [], returns: { kind: 'STRING' }, impl: () => undefined }]),
  {
    kind: 'aggregate', name: 'SUM', category: 'test', description: 'sum', examples: [],
    overloads: [{ params: [{ name: 'x', type: { kind: 'INTEGER' } }], returns: { kind: 'INTEGER' }, create: () => { throw new Error('unused'); } }],
  },
];
