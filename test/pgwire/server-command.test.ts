// `eddy server` serves the Postgres wire protocol beside the REST API.
import { describe, it, expect } from 'vitest';
import { serverCommand } from '../../server/cli/server-command.js';
import { parseArgs } from '../../server/cli/args.js';
import { psql } from './pg-helpers.js';
import { setUser } from '../../server/rest/auth-users-file.js';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `eddy server ARGS` in this process until `use` (given its start line) is done. */
async function withServer(argv: string[], use: (startLine: string) => Promise<void>): Promise<number> {
  let stop!: () => void;
  const stopped = new Promise<void>((r) => { stop = r; });
  let used: Promise<void> | undefined;
  const code = serverCommand(parseArgs(argv, new Set()), {
    stdout: () => undefined,
    stderr: (l) => { if (l.startsWith('Eddy server on')) used = use(l).finally(stop); },
  }, stopped);
  const result = await code;
  await used;
  return result;
}

describe('eddy server --pg-port', () => {
  it('says where its Postgres endpoint is, and psql runs statements there', async () => {
    let out = '';
    const code = await withServer(['--http-port', '0', '--pg-port', '0'], async (line) => {
      const port = Number(/Postgres at postgresql:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1]);
      expect(port).toBeGreaterThan(0);
      out = (await psql(port, ['-c', `CREATE STREAM t (id INT KEY) WITH (kafka_topic='t', value_format='JSON', partitions=1); INSERT INTO t (id) VALUES (5); SELECT id FROM t;`])).stdout;
    });
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual(['CREATE STREAM', 'INSERT 0 1', '5']);
  });

  it('has no Postgres endpoint with --no-pg', async () => {
    let line = '';
    await withServer(['--http-port', '0', '--no-pg'], async (l) => { line = l; });
    expect(line).toContain('REST API at');
    expect(line).not.toContain('Postgres');
  });

  it('rejects a --pg-port that is not a port number', async () => {
    const err: string[] = [];
    const code = await serverCommand(parseArgs(['--http-port', '0', '--pg-port', 'x'], new Set()), { stdout: () => undefined, stderr: (l) => err.push(l) }, new Promise(() => undefined));
    expect(code).toBe(1);
    expect(err.join('\n')).toContain("--pg-port must be a port number (0 to 65535), not 'x'");
  });
});

describe('eddy server --users', () => {
  it('opens the Postgres endpoint with SCRAM-SHA-256 logins as the users of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-pg-users-'));
    const users = join(dir, 'users.txt');
    await setUser(users, 'dana', 'pw');
    const results: { code: number; stderr: string }[] = [];
    const code = await withServer(['--http-port', '0', '--pg-port', '0', '--users', users], async (line) => {
      const port = Number(/Postgres at postgresql:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1]);
      expect(port).toBeGreaterThan(0);
      const as = (password: string): Promise<{ code: number; stderr: string }> => new Promise((resolve) => {
        execFile('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'dana', '-d', 'eddy', '-X', '-w', '-c', 'SHOW STREAMS;'],
          { timeout: 20_000, env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '5' } },
          (err, _stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }));
      });
      results.push(await as('pw'), await as('not pw'));
    });
    expect(code).toBe(0);
    expect(results[0]).toEqual({ code: 0, stderr: '' });
    expect(results[1].code).toBe(2);
    expect(results[1].stderr).toContain('password authentication failed for user "dana"');
  });
});
