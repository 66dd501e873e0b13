// `eddy shell --server URL`: the real shell, with piped input, against a REST server running in
// this process (an embedded engine): statements run there, SET stays in the session, and a
// server that is not there is a clear error.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnEddy, isBuilt } from './cli-helpers.js';
import { startFixture, type Fixture } from '../rest/rest-fixture.js';

let fx: Fixture;
beforeAll(async () => {
  if (!isBuilt()) throw new Error('dist/ is missing: build Eddy first (npx tsc -p .)');
  fx = await startFixture();
});
afterAll(async () => { await fx?.close(); });

describe('eddy shell --server', { timeout: 60_000 }, () => {
  it('runs statements on the server: a stream created, a row inserted, a push query read, SHOW lists it', async () => {
    const input = [
      "SET 'auto.offset.reset' = 'earliest';",
      "CREATE STREAM shell_remote (id INT KEY, v STRING) WITH (KAFKA_TOPIC='shell_remote', VALUE_FORMAT='JSON', PARTITIONS=1);",
      "INSERT INTO shell_remote (id, v) VALUES (1, 'one');",
      'SELECT id, v FROM shell_remote EMIT CHANGES LIMIT 1;',
      '\\d',
      '',
    ].join('\n');
    const r = await spawnEddy(['shell', '--server', fx.url], input);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Stream created');
    expect(r.stdout).toMatch(/\| 1 +\| one +\|/);
    expect(r.stdout).toContain('SHELL_REMOTE');
    expect(fx.engine.state.catalog.get('SHELL_REMOTE')).toBeDefined();
    // The session's SET went with its requests, not into the server's own properties.
    expect(fx.engine.state.properties['auto.offset.reset']).not.toBe('earliest');
  });

  it('a server that does not answer is an error at start, exit 1', async () => {
    const r = await spawnEddy(['shell', '--server', 'http://127.0.0.1:9'], '');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/127\.0\.0\.1:9|ECONNREFUSED|fetch failed|connect/i);
  });

  it('--server with --brokers is refused: the server has its own log', async () => {
    const r = await spawnEddy(['shell', '--server', fx.url, '--brokers', '127.0.0.1:9092'], '');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--brokers does not go with --server');
  });
});
