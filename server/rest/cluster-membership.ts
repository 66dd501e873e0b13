// The instances of a service, for /clusterStatus (ksqlDB lists its cluster's hosts there, from
// heartbeats): each durable server writes a heartbeat — its REST address, instance id and start
// time — to the compacted topic _eddy_<service>_instances every 2 s, and a tombstone when it
// stops; an instance counts as alive while its last heartbeat is under 10 s old. An embedded
// server is alone: it lists itself.
import type { Engine } from '../../src/engine/engine.js';
import { latestByKey } from '../../src/log/latest-by-key.js';

const HEARTBEAT_MS = 2000;
const ALIVE_MS = 10_000;
/** Heartbeats read back: the newest of the topic (compaction keeps it short in the end). */
const READ_BACK = 2000;
/** Longest a stopping server waits to write its tombstone. */
const STOP_LIMIT_MS = 2000;

/** `p`, or nothing after `ms` (and never a rejection). */
async function withLimit(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p.catch(() => undefined), new Promise((r) => { timer = setTimeout(r, ms); })]);
  clearTimeout(timer);
}

export interface Member { instanceId: string; url: string; hostPort: string; startedAt: number; lastSeen: number; alive: boolean; self: boolean }

export class ClusterMembership {
  private timer: NodeJS.Timeout | undefined;
  private readonly topic: string;
  private readonly startedAt = Date.now();
  private started = false;
  private beating = false;

  constructor(private readonly engine: Engine, private readonly self: { url: string; hostPort: string }) {
    this.topic = `_eddy_${engine.state.serviceId}_instances`;
  }

  private get durable(): boolean { return this.engine.state.durable; }

  async start(): Promise<void> {
    if (!this.durable) return;
    await this.engine.log.createTopic(this.topic, { partitions: 1, config: { 'cleanup.policy': 'compact' } }).catch(() => undefined); // exists: another instance made it
    this.started = true;
    await this.beat();
    this.timer = setInterval(() => { void this.beat(); }, HEARTBEAT_MS);
    this.timer.unref();
  }

  /** The instances heard from lately (alive or not), this one first. */
  async members(): Promise<Member[]> {
    const me: Member = { instanceId: this.engine.state.instanceId, ...this.self, startedAt: this.startedAt, lastSeen: Date.now(), alive: true, self: true };
    if (!this.started) return [me];
    let last;
    try {
      last = await latestByKey(this.engine.log, this.topic, READ_BACK);
    } catch {
      return [me]; // the log is away: say what this instance knows
    }
    const now = Date.now();
    const others: Member[] = [];
    for (const [id, r] of last) {
      if (id === me.instanceId || r.value === null) continue; // null: a tombstone, it stopped
      const value = JSON.parse(Buffer.from(r.value).toString('utf8')) as Omit<Member, 'lastSeen' | 'alive' | 'self'>;
      others.push({ ...value, lastSeen: r.timestamp, alive: now - r.timestamp < ALIVE_MS, self: false });
    }
    return [me, ...others.sort((a, b) => a.hostPort.localeCompare(b.hostPort))];
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (!this.started) return;
    this.started = false;
    // The tombstone tells the others at once; with the log away they see the heartbeats stop.
    await withLimit(this.engine.log.produce(this.topic, [{ key: Buffer.from(this.engine.state.instanceId), value: null }]), STOP_LIMIT_MS);
  }

  private async beat(): Promise<void> {
    if (this.beating) return; // the last one still waits for the log: no pile of beats
    this.beating = true;
    const value = { instanceId: this.engine.state.instanceId, url: this.self.url, hostPort: this.self.hostPort, startedAt: this.startedAt };
    try {
      // A failed beat is skipped: the next one tells the others this instance is still here.
      await this.engine.log.produce(this.topic, [{ key: Buffer.from(value.instanceId), value: Buffer.from(JSON.stringify(value)) }]).catch(() => undefined);
    } finally {
      this.beating = false;
    }
  }
}
