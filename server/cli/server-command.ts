// `eddy server`: an engine instance with no UI. It replays the service's command topic, resumes
// every persistent query from its committed offsets, follows new statements, and runs until
// SIGINT/SIGTERM. (The REST and Postgres endpoints come in later issues.)
import { Engine } from '../../src/engine/engine.js';
import type { ParsedArgs } from './args.js';
import type { Out } from './print-result.js';
import { SERVER_HELP } from './help.js';
import { connectionFromArgs, type Connection } from './connection.js';
import { shutDown, shutdownTimeoutMs } from './shutdown.js';
import { propertiesFromFlags, functionsDir } from './properties-flag.js';
import { formatError } from './format-error.js';

export async function serverCommand(args: ParsedArgs, out: Out, stop: Promise<void> = signalled()): Promise<number> {
  if (args.flags.has('help')) { out.stdout(SERVER_HELP); return 0; }
  let engine: Engine;
  let conn: Connection | undefined;
  let properties: Record<string, string> = propertiesFromFlags(args);
  try {
    conn = connectionFromArgs(args);
    properties = { ...conn.properties, ...properties };
    engine = await Engine.create({
      ...conn.options, properties, functionsDir: functionsDir(args),
      onProcessingLog: (e) => out.stderr(`processing log: ${e.queryId} ${e.type}: ${e.message}${e.topic ? ` (${e.topic}/${e.partition}@${e.offset})` : ''}`),
    });
    out.stderr(`Eddy server on ${conn.describe}: ${[...engine.state.queries.keys()].length} persistent queries running.`);
  } catch (e) {
    out.stderr(formatError(e, undefined));
    await shutDown(undefined, conn, shutdownTimeoutMs(properties), out);
    return 1;
  }
  await stop;
  out.stderr('Eddy server stopping.');
  await shutDown(engine, conn, shutdownTimeoutMs(properties), out);
  return 0;
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
