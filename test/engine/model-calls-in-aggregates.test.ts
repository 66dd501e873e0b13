// A model call in a GROUP BY query: PREDICT(m, ...)'s first argument names a model, not a column,
// so it is neither a column missing from GROUP BY nor refused — over an aggregate
// (PREDICT(m, MAX(x))) or inside one (AVG(PREDICT(m, x))), in SELECT and HAVING.
import { describe, it, expect } from 'vitest';
import { engine, run, rows } from './engine-helpers.js';

describe('model calls in aggregate queries', () => {
  it('scores over and inside aggregates', async () => {
    await engine();
    await run(`CREATE STREAM pts (k STRING, x DOUBLE, y DOUBLE) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL m WITH (TYPE='linear_regression', LABEL='y', SOLVER='normal') AS SELECT x, y FROM pts TRAIN ONLINE;
      INSERT INTO pts VALUES ('a', 1, 2);
      INSERT INTO pts VALUES ('a', 2, 4);
      INSERT INTO pts VALUES ('b', 3, 6);
      INSERT INTO pts VALUES ('b', 4, 8);`);
    // The normal equations fit y = 2x exactly once two distinct rows are learned.
    const over = await rows('SELECT k, PREDICT(m, MAX(x)) AS p FROM pts GROUP BY k HAVING PREDICT(m, MIN(x)) > 0 EMIT CHANGES LIMIT 4;');
    expect(over.map((r) => r[0])).toEqual(['a', 'a', 'b', 'b']);
    expect(over[3][1]).toBeCloseTo(8, 6);
    const inside = await rows('SELECT k, AVG(PREDICT(m, x)) AS p FROM pts GROUP BY k EMIT CHANGES LIMIT 4;');
    expect(inside[3][1]).toBeCloseTo(7, 6);
    // A real column left out of GROUP BY is still refused.
    await expect(run('SELECT k, COUNT(*), PREDICT(m, x) FROM pts GROUP BY k EMIT CHANGES;')).rejects.toThrow('not part of GROUP BY: PREDICT(M, X)');
  });
});
