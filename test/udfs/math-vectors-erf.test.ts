// ERF, ERFC and NORMAL_CDF (mathjs's erf), and the vector functions over ARRAY<DOUBLE> (plain
// loops): values a user would check, NULLs, arrays of different lengths failing the call (NULL
// plus a processing-log entry), and SQL over an ARRAY<DOUBLE> column through the engine.
import { describe, expect, it } from 'vitest';
import { mathFunctions } from '../../udfs/math/index.js';
import type { ScalarFunction } from '../../udfs/types.js';
import type { ProcessingLogEntry } from '../../src/runtime/processing-log.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { engine, jsonValue, rows, rowsOf, last, run, topicRecords } from '../engine/engine-helpers.js';
import { BIGINT, DOUBLE, INT, call, overloadFor, returnTypeOf } from './scalar-harness.js';

const fn = (name: string): ScalarFunction => mathFunctions.find((f) => f.name === name)!;
const VEC: SqlType = { kind: 'ARRAY', item: DOUBLE };
const VEC2 = [VEC, VEC];

describe('ERF, ERFC and NORMAL_CDF', () => {
  const erf = fn('ERF'), erfc = fn('ERFC'), cdf = fn('NORMAL_CDF');
  it('ERF', () => {
    expect(call(erf, [DOUBLE], 0)).toBe(0);
    expect(call(erf, [DOUBLE], 1)).toBeCloseTo(0.8427007929, 10);
    expect(call(erf, [DOUBLE], -1)).toBeCloseTo(-0.8427007929, 10);
    expect(call(erf, [DOUBLE], 0.5)).toBeCloseTo(0.5204998778130465, 15);
    expect(call(erf, [INT], 2)).toBeCloseTo(0.9953222650189527, 15);
    expect(call(erf, [BIGINT], 3)).toBeCloseTo(0.9999779095030014, 15);
    expect(call(erf, [DOUBLE], Infinity)).toBe(1);
    expect(call(erf, [DOUBLE], -Infinity)).toBe(-1);
    expect(call(erf, [DOUBLE], Number.NaN)).toBeNaN();
    expect(call(erf, [DOUBLE], null)).toBeNull();
  });
  it('ERFC is 1 - ERF', () => {
    expect(call(erfc, [DOUBLE], 0)).toBe(1);
    expect(call(erfc, [DOUBLE], 1)).toBeCloseTo(0.1572992071, 10);
    expect(call(erfc, [DOUBLE], -1)).toBeCloseTo(1.8427007929, 10);
    expect(call(erfc, [DOUBLE], 3)).toBeCloseTo(2.209049699858544e-5, 15);
    expect(call(erfc, [INT], null)).toBeNull();
  });
  it('NORMAL_CDF is the standard normal CDF, 0.5 * ERFC(-x/√2)', () => {
    expect(call(cdf, [DOUBLE], 0)).toBe(0.5);
    expect(call(cdf, [DOUBLE], 1.96)).toBeCloseTo(0.9750021, 7);
    expect(call(cdf, [DOUBLE], -1.96)).toBeCloseTo(0.0249979, 7);
    expect(call(cdf, [INT], 1)).toBeCloseTo(0.8413447460685429, 15);
    expect(call(cdf, [DOUBLE], 1)).toBeCloseTo(0.5 * (call(erfc, [DOUBLE], -Math.SQRT1_2) as number), 15);
    expect(call(cdf, [DOUBLE], Infinity)).toBe(1);
    expect(call(cdf, [DOUBLE], -Infinity)).toBe(0);
    expect(call(cdf, [DOUBLE], null)).toBeNull();
  });
  it('gives the two-sided p-value of a z-score: 2 * (1 - NORMAL_CDF(ABS(z)))', () => {
    const p = (z: number): number => 2 * (1 - (call(cdf, [DOUBLE], Math.abs(z)) as number));
    expect(p(1.96)).toBeCloseTo(0.05, 4);
    expect(p(-1.96)).toBeCloseTo(0.0499957903, 9);
    expect(p(2.576)).toBeCloseTo(0.01, 4);
    expect(p(0)).toBe(1);
  });
});

