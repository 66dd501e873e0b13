// The service's command topic: every accepted DDL and persistent statement, in order, in one
// partition. An instance replays it on start and follows it while running, so all instances of a
// service share one catalog and a restart loses nothing (queries resume from committed offsets).
import type { Log } from '../log/log.js';
import { createTopicIfAbsent } from '../log/create-topic-if-absent.js';
import { storedPlanOrUndefined, type StoredPlan } from '../plan/stored-plan.js';

export interface Command {
  /** Unique per statement, so an instance can skip the commands it wrote itself. */
  id: string;
  /** The statement text, after ${variable} substitution. */
  sql: string;
  /** Session properties when it ran (auto.offset.reset etc. must replay the same). */
  properties: Record<string, string>;
  /**
   * With auto.offset.reset=latest: the end offsets of its queries' source topics when it was
   * accepted, so wherever and whenever its queries first run, they start there.
   */
  startOffsets?: Record<string, number[]>;
  /** A persistent query's plan (CREATE ... AS SELECT, INSERT INTO ... SELECT), run as is on replay. */
  plan?: StoredPlan;
}

/** The topic a service's accepted statements go to, in order. */
export const commandTopic = (serviceId: string): string => `_eddy_${serviceId}_commands`;

export class CommandLog {
  readonly topic: string;

  constructor(private readonly log: Log, serviceId: string) {
    this.topic = commandTopic(serviceId);
  }

  async init(): Promise<void> {
    // Instances of a service starting together all create it: whichever wins, all use it.
    await createTopicIfAbsent(this.log, this.topic, { partitions: 1, config: { 'retention.ms': '-1', 'cleanup.policy': 'delete' } });
  }

  /** The offset the next command will get. */
  async end(): Promise<number> {
    return (await this.log.endOffsets(this.topic))[0] ?? 0;
  }

  async append(cmd: Command): Promise<number> {
    const [r] = await this.log.produce(this.topic, [{ key: null, value: Buffer.from(JSON.stringify(cmd)), partition: 0 }]);
    return r.offset;
  }

  /** Commands from `offset` to the current end; a record that is no command comes with its problem. */
  async readFrom(offset: number): Promise<CommandRecord[]> {
    const end = await this.end();
    const out: CommandRecord[] = [];
    let next = offset;
    while (next < end) {
      const batch = await this.log.read(this.topic, 0, next, Math.min(1000, end - next));
      if (batch.length === 0) break;
      for (const r of batch) {
        if (r.value) out.push({ offset: r.offset, ...decodeCommand(Buffer.from(r.value).toString('utf8')) });
      }
      next = batch[batch.length - 1].offset + 1;
    }
    return out;
  }
}

export type CommandRecord = { offset: number } & ({ command: Command; problem?: undefined } | { command?: undefined; problem: string });

/** A command record's JSON, checked for what replaying it needs (anyone can write to the topic). */
function decodeCommand(text: string): { command: Command } | { problem: string } {
  let c: Partial<Command>;
  try {
    c = JSON.parse(text) as Partial<Command>;
  } catch (e) {
    return { problem: `not JSON: ${(e as Error).message}` };
  }
  if (typeof c !== 'object' || c === null || typeof c.sql !== 'string') return { problem: 'not a command (no sql)' };
  const properties = typeof c.properties === 'object' && c.properties !== null ? c.properties : {};
  const startOffsets = offsetsOrUndefined(c.startOffsets);
  const plan = storedPlanOrUndefined(c.plan);
  return { command: { id: String(c.id ?? ''), sql: c.sql, properties, ...(startOffsets ? { startOffsets } : {}), ...(plan ? { plan } : {}) } };
}

function offsetsOrUndefined(o: unknown): Record<string, number[]> | undefined {
  if (typeof o !== 'object' || o === null) return undefined;
  const ok = Object.values(o).every((v) => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0));
  return ok ? o as Record<string, number[]> : undefined;
}

/** Statement kinds that change the service's shared state and so go to the command topic. */
export const DURABLE_KINDS = new Set(['CreateSource', 'CreateAsSelect', 'InsertInto', 'DropSource', 'Terminate', 'CreateModel', 'DropModel', 'CreateConnector', 'DropConnector', 'CreateType', 'DropType']);
