// A created connector on this instance: its definition, its status, and its task — run here
// directly (embedded engine), or only while this instance holds the connector's lease (durable
// service: connector-lease.ts), so one instance of the service runs it at a time.
import type { Log } from '../../log/log.js';
import type { ConnectorConfig } from './connector-config.js';
import type { CheckedConnector } from './connector-classes.js';
import type { ConnectorTask } from './connector-task.js';
import { ConnectorStatus, type ConnectorStatusSnapshot } from './connector-status.js';
import { ConnectorLease } from './connector-lease.js';
import { StatusReporter, reportedStatus, statusTopic } from './connector-status-topic.js';

export interface ConnectorDef {
  name: string;
  type: 'SOURCE' | 'SINK';
  /** The canonical class name (MqttSource). */
  className: string;
  /** As written in the WITH list, lower-case keys (secrets unmasked: mask before showing). */
  config: ConnectorConfig;
  topics: string[];
}

/** How long a task gets to stop when its lease moves (engine close and DROP give their own). */
const RELEASE_TIMEOUT_MS = 5000;

export class ConnectorHost {
  readonly status: ConnectorStatus;
  private task: ConnectorTask | undefined;
  private lease: ConnectorLease | undefined;
  private reporter: StatusReporter | undefined;
  private stopping = false;

  constructor(readonly def: ConnectorDef, private readonly checked: CheckedConnector, private readonly log: Log,
    workerId: string, private readonly service: string | undefined) {
    this.status = new ConnectorStatus(workerId);
  }

  start(): void {
    if (this.service === undefined) { this.run(); return; }
    this.status.set('UNASSIGNED', 'waiting for this instance to get the connector\'s lease, or another instance runs it');
    this.lease = new ConnectorLease(this.log, this.service, this.def.name, {
      acquired: () => this.run(),
      released: () => this.halt(RELEASE_TIMEOUT_MS),
    });
    this.lease.start();
  }

  /** Whether this instance runs the task now. */
  get running(): boolean { return this.task !== undefined; }

  /** Stops the task (and leaves the lease's group) within about `timeoutMs`. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    const t = this.task;
    this.task = undefined;
    const stopped = Promise.all([t?.stop(timeoutMs), this.lease?.stop()]).then(() => undefined);
    // Leaving a group can wait on a broker that is away: the limit holds regardless.
    await Promise.race([stopped, new Promise((r) => setTimeout(r, timeoutMs + 500).unref())]);
    if (this.status.state !== 'FAILED') this.status.set('STOPPED');
    const reporter = this.reporter;
    this.reporter = undefined;
    if (reporter) await Promise.race([reporter.stop(), new Promise((r) => setTimeout(r, 500).unref())]);
  }

  /**
   * The status to show: this instance's when it runs the connector (or is embedded), else the
   * newest the runner reported (durable service), else this instance's (UNASSIGNED).
   */
  async report(): Promise<ConnectorStatusSnapshot & { reportedAt?: number }> {
    if (this.task || this.service === undefined) return this.status.snapshot();
    const reported = await reportedStatus(this.log, this.service, this.def.name).catch(() => undefined);
    return reported ?? this.status.snapshot();
  }

  private run(): void {
    if (this.stopping || this.task) return;
    this.task = this.checked.create({ log: this.log, status: this.status });
    if (this.service !== undefined && !this.reporter) {
      this.reporter = new StatusReporter(this.log, statusTopic(this.service), this.def.name, this.status);
      this.reporter.start();
    }
    this.task.start();
  }

  private async halt(timeoutMs: number): Promise<void> {
    const t = this.task;
    this.task = undefined;
    await t?.stop(timeoutMs);
    if (!this.stopping) this.status.set('UNASSIGNED', 'another instance of the service runs it');
    // Reports stop with the UNASSIGNED above written: the next runner's reports follow it.
    const reporter = this.reporter;
    this.reporter = undefined;
    await reporter?.stop();
  }
}
