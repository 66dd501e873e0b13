// `eddy server` serves the Postgres wire protocol beside the REST API.
import { describe, it, expect } from 'vitest';
import { serverCommand } from '../../server/cli/server-command.js';
import { parseArgs } from '../../server/cli/args.js';
import { psql } from './pg-helpers.js';
import { hashPassword } from '../../server/rest/auth-users-file.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
  it('opens no Postgres endpoint, which would let clients in without a password, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-pg-users-'));
    const users = join(dir, 'users.json');
    writeFileSync(users, `dana:${await hashPassword('pw')}\n`);
    let line = '';
    const code = await withServer(['--http-port', '0', '--pg-port', '0', '--users', users], async (l) => { line = l; });
    expect(code).toBe(0);
    expect(line).toContain('no Postgres endpoint');
    expect(line).not.toContain('postgresql://');
  });
});
