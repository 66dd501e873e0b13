// `eddy server`: an engine instance serving ksqlDB's REST API (server/rest). On Kafka it replays
// the service's command topic, resumes every persistent query from its committed offsets and
// follows new statements; without --brokers it runs on the embedded log (state lost on exit).
// Runs until SIGINT/SIGTERM. It also speaks the Postgres wire protocol (server/pgwire) unless --no-pg.
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { Engine } from '../../src/engine/engine.js';
import type { ParsedArgs } from './args.js';
import type { Out } from './print-result.js';
import { SERVER_HELP } from './help.js';
import { connectionFromArgs, type Connection } from './connection.js';
import { FORCED_EXIT, shutDown, shutdownTimeoutMs } from './shutdown.js';
import { propertiesFromFlags, functionsDir } from './properties-flag.js';
import { formatError } from './format-error.js';
import { startRestServer, type RestServer } from '../rest/rest-server.js';
import { startPgServer, type PgServer } from '../pgwire/pg-server.js';
import { UsersFile } from '../rest/auth-users-file.js';
import { SqlError } from '../../src/types/sql-error.js';

const DEFAULT_HTTP_PORT = 8088;
const DEFAULT_PG_PORT = 5433;

/** `stop`: when to stop (SIGINT/SIGTERM); `again`: a second stop while closing, which exits at once. */
export async function serverCommand(args: ParsedArgs, out: Out, stop: Promise<void> = nextSignal().signal, again: () => NextSignal = nextSignal): Promise<number> {
  if (args.flags.has('help')) { out.stdout(SERVER_HELP); return 0; }
  let engine: Engine | undefined;
  let conn: Connection | undefined;
  let rest: RestServer | undefined;
  let pgServer: PgServer | undefined;
  let properties: Record<string, string> = propertiesFromFlags(args);
  try {
    conn = connectionFromArgs(args);
    properties = { ...conn.properties, ...properties };
    engine = await Engine.create({
      ...conn.options, properties, functionsDir: functionsDir(args),
      onProcessingLog: (e) => out.stderr(`processing log: ${e.queryId} ${e.type}: ${e.message}${e.topic ? ` (${e.topic}/${e.partition}@${e.offset})` : ''}`),
    });
    const host = stringFlag(args, 'host') ?? '127.0.0.1';
    const tls = tlsFiles(args);
    const usersFile = stringFlag(args, 'users');
    rest = await startRestServer(engine, {
      host, port: port(args, 'http-port', DEFAULT_HTTP_PORT), tls, usersFile, log: conn.describe,
    });
    // The same certificate and users as REST: TLS on SSLRequest, SCRAM-SHA-256 logins (else trust).
    if (!args.flags.has('no-pg')) {
      pgServer = await startPgServer(engine, {
        host, port: port(args, 'pg-port', DEFAULT_PG_PORT),
        ...(tls ? { tls } : {}),
        ...(usersFile !== undefined ? { users: await UsersFile.load(usersFile) } : {}),
      });
    }
    const lost = conn.options.durable ? '' : ' (its state is lost when it stops)';
    // Each address ends at a space: scripts cut them out of this line.
    const pgAt = pgServer ? ` and Postgres at postgresql://${host}:${pgServer.port}` : '';
    out.stderr(`Eddy server on ${conn.describe}${lost}: ${[...engine.state.queries.keys()].length} persistent queries running; REST API at ${rest.url}${pgAt}`);
  } catch (e) {
    out.stderr(formatError(e, undefined));
    await rest?.close().catch(() => undefined);
    await pgServer?.close().catch(() => undefined);
    await shutDown(engine, conn, shutdownTimeoutMs(properties), out);
    return 1;
  }
  await stop;
  out.stderr('Eddy server stopping.');
  const force = again();
  try {
    // The endpoints wait for their clients' requests to end (a push query streaming to one).
    const endpoints = Promise.all([
      rest.close().catch((e: Error) => out.stderr(`eddy: closing the REST API: ${e.message}`)),
      pgServer?.close().catch((e: Error) => out.stderr(`eddy: closing the Postgres endpoint: ${e.message}`)),
    ]);
    if (await Promise.race([endpoints.then(() => false), force.signal.then(() => true)])) {
      out.stderr(FORCED_EXIT);
      return 0;
    }
    await shutDown(engine, conn, shutdownTimeoutMs(properties), out, force.signal);
    return 0;
  } finally {
    force.dispose();
  }
}

function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function port(args: ParsedArgs, flag: string, byDefault: number): number {
  const v = stringFlag(args, flag);
  if (v === undefined) return byDefault;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new SqlError('INVALID_PROPERTY', `--${flag} must be a port number (0 to 65535), not '${v}'`);
  return n;
}

/** The certificate and key of --tls-cert and --tls-key, read now so a bad path fails the start. */
function tlsFiles(args: ParsedArgs): { cert: Buffer; key: Buffer } | undefined {
  const cert = stringFlag(args, 'tls-cert');
  const key = stringFlag(args, 'tls-key');
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined || key === undefined) throw new SqlError('INVALID_PROPERTY', '--tls-cert and --tls-key go together: give both files, or neither');
  const read = (flag: string, file: string): Buffer => {
    try { return readFileSync(file); } catch (e) { throw new SqlError('IO_ERROR', `${flag}: cannot read ${file}: ${(e as Error).message}`); }
  };
  const files = { cert: read('--tls-cert', cert), key: read('--tls-key', key) };
  try {
    createSecureContext(files);
  } catch (e) {
    throw new SqlError('INVALID_PROPERTY', `--tls-cert ${cert} --tls-key ${key}: not a PEM certificate and its private key (${(e as Error).message})`);
  }
  return files;
}

/** The next SIGINT or SIGTERM, and a way to stop listening for it. */
export interface NextSignal { signal: Promise<void>; dispose(): void }

function nextSignal(): NextSignal {
  let heard!: () => void;
  const signal = new Promise<void>((resolve) => { heard = resolve; });
  const on = (): void => heard();
  process.once('SIGINT', on);
  process.once('SIGTERM', on);
  return { signal, dispose: () => { process.off('SIGINT', on); process.off('SIGTERM', on); } };
}