describe('vector functions', () => {
  it('DOT', () => {
    const dot = fn('DOT');
    expect(call(dot, VEC2, [1, 2, 3], [4, 5, 6])).toBe(32);
    expect(call(dot, VEC2, [0.5, -1.5], [2, 2])).toBe(-2);
    expect(call(dot, VEC2, [], [])).toBe(0);
    expect(returnTypeOf(overloadFor(dot, VEC2), VEC2)).toEqual(DOUBLE);
  });
  it('L2_NORM', () => {
    const norm = fn('L2_NORM');
    expect(call(norm, [VEC], [3, 4])).toBe(5);
    expect(call(norm, [VEC], [1, 2, 2])).toBe(3);
    expect(call(norm, [VEC], [-3, -4])).toBe(5);
    expect(call(norm, [VEC], [0, 0])).toBe(0);
    expect(call(norm, [VEC], [])).toBe(0);
    // No overflow or underflow of the squares.
    expect(call(norm, [VEC], [3e200, 4e200])).toBeCloseTo(5e200, -186);
    expect(call(norm, [VEC], [3e-200, 4e-200]) as number / 1e-200).toBeCloseTo(5, 12);
    expect(call(norm, [VEC], [1, Infinity])).toBe(Infinity);
    expect(call(norm, [VEC], [1, Number.NaN])).toBeNaN();
  });
  it('COSINE_SIMILARITY', () => {
    const cos = fn('COSINE_SIMILARITY');
    expect(call(cos, VEC2, [1, 0], [0, 1])).toBe(0);
    expect(call(cos, VEC2, [1, 2, 3], [2, 4, 6])).toBe(1);
    expect(call(cos, VEC2, [1, 2, 3], [-1, -2, -3])).toBe(-1);
    expect(call(cos, VEC2, [1, 1], [1, 0])).toBeCloseTo(Math.SQRT1_2, 15);
    // Rounding never takes it past ±1 (these give 1.0000000000000002 unclamped).
    expect(call(cos, VEC2, [0.1, 0.7], [0.2, 1.4])).toBe(1);
    expect(call(cos, VEC2, [0.1, 0.7], [-0.2, -1.4])).toBe(-1);
    expect(call(cos, VEC2, [1e200, 2e200], [3e-200, 6e-200])).toBeCloseTo(1, 15);
    expect(call(cos, VEC2, [1e-200, 0], [0, 1e-200])).toBe(0);
  });
  it('COSINE_SIMILARITY of a zero (or empty) vector is NULL', () => {
    const cos = fn('COSINE_SIMILARITY');
    expect(call(cos, VEC2, [0, 0], [1, 1])).toBeNull();
    expect(call(cos, VEC2, [1, 1], [0, 0])).toBeNull();
    expect(call(cos, VEC2, [], [])).toBeNull();
  });
  it('VECTOR_ADD, VECTOR_SUB and VECTOR_SCALE', () => {
    expect(call(fn('VECTOR_ADD'), VEC2, [1, 2, 3], [4, 5, 6])).toEqual([5, 7, 9]);
    expect(call(fn('VECTOR_SUB'), VEC2, [4, 5, 6], [1, 2, 3])).toEqual([3, 3, 3]);
    expect(call(fn('VECTOR_SUB'), VEC2, [], [])).toEqual([]);
    expect(call(fn('VECTOR_SCALE'), [VEC, DOUBLE], [1, -2, 0.5], 2)).toEqual([2, -4, 1]);
    expect(call(fn('VECTOR_SCALE'), [VEC, DOUBLE], [], 2)).toEqual([]);
    for (const name of ['VECTOR_ADD', 'VECTOR_SUB']) expect(returnTypeOf(overloadFor(fn(name), VEC2), VEC2)).toEqual(VEC);
  });
  it('a NULL array, factor or element gives NULL', () => {
    for (const name of ['DOT', 'COSINE_SIMILARITY', 'VECTOR_ADD', 'VECTOR_SUB']) {
      expect(call(fn(name), VEC2, null, [1, 2]), name).toBeNull();
      expect(call(fn(name), VEC2, [1, 2], null), name).toBeNull();
      expect(call(fn(name), VEC2, [1, null], [1, 2]), name).toBeNull();
      expect(call(fn(name), VEC2, [1, 2], [null, 2]), name).toBeNull();
    }
    expect(call(fn('L2_NORM'), [VEC], null)).toBeNull();
    expect(call(fn('L2_NORM'), [VEC], [3, null, 4])).toBeNull();
    expect(call(fn('VECTOR_SCALE'), [VEC, DOUBLE], null, 2)).toBeNull();
    expect(call(fn('VECTOR_SCALE'), [VEC, DOUBLE], [1, 2], null)).toBeNull();
    expect(call(fn('VECTOR_SCALE'), [VEC, DOUBLE], [1, null], 2)).toBeNull();
  });
  it('arrays of different lengths fail the call, naming the function and the lengths', () => {
    for (const name of ['DOT', 'COSINE_SIMILARITY', 'VECTOR_ADD', 'VECTOR_SUB']) {
      expect(() => call(fn(name), VEC2, [1, 2, 3], [1, 2]), name)
        .toThrow(`${name} needs arrays of the same length, but got lengths 3 and 2`);
      expect(() => call(fn(name), VEC2, [], [null]), name).toThrow(/same length/);
    }
  });
});

