// Mangled statements must come back as a Statement or a PARSE_ERROR, never as a crash.
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../grammar/index.js';
import { SqlError } from '../../src/types/sql-error.js';

const SEEDS = [
  "CREATE STREAM s (id BIGINT KEY, m MAP<STRING, ARRAY<STRUCT<a INT>>>) WITH (kafka_topic='t', value_format='JSON', partitions=1);",
  "CREATE TABLE agg AS SELECT k, COUNT(*) AS n, TRANSFORM(arr, (x, y) => x + y) FROM s WINDOW HOPPING (SIZE 1 MINUTE, ADVANCE BY 10 SECONDS) WHERE a BETWEEN 1 AND 2 GROUP BY k HAVING n > 1 EMIT CHANGES;",
  "SELECT a->b[1], CASE WHEN x IS NOT NULL THEN 'y' ELSE CAST(z AS DECIMAL(4, 2)) END FROM l JOIN r WITHIN (1 SECOND, 2 SECONDS) ON l.id = r.id LIMIT 3;",
  "INSERT INTO s (a, b) VALUES (-1, MAP('k' := ARRAY[1, 2]));",
  "PRINT 'topic' FROM BEGINNING INTERVAL 2 LIMIT 5; DEFINE x = 'y'; COPY s FROM 'f.csv' WITH (FORMAT='CSV');",
];

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ['(', ')', ',', "'", '`', '"', '-', '--', '/*', '*/', ';', '->', '=>', ':=', '[', ']', '<', '>', 'SELECT', 'FROM', 'AS', 'NOT', 'NULL', '1.5E', '.', '$', '${a}', '\n', ' '];

describe('fuzzing', () => {
  it('gives a statement or a PARSE_ERROR for mangled input', () => {
    const next = random(42);
    const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
    for (let i = 0; i < 1500; i++) {
      let sql = pick(SEEDS);
      const edits = 1 + Math.floor(next() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (sql.length + 1));
        const cut = Math.floor(next() * 6);
        sql = next() < 0.5 ? sql.slice(0, at) + pick(NOISE) + sql.slice(at) : sql.slice(0, at) + sql.slice(at + cut);
      }
      try {
        parseStatement(sql);
      } catch (err) {
        expect(err, sql).toBeInstanceOf(SqlError);
        expect((err as SqlError).code, `${sql}\n${(err as Error).message}`).toBe('PARSE_ERROR');
        expect((err as SqlError).position, sql).toBeDefined();
      }
    }
  });
});
