// The service's command topic: every accepted DDL and persistent statement, in order, in one
// partition. An instance replays it on start and follows it while running, so all instances of a
// service share one catalog and a restart loses nothing (queries resume from committed offsets).
import type { Log } from '../log/log.js';

export interface Command {
  /** Unique per statement, so an instance can skip the commands it wrote itself. */
  id: string;
  /** The statement text, after ${variable} substitution. */
  sql: string;
  /** Session properties when it ran (auto.offset.reset etc. must replay the same). */
  properties: Record<string, string>;
}

export class CommandLog {
  readonly topic: string;

  constructor(private readonly log: Log, serviceId: string) {
    this.topic = `_eddy_${serviceId}_commands`;
  }

  async init(): Promise<void> {
    if (!(await this.log.describeTopic(this.topic))) {
      await this.log.createTopic(this.topic, { partitions: 1, config: { 'retention.ms': '-1', 'cleanup.policy': 'delete' } });
    }
  }

  /** The offset the next command will get. */
  async end(): Promise<number> {
    return (await this.log.endOffsets(this.topic))[0] ?? 0;
  }

  async append(cmd: Command): Promise<number> {
    const [r] = await this.log.produce(this.topic, [{ key: null, value: Buffer.from(JSON.stringify(cmd)), partition: 0 }]);
    return r.offset;
  }

  /** Commands from `offset` to the current end. */
  async readFrom(offset: number): Promise<{ offset: number; command: Command }[]> {
    const end = await this.end();
    const out: { offset: number; command: Command }[] = [];
    let next = offset;
    while (next < end) {
      const batch = await this.log.read(this.topic, 0, next, Math.min(1000, end - next));
      if (batch.length === 0) break;
      for (const r of batch) {
        if (r.value) out.push({ offset: r.offset, command: JSON.parse(Buffer.from(r.value).toString('utf8')) as Command });
      }
      next = batch[batch.length - 1].offset + 1;
    }
    return out;
  }
}

/** Statement kinds that change the service's shared state and so go to the command topic. */
export const DURABLE_KINDS = new Set(['CreateSource', 'CreateAsSelect', 'InsertInto', 'DropSource', 'Terminate', 'CreateModel', 'DropModel']);