describe('through SQL', () => {
  it('SELECT over an ARRAY<DOUBLE> column; arrays of different lengths give NULL and a processing-log entry', async () => {
    const log: ProcessingLogEntry[] = [];
    await engine({ onProcessingLog: (e) => log.push(e) });
    await run(`CREATE STREAM emb (id INT KEY, v ARRAY<DOUBLE>, q ARRAY<DOUBLE>, z DOUBLE)
        WITH (KAFKA_TOPIC='emb', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM scored AS SELECT id,
          DOT(v, q) AS d, L2_NORM(v) AS n, COSINE_SIMILARITY(v, q) AS c,
          VECTOR_ADD(v, q) AS s, VECTOR_SUB(v, q) AS diff, VECTOR_SCALE(v, 0.5) AS half,
          2 * (1 - NORMAL_CDF(ABS(z))) AS p, ERF(z) AS e, ERFC(z) AS ec
        FROM emb EMIT CHANGES;
      INSERT INTO emb (id, v, q, z) VALUES (1, ARRAY[3.0, 4.0], ARRAY[4.0, 3.0], 1.96);
      INSERT INTO emb (id, v, q, z) VALUES (2, ARRAY[1.0, 2.0, 3.0], ARRAY[1.0, 2.0], 0.0);
      INSERT INTO emb (id, v, q, z) VALUES (3, ARRAY[1.0, NULL], ARRAY[0.0, 0.0], NULL);
      INSERT INTO emb (id, v, q, z) VALUES (4, NULL, ARRAY[1.0], -1.0);`);
    const out = (await topicRecords('SCORED')).map(jsonValue) as Record<string, unknown>[];
    expect(out).toHaveLength(4);
    const [r1, r2, r3, r4] = out;
    expect(r1).toMatchObject({ D: 24, N: 5, C: 0.96, S: [7, 7], DIFF: [-1, 1], HALF: [1.5, 2] });
    expect(r1.P as number).toBeCloseTo(0.05, 4);
    expect(r1.E as number).toBeCloseTo(0.9944262755, 10);
    expect(r1.EC as number).toBeCloseTo(0.0055737245, 10);
    // Lengths 3 and 2: the calls over both arrays fail; the rest of the row is computed.
    expect(r2).toEqual({ D: null, N: Math.sqrt(14), C: null, S: null, DIFF: null, HALF: [0.5, 1, 1.5], P: 1, E: 0, EC: 1 });
    // A NULL element, a zero vector, a NULL z: NULL, and nothing logged.
    expect(r3).toEqual({ D: null, N: null, C: null, S: null, DIFF: null, HALF: null, P: null, E: null, EC: null });
    expect(r4).toMatchObject({ D: null, N: null, C: null, S: null, DIFF: null, HALF: null });
    expect(log.map((e) => e.type)).toEqual(['EVALUATION', 'EVALUATION', 'EVALUATION', 'EVALUATION']);
    expect(log.every((e) => e.topic === 'emb' && e.offset === 1)).toBe(true);
    expect(log.map((e) => e.message)).toEqual([
      expect.stringMatching(/DOT.*: DOT needs arrays of the same length, but got lengths 3 and 2/),
      expect.stringMatching(/COSINE_SIMILARITY needs arrays of the same length, but got lengths 3 and 2/),
      expect.stringMatching(/VECTOR_ADD needs arrays of the same length/),
      expect.stringMatching(/VECTOR_SUB needs arrays of the same length/),
    ]);
  });

  it('a push query and literal arrays of INT and DECIMAL, which widen to ARRAY<DOUBLE>', async () => {
    await run(`CREATE STREAM feats (id INT KEY, v ARRAY<DOUBLE>) WITH (KAFKA_TOPIC='feats', VALUE_FORMAT='JSON', PARTITIONS=1);
      INSERT INTO feats (id, v) VALUES (1, ARRAY[1.0, 0.0]);
      INSERT INTO feats (id, v) VALUES (2, ARRAY[0.0, 2.0]);`);
    const r = await last(`SELECT id, COSINE_SIMILARITY(v, ARRAY[1, 1]) AS c, DOT(v, ARRAY[0.5, 2.5]) AS d,
        VECTOR_SCALE(v, 3) AS v3 FROM feats EMIT CHANGES LIMIT 2;`);
    const got = await rowsOf(r);
    expect(got).toHaveLength(2);
    expect(got[0][0]).toBe(1);
    expect(got[0][1]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(got[0].slice(2)).toEqual([0.5, [3, 0]]);
    expect(got[1].slice(2)).toEqual([5, [0, 6]]);
    expect(await rows(`SELECT L2_NORM(ARRAY[3, 4]), NORMAL_CDF(0), ERF(0) FROM feats WHERE id = 1 EMIT CHANGES LIMIT 1;`))
      .toEqual([[5, 0.5, 0]]);
  });
});
