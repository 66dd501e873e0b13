// What a running connector reports: its state in Kafka Connect's words where they fit, the
// reason when it is not RUNNING, and counters. DESCRIBE CONNECTOR and SHOW CONNECTORS read it.

/**
 * CONNECTING: first attempt under way. RUNNING: connected and subscribed. RECONNECTING: lost its
 * broker, retrying. FAILED: stopped for good, or never connected yet (retrying: the trace says
 * so). UNASSIGNED: another instance of the service runs it. STOPPED: dropped or engine closed.
 */
export type ConnectorState = 'CONNECTING' | 'RUNNING' | 'RECONNECTING' | 'FAILED' | 'UNASSIGNED' | 'STOPPED';

export interface ConnectorCounters {
  /** Messages received from the external system. */
  messagesIn: number;
  /** Records the Log has (acknowledged upstream only after that). */
  recordsWritten: number;
  /** Failed attempts: connection errors, Log writes retried or given up. */
  errors: number;
  lastError?: string;
  lastErrorAt?: number;
}

export interface ConnectorStatusSnapshot extends ConnectorCounters {
  state: ConnectorState;
  /** Why it is not RUNNING (FAILED, RECONNECTING). */
  trace?: string;
  /** The instance running it (its instance id), as Connect's worker_id. */
  workerId: string;
  since: number;
}

export class ConnectorStatus {
  state: ConnectorState = 'CONNECTING';
  trace: string | undefined;
  since = Date.now();
  readonly counters: ConnectorCounters = { messagesIn: 0, recordsWritten: 0, errors: 0 };

  /** Called after each set() (the status reporter of a durable service). */
  onChange: (() => void) | undefined;

  constructor(readonly workerId: string) {}

  set(state: ConnectorState, trace?: string): void {
    if (state !== this.state) this.since = Date.now();
    const changed = state !== this.state || trace !== this.trace;
    this.state = state;
    this.trace = trace;
    if (changed) this.onChange?.();
  }

  error(message: string): void {
    this.counters.errors++;
    this.counters.lastError = message;
    this.counters.lastErrorAt = Date.now();
  }

  snapshot(): ConnectorStatusSnapshot {
    return { state: this.state, ...(this.trace ? { trace: this.trace } : {}), workerId: this.workerId, since: this.since, ...this.counters };
  }
}
