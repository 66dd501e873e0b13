// Where a durable service's instances see the status of connectors they do not run: the runner
// writes its status (state, reason, counters) to the compacted one-partition topic
// _eddy_<service>_connector_status, keyed by connector name, when its state changes and every
// few seconds; the other instances' SHOW and DESCRIBE read the newest one (as Kafka Connect's
// workers share a status topic).
import type { Log } from '../../log/log.js';
import { createTopicIfAbsent } from '../../log/create-topic-if-absent.js';
import { latestByKey } from '../../log/latest-by-key.js';
import type { ConnectorStatus, ConnectorStatusSnapshot } from './connector-status.js';

const REPORT_MS = 5000;
/** How far back from the end a reader looks for a connector's newest status. */
const READ_BACK = 2000;

export const statusTopic = (serviceId: string): string => `_eddy_${serviceId}_connector_status`;

export async function ensureStatusTopic(log: Log, serviceId: string): Promise<void> {
  await createTopicIfAbsent(log, statusTopic(serviceId), { partitions: 1, config: { 'cleanup.policy': 'compact' } });
}

/** A status as reported by the instance running the connector, with when. */
export type ReportedStatus = ConnectorStatusSnapshot & { reportedAt: number };

/** The runner's side: writes the status on each change and every REPORT_MS until stopped. */
export class StatusReporter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly log: Log, private readonly topic: string, private readonly name: string, private readonly status: ConnectorStatus) {}

  start(): void {
    this.status.onChange = () => this.report();
    this.timer = setInterval(() => this.report(), REPORT_MS);
    this.timer.unref();
    this.report();
  }

  /** Writes the final status (e.g. STOPPED, FAILED) and stops reporting. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.status.onChange = undefined;
    this.report();
    await this.writing;
  }

  private report(): void {
    const value = Buffer.from(JSON.stringify({ ...this.status.snapshot(), reportedAt: Date.now() }));
    // One write at a time, in order; a failed one is skipped (the next report says the same, newer).
    this.writing = this.writing.then(() => this.log.produce(this.topic, [{ key: Buffer.from(this.name), value, partition: 0 }]))
      .then(() => undefined, () => undefined);
  }
}

/** The newest status the runner of `name` reported, if any is recent enough to be in reach. */
export async function reportedStatus(log: Log, serviceId: string, name: string): Promise<ReportedStatus | undefined> {
  const value = (await latestByKey(log, statusTopic(serviceId), READ_BACK)).get(name)?.value;
  if (!value) return undefined;
  try { return JSON.parse(Buffer.from(value).toString()) as ReportedStatus; } catch { return undefined; /* not ours */ }
}
