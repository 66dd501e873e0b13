// The running part of a connector: what its class builds once it has checked the config. The
// host (connector-host.ts) starts and stops it, here or on whichever instance holds its lease.
import type { Log } from '../../log/log.js';
import type { ConnectorStatus } from './connector-status.js';

export interface ConnectorTask {
  /** Starts connecting in the background; progress and failures go to the status. */
  start(): void;
  /** Stops within `timeoutMs`: what is not in the Log by then is not acknowledged upstream. */
  stop(timeoutMs: number): Promise<void>;
}

export interface TaskContext {
  log: Log;
  status: ConnectorStatus;
}
