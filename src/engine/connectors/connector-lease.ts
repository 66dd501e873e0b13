// One runner per connector in a durable service. Every instance joins the connector's consumer
// group (_eddy_<service>_connector_<name>) on a one-partition topic; the group gives that
// partition to exactly one member, and that member runs the connector. When it leaves or dies
// (its session times out), the group gives the partition to another instance, which starts the
// connector there — with the same MQTT client id, so it resumes the broker's session. Nothing is
// ever written to the partition: the group's assignment is the lease.
import type { Consumer, Log } from '../../log/log.js';
import { createTopicIfAbsent } from '../../log/create-topic-if-absent.js';

const POLL_MS = 500;
const RETRY_MS = 2000;

export const leaseTopic = (serviceId: string): string => `_eddy_${serviceId}_connectors`;
export const leaseGroup = (serviceId: string, name: string): string => `_eddy_${serviceId}_connector_${name}`;

export async function ensureLeaseTopic(log: Log, serviceId: string): Promise<void> {
  await createTopicIfAbsent(log, leaseTopic(serviceId), { partitions: 1, config: { 'cleanup.policy': 'delete' } });
}

export interface LeaseHolder {
  /** This instance got the lease: start the connector. */
  acquired(): void;
  /** This instance lost the lease (or is stopping): stop the connector before returning. */
  released(): Promise<void>;
}

export class ConnectorLease {
  private stopped = false;
  private held = false;
  private consumer: Consumer | undefined;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly log: Log, private readonly serviceId: string, private readonly name: string, private readonly holder: LeaseHolder) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    const c = this.consumer;
    if (c) await c.close().catch(() => undefined); // ends a poll that waits
    await this.loop;
    if (this.held) { this.held = false; await this.holder.released(); }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        this.consumer = this.log.consumer({ groupId: leaseGroup(this.serviceId, this.name), topics: [leaseTopic(this.serviceId)] });
        while (!this.stopped) {
          await this.consumer.poll({ maxWaitMs: POLL_MS });
          if (this.stopped) break;
          const owns = this.consumer.assignment().some((tp) => tp.partition === 0);
          if (owns && !this.held) { this.held = true; this.holder.acquired(); }
          if (!owns && this.held) { this.held = false; await this.holder.released(); }
        }
        await this.consumer.close();
      } catch {
        // The group is unreachable (broker away): another instance may get the lease, so let go.
        if (this.held) { this.held = false; await this.holder.released(); }
        await this.consumer?.close().catch(() => undefined);
        this.consumer = undefined;
        if (!this.stopped) await new Promise<void>((r) => { const t = setTimeout(r, RETRY_MS); this.wake = () => { clearTimeout(t); r(); }; });
      }
    }
  }
}
