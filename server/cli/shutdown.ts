// Closing an engine and its log on the way out. Closing stops the queries (each commits its
// offsets and leaves its consumer group) and then the log's connections: a connection left open
// keeps the process alive until the broker drops it as idle (connections.max.idle.ms, 10 min).
// A broker that went away can make leaving a group hang on kafkajs's retries, so closing gets a
// limit (eddy.shutdown.timeout.ms); past it the process exits anyway, as after kill -9: nothing
// uncommitted is lost, it is processed again.
import type { Engine } from '../../src/engine/engine.js';
import type { Connection } from './connection.js';
import type { Out } from './print-result.js';

export const SHUTDOWN_TIMEOUT_PROPERTY = 'eddy.shutdown.timeout.ms';
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 30_000;
/** Said when a second SIGINT/SIGTERM ends the closing. */
export const FORCED_EXIT = 'eddy: stopped again while closing; exiting now (what was not committed is processed again).';

/** The shutdown limit from the engine's (or the flags') properties. */
export function shutdownTimeoutMs(properties: Record<string, string>): number {
  const v = Number(properties[SHUTDOWN_TIMEOUT_PROPERTY]);
  return Number.isFinite(v) && v >= 0 ? v : DEFAULT_SHUTDOWN_TIMEOUT_MS;
}

/**
 * Closes the engine (if it was created) and then the connection, within `limitMs`, or until
 * `force` resolves (a second SIGINT or SIGTERM: the user will not wait for the limit).
 */
export async function shutDown(engine: Engine | undefined, conn: Connection | undefined, limitMs: number, out: Out, force?: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'late'>((r) => { timer = setTimeout(() => r('late'), limitMs); });
  const forced = force?.then(() => 'forced' as const) ?? new Promise<never>(() => undefined);
  const closing = (async () => {
    try {
      await engine?.close();
    } finally {
      await conn?.close();
    }
  })();
  closing.catch(() => undefined); // reported below, or too late to matter
  try {
    const end = await Promise.race([closing, limit, forced]);
    if (end === 'late') out.stderr(`eddy: closing did not finish within ${limitMs} ms (${SHUTDOWN_TIMEOUT_PROPERTY}); exiting anyway.`);
    else if (end === 'forced') out.stderr(FORCED_EXIT);
  } catch (e) {
    out.stderr(`eddy: error while closing: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
