// The command line as a user types it: a mistyped flag fails instead of being ignored, --timeout
// ends a push query whose LIMIT never comes, and --output csv. (`eddy shell --brokers`: see
// test/kafka/cli-shell-on-kafka.test.ts.)
import { describe, it, expect } from 'vitest';
import { eddy, file } from './cli-helpers.js';

const CREATE = `CREATE STREAM s (id INT KEY, name STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;
const SCRIPT = `SET 'auto.offset.reset' = 'earliest';
${CREATE}
INSERT INTO s (id, name) VALUES (1, 'ann, "the first"');
`;

describe('eddy flags', () => {
  it('a mistyped flag (--outptu jsonl) is an error naming the flag it resembles, and nothing runs', async () => {
    const r = await eddy('run', file('typo.sql', SCRIPT), '--outptu', 'jsonl');
    expect(r.code).toBe(2);
    expect(r.stdout).toEqual([]);
    expect(r.stderr.join('\n')).toContain('eddy run: unknown option --outptu (did you mean --output?)');
  });

  it('an unknown flag of eddy shell is an error too', async () => {
    const r = await eddy('shell', '--brokerz', 'localhost:9092');
    expect(r.code).toBe(2);
    expect(r.stderr.join('\n')).toContain('eddy shell: unknown option --brokerz (did you mean --brokers?)');
  });

  it('--port for eddy server names the two port flags, not the nearest spelling (--host)', async () => {
    const r = await eddy('server', '--port', '8089');
    expect(r.code).toBe(2);
    expect(r.stderr.join('\n')).toContain('eddy server: unknown option --port (did you mean --http-port or --pg-port?)');
  });

  it('--timeout stops a push query whose LIMIT is never reached, prints its rows, and the script goes on', async () => {
    const script = `${SCRIPT}SELECT id FROM s EMIT CHANGES LIMIT 5;\nSHOW STREAMS;\n`;
    const r = await eddy('run', file('timeout.sql', script), '--timeout', '300ms', '--output', 'jsonl');
    expect(r.code).toBe(0);
    expect(r.stdout[0]).toBe('{"ID":1}');
    expect(r.stderr).toContain('Stopped after --timeout 300 ms: 1 row.');
    expect(r.stdout.some((l) => l.includes('"S"'))).toBe(true); // SHOW STREAMS ran after it
  });

  it('with --timeout a push query needs no LIMIT', async () => {
    const script = `${SCRIPT}SELECT id FROM s EMIT CHANGES;\n`;
    const r = await eddy('run', file('timeout-nolimit.sql', script), '--timeout', '0.2s');
    expect(r.code).toBe(0);
    expect(r.stdout.join('\n')).toContain('Stopped after --timeout 200 ms: 1 row.');
  });

  it("a push query reading from 'latest' that gets no row says, after 5 s, that rows written before it are not read", async () => {
    const script = `CREATE STREAM late (id INT) WITH (KAFKA_TOPIC='late', VALUE_FORMAT='JSON', PARTITIONS=1);
INSERT INTO late (id) VALUES (1);
SELECT id FROM late EMIT CHANGES LIMIT 1;
`;
    const r = await eddy('run', file('latest-hint.sql', script), '--timeout', '5.5s', '--output', 'jsonl');
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual([]);
    expect(r.stderr).toContainEqual(expect.stringMatching(/latest-hint\.sql:3: this push query has had no row for 5 s: it reads only rows written after it started \(auto\.offset\.reset is 'latest'\)\. To read the rows already there, put SET 'auto\.offset\.reset' = 'earliest'; before it\.$/));
    // With 'earliest' it reads the row at once, and says nothing.
    const early = await eddy('run', file('earliest-no-hint.sql', `SET 'auto.offset.reset' = 'earliest';\n${script}`), '--output', 'jsonl');
    expect(early.stdout).toEqual(['{"ID":1}']);
    expect(early.stderr.join('\n')).not.toContain('no row for');
  }, 20_000);

  it('a bad --timeout value is an error, exit 2', async () => {
    const r = await eddy('run', file('timeout-bad.sql', SCRIPT), '--timeout', 'soon');
    expect(r.code).toBe(2);
    expect(r.stderr.join('\n')).toContain("--timeout takes a duration such as 30s, 500ms or 2m, not 'soon'");
  });

  it('--output csv prints a header line and quoted fields, messages on stderr', async () => {
    const r = await eddy('run', file('csv.sql', `${SCRIPT}SELECT id, name FROM s EMIT CHANGES LIMIT 1;\n`), '--output', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual(['ID,NAME', '1,"ann, ""the first"""']);
    expect(r.stderr).toContain('Limit reached: 1 row.');
  });
});
