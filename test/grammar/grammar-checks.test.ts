import { describe, expect, it } from 'vitest';
import { StatementParser } from '../../grammar/parser-statements.js';
import { parseStatement } from '../../grammar/index.js';

describe('the grammar', () => {
  it("passes chevrotain's validations (no ambiguities, no left recursion)", () => {
    expect(() => new StatementParser(true)).not.toThrow();
  });

  it('parses quickly with the shared parser', () => {
    const sql = "CREATE STREAM OUT AS SELECT id, TRANSFORM(arr, x => x * 2) AS doubled, CASE WHEN a > 1 THEN 'big' ELSE 'small' END AS size_class "
      + 'FROM input i LEFT JOIN other o WITHIN 10 SECONDS ON i.id = o.id WHERE a BETWEEN 1 AND 10 AND name LIKE \'x%\' PARTITION BY id EMIT CHANGES';
    for (let i = 0; i < 50; i++) parseStatement(sql);
    const start = performance.now();
    for (let i = 0; i < 500; i++) parseStatement(sql);
    const perStatement = (performance.now() - start) / 500;
    // Milliseconds; typically well under 1. A loose bound: it catches runaway lookahead, not noise.
    expect(perStatement).toBeLessThan(20);
  });
});
