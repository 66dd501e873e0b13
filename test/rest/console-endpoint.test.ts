// The console's files on the REST port: the page at /, its files under /console/, the right
// content types, nothing outside the build, and a clear answer when the console is not built.
import { afterAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleDir, registerConsole } from '../../server/rest/console-endpoint.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function serve(files: Record<string, string>): Promise<ReturnType<typeof Fastify>> {
  const dir = mkdtempSync(join(tmpdir(), 'eddy-console-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const app = Fastify();
  registerConsole(app, dir);
  await app.ready();
  return app;
}

describe('console endpoint', () => {
  it('serves the page and its files with their content types', async () => {
    const app = await serve({ 'index.html': '<!doctype html><p>hi', 'main.js': 'export {}', 'style.css': 'p{}' });
    const page = await app.inject({ url: '/' });
    expect([page.statusCode, page.headers['content-type'], page.body]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><p>hi']);
    expect((await app.inject({ url: '/console/main.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await app.inject({ url: '/console/style.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    // Only files of the build: no other names, no paths out of it.
    expect((await app.inject({ url: '/console/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/console/..%2Fpackage.json' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/console/main.ts' })).statusCode).toBe(404);
  });

  it('says how to build the console when it is not built', async () => {
    const app = await serve({});
    const page = await app.inject({ url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toMatch(/not built .*run npm run build:console/);
  });

  it('finds the build of this package', () => {
    expect(consoleDir()).toMatch(/[/\\]dist[/\\]console$/);
  });
});
