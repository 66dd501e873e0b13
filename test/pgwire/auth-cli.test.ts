// The built CLI: `eddy users add` writes a user that `eddy server --users FILE --tls-cert --tls-key`
// lets log in over Postgres (SCRAM-SHA-256, over TLS or plain), beside REST with the same user.
import { describe, it, expect, afterAll } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEddy, isBuilt, BIN, ROOT } from '../cli/cli-helpers.js';
import { makeSelfSignedCert } from '../rest/self-signed.js';

const dir = mkdtempSync(join(tmpdir(), 'eddy-pg-auth-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function psql(port: number, conninfo: string, password: string, sql: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('psql', [`host=127.0.0.1 port=${port} user=dana dbname=eddy ${conninfo}`, '-X', '-A', '-t', '-w', '-c', sql],
      { timeout: 20_000, env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '5' } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

describe('eddy server --users FILE (the built CLI)', () => {
  it('serves Postgres logins of the users `eddy users add` wrote, over TLS and in plain text', async () => {
    if (!isBuilt()) throw new Error('dist/ is missing: build Eddy first (npm install, or npx tsc -p .)');
    const users = join(dir, 'users.txt');
    expect(await spawnEddy(['users', 'add', 'dana', '--users', users], 's3cret pass\n')).toMatchObject({ code: 0 });
    const { certFile, keyFile } = await makeSelfSignedCert(dir);
    const child = spawn(process.execPath, [BIN, 'server', '--http-port', '0', '--pg-port', '0', '--users', users, '--tls-cert', certFile, '--tls-key', keyFile], { cwd: ROOT });
    try {
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      for (let i = 0; i < 150 && !/Postgres at postgresql:\/\/127\.0\.0\.1:\d+/.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
      const port = Number(/Postgres at postgresql:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]);
      expect(port, stderr).toBeGreaterThan(0);

      const tls = await psql(port, 'sslmode=require', 's3cret pass', '\\conninfo');
      expect(tls.stderr).toBe('');
      expect(tls.stdout).toContain('SSL connection');
      const plain = await psql(port, 'sslmode=disable', 's3cret pass', 'SHOW STREAMS;');
      expect(plain).toMatchObject({ code: 0, stderr: '' });
      const wrong = await psql(port, 'sslmode=require', 'wrong', 'SHOW STREAMS;');
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('password authentication failed for user "dana"');
    } finally {
      const exited = new Promise((r) => child.once('close', r));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
