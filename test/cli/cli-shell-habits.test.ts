// `eddy shell` with the habits ksqlDB CLI and psql users bring, typed through a pipe: shell
// commands (help, \?, \q, \d, \timing, \format, \x), a comment after ';', RUN SCRIPT, and push
// query rows that line up under the header with a closing border.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnEddy, isBuilt, file } from './cli-helpers.js';

beforeAll(() => {
  if (!isBuilt()) throw new Error('dist/ is missing: build Eddy first (npm install, or npx tsc -p .)');
});

const withoutPrompts = (s: string): string => s.replace(/(eddy> |   \.\.\.> )/g, '');
const CREATE = "CREATE STREAM s (id INT KEY, name STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);";
const shell = (...lines: string[]) => spawnEddy(['shell'], lines.join('\n') + '\n');

describe('eddy shell habits', () => {
  it("a -- comment after ';' runs the statement instead of waiting at ...>", async () => {
    const r = await shell(`${CREATE} -- the README's quick start does this`, 'SHOW STREAMS; /* block */ -- and this');
    expect(r.code).toBe(0);
    const out = withoutPrompts(r.stdout);
    expect(out).toContain('Stream created');
    expect(out).toContain('| S ');
    expect(r.stdout).not.toContain('...>');
  });

  it("a ';' inside a string or a comment does not end the statement", async () => {
    const r = await shell(`${CREATE}`, "INSERT INTO s (id, name) VALUES (1, 'a;b'); SELECT id, name FROM s", "-- not the end;", "EMIT CHANGES LIMIT 0;");
    expect(r.stderr).toBe('');
    expect(r.stdout.match(/   \.\.\.> /g)).toHaveLength(2);
  });

  it('help and \\? list the shell commands; \\q leaves and nothing after it runs', async () => {
    const r = await shell('help', '\\?', '\\q', CREATE);
    expect(r.code).toBe(0);
    const out = withoutPrompts(r.stdout);
    expect(out.match(/\\d NAME +Describe a stream or table/g)).toHaveLength(2);
    expect(out).not.toContain('Stream created');
  });

  it('\\d lists streams and tables, \\d NAME describes one', async () => {
    const r = await shell(CREATE, '\\d', '\\d s');
    const out = withoutPrompts(r.stdout);
    expect(out).toContain('| Stream Name ');
    expect(out).toContain('| Table Name ');
    expect(out).toContain('| NAME  | STRING        |');
  });

  it('an unknown shell command says so and the session goes on', async () => {
    const r = await shell('\\dt', CREATE);
    expect(r.stderr).toContain('error: Unknown shell command \\dt: type help or \\? for the list');
    expect(r.stdout).toContain('Stream created');
  });

  it('\\timing prints how long each statement took, until turned off', async () => {
    const r = await shell('\\timing', CREATE, '\\timing off', 'SHOW STREAMS;');
    const out = withoutPrompts(r.stdout);
    expect(out).toContain('Timing is on.');
    expect(out).toMatch(/Stream created\nTime: \d+\.\d{3} ms/);
    expect(out.match(/Time: /g)).toHaveLength(1);
  });

  it('\\format csv and \\format jsonl change how rows print', async () => {
    const r = await shell("SET 'auto.offset.reset' = 'earliest';", CREATE, "INSERT INTO s (id, name) VALUES (1, 'ann');",
      '\\format csv', 'SELECT id, name FROM s EMIT CHANGES LIMIT 1;', '\\format jsonl', 'SELECT id, name FROM s EMIT CHANGES LIMIT 1;',
      '\\format xml');
    const out = withoutPrompts(r.stdout);
    expect(out).toContain('Output format is csv.\nID,NAME\n1,ann\n');
    expect(out).toContain('Output format is jsonl.\n{"ID":1,"NAME":"ann"}\n');
    expect(r.stderr).toContain("\\format takes table, jsonl, csv, not 'xml'");
  });

  it('\\x prints each row as a block of column | value lines', async () => {
    const r = await shell("SET 'auto.offset.reset' = 'earliest';", CREATE, "INSERT INTO s (id, name) VALUES (1, 'ann');",
      '\\x', 'SELECT id, name FROM s EMIT CHANGES LIMIT 1;');
    expect(withoutPrompts(r.stdout)).toContain('-[ RECORD 1 ]\nID   | 1\nNAME | ann\n');
  });

  it("RUN SCRIPT 'file.sql' runs the file's statements", async () => {
    const path = file('run-script.sql', `${CREATE}\nINSERT INTO s (id, name) VALUES (7, 'zed');\n`);
    const r = await shell("SET 'auto.offset.reset' = 'earliest';", `RUN SCRIPT '${path}';`, '\\format jsonl', 'SELECT id, name FROM s EMIT CHANGES LIMIT 1;');
    expect(r.stderr).not.toContain('error');
    expect(withoutPrompts(r.stdout)).toContain('{"ID":7,"NAME":"zed"}');
  });

  it('push query rows line up under the header, a long value wraps in its cell, and a border closes the table', async () => {
    const long = 'x'.repeat(50);
    const r = await shell("SET 'auto.offset.reset' = 'earliest';", CREATE, `INSERT INTO s (id, name) VALUES (1, '${long}');`,
      "INSERT INTO s (id, name) VALUES (22, 'bo');", 'SELECT id, name FROM s EMIT CHANGES LIMIT 2;');
    const out = withoutPrompts(r.stdout);
    const w = 36; // (80 - 1) / 2 columns - 3: each column an equal share of an 80-column terminal
    const border = `+${'-'.repeat(w + 2)}+${'-'.repeat(w + 2)}+`;
    const row = (a: string, b: string) => `| ${a.padEnd(w)} | ${b.padEnd(w)} |`;
    expect(out).toContain([border, row('ID', 'NAME'), border, row('1', long.slice(0, w)), row('', long.slice(w)),
      row('22', 'bo'), border, '(2 rows)'].join('\n'));
  });
});
