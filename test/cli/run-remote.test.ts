// `eddy run --server URL FILE.sql`: the real binary sends a saved script to a REST server running
// in this process (an embedded engine), as a team deploys the SQL it keeps in its repo.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnEddy, eddy, file, isBuilt } from './cli-helpers.js';
import { createServer } from 'node:net';
import { Engine } from '../../src/engine/engine.js';
import { startRestServer } from '../../server/rest/rest-server.js';
import { startFixture, ksql, eventually, type Fixture } from '../rest/rest-fixture.js';

let fx: Fixture;
beforeAll(async () => {
  if (!isBuilt()) throw new Error('dist/ is missing: build Eddy first (npx tsc -p .)');
  fx = await startFixture();
});
afterAll(async () => { await fx?.close(); });

const names = async (what: 'STREAMS' | 'TABLES'): Promise<string[]> =>
  ((await ksql(fx.url, `SHOW ${what};`))[0][what.toLowerCase()] as { name: string }[]).map((s) => s.name);

describe('eddy run --server', { timeout: 60_000 }, () => {
  it('applies a script to the server, prints results as the local CLI does, and exits 0', async () => {
    const path = file('remote-ok.sql', `SET 'auto.offset.reset' = 'earliest';
DEFINE tname = 'remote_ok_s';
CREATE STREAM remote_ok (id INT KEY, city STRING, v DOUBLE) WITH (KAFKA_TOPIC='\${tname}', VALUE_FORMAT='JSON', PARTITIONS=1);
INSERT INTO remote_ok (id, city, v) VALUES (1, 'Oslo', 1.0);
INSERT INTO remote_ok (id, city, v) VALUES (2, 'Lima', 2.5);
CREATE TABLE remote_per_city AS SELECT city, COUNT(*) AS n FROM remote_ok GROUP BY city EMIT CHANGES;
SELECT * FROM remote_per_city WHERE city = 'Oslo';
SELECT id, v FROM remote_ok EMIT CHANGES LIMIT 2;
`);
    const r = await spawnEddy(['run', '--server', fx.url, path]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      "Successfully changed local property 'auto.offset.reset' to 'earliest'.",
      'Stream created',
      'Created query with ID CTAS_REMOTE_PER_CITY_0',
      '+------+---+', '| CITY | N |', '+------+---+', '| Oslo | 1 |', '+------+---+',
      '+----+-----+', '| ID | V   |', '+----+-----+', '| 1  | 1.0 |', '| 2  | 2.5 |', '+----+-----+',
      'Limit reached: 2 rows.',
      '',
    ].join('\n'));
    // The effects live on in the server, and the script's SET and DEFINE did not leak into it.
    expect(await names('TABLES')).toContain('REMOTE_PER_CITY');
    expect(fx.engine.state.catalog.get('REMOTE_OK')?.topic).toBe('remote_ok_s');
    expect(fx.engine.state.properties['auto.offset.reset']).not.toBe('earliest');
    expect(fx.engine.state.variables.has('TNAME')).toBe(false);
  });

  it('--define gives the script variables, sent with its requests and not kept by the server', async () => {
    const path = file('remote-define.sql', `CREATE STREAM remote_def (id INT KEY) WITH (KAFKA_TOPIC='\${tname}', VALUE_FORMAT='JSON', PARTITIONS=1);\n`);
    const r = await spawnEddy(['run', '--server', fx.url, path, '--define', 'tname=remote_def_topic']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fx.engine.state.catalog.get('REMOTE_DEF')?.topic).toBe('remote_def_topic');
    expect(fx.engine.state.variables.has('TNAME')).toBe(false);
  });

  it('a failing statement exits 1 with its file line and column, and the statements after it do not run', async () => {
    const path = file('remote-bad.sql', `CREATE STREAM remote_bad (id INT KEY) WITH (KAFKA_TOPIC='remote_bad', VALUE_FORMAT='JSON', PARTITIONS=1);

CREATE STREAM remote_bad_out AS
  SELECT nope FROM remote_bad EMIT CHANGES;
CREATE STREAM remote_never (id INT KEY) WITH (KAFKA_TOPIC='remote_never', VALUE_FORMAT='JSON', PARTITIONS=1);
`);
    const r = await spawnEddy(['run', '--server', fx.url, path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Stream created\n');
    expect(r.stderr).toContain(`${path}:4:10: error: Column 'NOPE' cannot be resolved`);
    expect(r.stderr).toContain('  SELECT nope FROM remote_bad EMIT CHANGES;\n           ^');
    const streams = await names('STREAMS');
    expect(streams).toContain('REMOTE_BAD');
    expect(streams).not.toContain('REMOTE_NEVER');
  });

  it('a push query without LIMIT is refused with its line, as in a local run', async () => {
    const path = file('remote-nolimit.sql', `SELECT * FROM remote_ok EMIT CHANGES;\n`);
    const r = await spawnEddy(['run', '--server', fx.url, path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}:1:1: error: A push query in a script needs a LIMIT`);
  });

  it('with --timeout, a push query without LIMIT stops after that long and is closed on the server', async () => {
    const path = file('remote-timeout.sql', `SET 'auto.offset.reset' = 'earliest';\nSELECT id FROM remote_ok EMIT CHANGES;\n`);
    const r = await spawnEddy(['run', '--server', fx.url, '--timeout', '1s', path]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| 1  |\n| 2  |');
    expect(r.stdout).toContain('Stopped after --timeout 1000 ms: 2 rows.');
    await eventually(() => [...fx.engine.state.queries.values()].every((q) => q.kind !== 'PUSH'));
  });

  it('--brokers with --server is refused rather than silently ignored', async () => {
    const r = await eddy('run', file('remote-brokers.sql', 'SHOW STREAMS;\n'), '--server', fx.url, '--brokers', '127.0.0.1:9092');
    expect(r.code).toBe(2);
    expect(r.stderr.join('\n')).toContain('eddy run: --brokers does not go with --server');
  });

  it('a server that asks for a password: user:password@ in the URL signs in, no password is refused', async () => {
    const users = file('remote-users.txt', '');
    expect((await spawnEddy(['users', 'add', 'deployer', '--users', users], 'pa:ss word\n')).code).toBe(0);
    const engine = await Engine.create({});
    const server = await startRestServer(engine, { port: 0, usersFile: users });
    try {
      const path = file('remote-auth.sql', `CREATE STREAM remote_auth (id INT KEY) WITH (KAFKA_TOPIC='remote_auth', VALUE_FORMAT='JSON', PARTITIONS=1);\n`);
      const refused = await spawnEddy(['run', '--server', server.url, path]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Unauthorized: the server wants a user and password');
      expect(engine.state.catalog.get('REMOTE_AUTH')).toBeUndefined();
      const signedIn = server.url.replace('http://', `http://deployer:${encodeURIComponent('pa:ss word')}@`);
      const ok = await spawnEddy(['run', '--server', signedIn, path]);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(engine.state.catalog.get('REMOTE_AUTH')).toBeDefined();
    } finally {
      await server.close();
      await engine.close();
    }
  });

  it('a server that cannot be reached exits 1 and says so', async () => {
    const path = file('remote-down.sql', `SHOW STREAMS;\n`);
    const port = await closedPort();
    const r = await spawnEddy(['run', '--server', `http://127.0.0.1:${port}`, path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot reach http://127.0.0.1:${port}: ECONNREFUSED`);
  });
});

/** A port nothing listens on: one the system gave us, then closed. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
