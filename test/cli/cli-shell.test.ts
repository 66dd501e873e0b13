// `eddy shell` driven through a pipe, as a user would type: statements end with ';', may span
// lines, a push query with LIMIT prints its rows as a table, errors do not end the session, and
// `exit` leaves with code 0.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnEddy, isBuilt } from './cli-helpers.js';

beforeAll(() => {
  if (!isBuilt()) throw new Error('dist/ is missing: build Eddy first (npm install, or npx tsc -p .)');
});

/** The shell's stdout without its prompts. */
const withoutPrompts = (s: string): string => s.replace(/(eddy> |   \.\.\.> )/g, '');

describe('eddy shell', () => {
  it('runs statements, a multi-line statement and a push query with LIMIT, then exits', async () => {
    const input = [
      "SET 'auto.offset.reset' = 'earliest';",
      'CREATE STREAM s (id INT KEY, name STRING)',
      "  WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);",
      "INSERT INTO s (id, name) VALUES (1, 'ann');",
      "INSERT INTO s (id, name) VALUES (2, 'bob');",
      'SELECT id, UCASE(name) AS name',
      '  FROM s',
      '  EMIT CHANGES LIMIT 2;',
      'exit',
      "SHOW STREAMS; -- after exit: never runs",
      '',
    ].join('\n');
    const r = await spawnEddy(['shell'], input);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = withoutPrompts(r.stdout);
    expect(out).toContain("Successfully changed local property 'auto.offset.reset' to 'earliest'.\n");
    expect(out).toContain('Stream created\n');
    // Rows print as they arrive, each column an equal share of the (80-column) terminal.
    const border = `+${'-'.repeat(38)}+${'-'.repeat(38)}+`;
    const row = (a: string, b: string) => `| ${a.padEnd(36)} | ${b.padEnd(36)} |`;
    expect(out).toContain([border, row('ID', 'NAME'), border, row('1', 'ANN'), row('2', 'BOB'), border, '(2 rows)'].join('\n'));
    expect(out).not.toContain('Stream Name');
    // One prompt per line read, with the continuation prompt on the lines of unfinished statements.
    expect(r.stdout.match(/   \.\.\.> /g)).toHaveLength(3);
  });

  it('prints a table for SHOW and DESCRIBE', async () => {
    const input = [
      "CREATE TABLE t (k STRING PRIMARY KEY, v INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', PARTITIONS=2);",
      'DESCRIBE t;',
      'SHOW TOPICS;',
      'exit',
    ].join('\n');
    const r = await spawnEddy(['shell'], input);
    expect(r.code).toBe(0);
    const out = withoutPrompts(r.stdout);
    expect(out).toContain([
      '+-------+----------------------+',
      '| Field | Type                 |',
      '+-------+----------------------+',
      '| K     | STRING (primary key) |',
      '| V     | INTEGER              |',
      '+-------+----------------------+',
    ].join('\n'));
    expect(out).toContain([
      '+-------------+------------+--------------------+',
      '| Kafka Topic | Partitions | Partition Replicas |',
      '+-------------+------------+--------------------+',
      '| t           | 2          | 1                  |',
      '+-------------+------------+--------------------+',
    ].join('\n'));
  });

  it('an error is printed and the session goes on', async () => {
    const input = [
      'SELECT * FROM nowhere EMIT CHANGES LIMIT 1;',
      "CREATE STREAM s (id INT KEY) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);",
      'exit',
    ].join('\n');
    const r = await spawnEddy(['shell'], input);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/error: .*NOWHERE/);
    expect(withoutPrompts(r.stdout)).toContain('Stream created');
  });

  it('end of input (Ctrl-D) leaves like exit, running a last statement without a semicolon', async () => {
    const r = await spawnEddy(['shell'], "CREATE STREAM s (id INT KEY) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1)");
    expect(r.code).toBe(0);
    expect(withoutPrompts(r.stdout)).toContain('Stream created');
  });
});
