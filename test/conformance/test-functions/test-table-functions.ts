// The table functions of ksqlDB's test jar: TEST_UDTF (parameter and return types of UDTFs) and
// THROWING_UDTF (a UDTF failing on a row). Our own implementations of what TestUdtf and
// ThrowingUdtf do.
import type { ScalarFunction, ScalarOverload, TypePattern } from '../../../udfs/types.js';
import { STRUCT_A } from './test-scalars.js';
import { javaText } from './java-text.js';

const KINDS: TypePattern[] = [
  { kind: 'INTEGER' }, { kind: 'BIGINT' }, { kind: 'DOUBLE' }, { kind: 'BOOLEAN' }, { kind: 'STRING' }, { kind: 'DECIMAL' }, STRUCT_A,
];

/** The seven values (or the first element / map value of each) as text, one output row each. */
const asTexts = (first: (v: unknown) => unknown) => (...vs: unknown[]): string[] => vs.map((v) => javaText(first(v)));

const seven = (wrap: (t: TypePattern) => TypePattern, first: (v: unknown) => unknown): ScalarOverload => ({
  params: KINDS.map((t, i) => ({ name: `p${i}`, type: wrap(t) })), returns: { kind: 'STRING' }, impl: asTexts(first),
});

/** One output row, the argument itself: DECIMAL comes back as DECIMAL(30, 10), as the schema provider says. */
const identity = (t: TypePattern): ScalarOverload => ({
  params: [{ name: 'v', type: t }],
  returns: t.kind === 'DECIMAL' ? { kind: 'DECIMAL', precision: 30, scale: 10 } : t,
  impl: (v: unknown) => [v],
});

export const testUdtf: ScalarFunction = {
  kind: 'scalar', table: true, name: 'TEST_UDTF', category: 'TEST', description: 'ksqlDB\'s TestUdtf.', examples: [], volatile: true,
  overloads: [
    seven((t) => t, (v) => v),
    seven((t) => ({ kind: 'ARRAY', item: t }), (v) => (v as unknown[])[0]),
    seven((t) => ({ kind: 'MAP', key: { kind: 'STRING' }, value: t }), (v) => (v as Map<unknown, unknown>).values().next().value),
    ...KINDS.map(identity),
  ],
};

export const throwingUdtf: ScalarFunction = {
  kind: 'scalar', table: true, name: 'THROWING_UDTF', category: 'TEST', description: 'Throws if its argument is true.', examples: [], volatile: true,
  overloads: [{
    params: [{ name: 'shouldThrow', type: { kind: 'BOOLEAN' } }], returns: { kind: 'BOOLEAN' },
    impl: (b: boolean) => { if (b) throw new Error('You asked me to throw...'); return [b]; },
  }],
};
