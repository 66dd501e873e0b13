// Serves the web console (console/, built into dist/console/ by `npm run build:console`): the
// page at GET /, its files at GET /console/<file>. Behind the REST server's authentication like
// every endpoint. Without a build, / says how to make one.
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
};
const FILE = /^[a-z0-9-]+\.(html|js|css|map)$/;

/** dist/console of the Eddy package this file belongs to (run from source or from dist/). */
export function consoleDir(): string {
  return join(packageRoot(), 'dist', 'console');
}

export function registerConsole(app: FastifyInstance, dir = consoleDir()): void {
  // Read on each request, not cached: a rebuild shows without a restart (the files are small).
  const send = (name: string): { body: Buffer; type: string } | undefined => {
    const path = join(dir, name);
    if (!existsSync(path)) return undefined;
    return { body: readFileSync(path), type: TYPES[name.slice(name.lastIndexOf('.') + 1)] };
  };
  app.get('/', async (_req, reply) => {
    const page = send('index.html');
    if (!page) {
      return reply.code(503).type('text/plain; charset=utf-8')
        .send(`The web console is not built (no ${join(dir, 'index.html')}): run npm run build:console.\n`);
    }
    return reply.type(page.type).header('cache-control', 'no-cache').send(page.body);
  });
  app.get<{ Params: { file: string } }>('/console/:file', async (req, reply) => {
    const name = req.params.file;
    const file = FILE.test(name) ? send(name) : undefined;
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send(`No console file ${name}\n`);
    return reply.type(file.type).header('cache-control', 'no-cache').send(file.body);
  });
}
