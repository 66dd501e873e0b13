// Shared by the Kafka service tests: `eddy server` instances as real child processes (killed
// with SIGKILL where a test says so), input produced in paced batches, and "has the service
// processed everything" read from Kafka itself: each query's committed offsets against the end
// offsets of the topics it reads.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import kafkajs from 'kafkajs';
import type { KafkaLog } from '../../src/log/kafka-log.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'eddy.js');

export const cliBuilt = (): boolean => existsSync(join(ROOT, 'dist', 'server', 'cli', 'main.js'));

export interface ServerProcess { child: ChildProcess; stderr: () => string; exited: Promise<number | null> }

/** Starts `eddy server` and resolves once it says its queries are running. */
export async function startServer(brokers: string[], serviceId: string, instanceId: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'server', '--brokers', brokers.join(','), '--service-id', serviceId, '--instance-id', instanceId, '--http-port', '0', '--pg-port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`eddy server did not start within 60 s:\n${err}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('Eddy server on')) { clearTimeout(timer); resolve(); }
    });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`eddy server exited (${code}):\n${err}`)); });
  });
  return { child, stderr: () => err, exited };
}

/** kill -9: no shutdown hook runs, nothing is flushed or committed on the way out. */
export async function killNine(s: ServerProcess): Promise<void> {
  s.child.kill('SIGKILL');
  await s.exited;
}

export async function stopServer(s: ServerProcess): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  s.child.kill('SIGTERM');
  const t = setTimeout(() => s.child.kill('SIGKILL'), 20_000);
  await s.exited;
  clearTimeout(t);
}

/** Input record `seq` (0-based): key id-<seq % ids>, region r<seq % regions>, value seq. */
export function inputRecord(seq: number): { key: Buffer; value: Buffer } {
  return { key: Buffer.from(`id-${seq % 37}`), value: Buffer.from(JSON.stringify({ REGION: `r${seq % 5}`, SEQ: seq })) };
}

export const REGIONS = 5;

/** Produces records [from, to) in batches of `batch`, `pauseMs` apart; `onBatch` after each. */
export async function producePaced(log: KafkaLog, topic: string, from: number, to: number, batch: number, pauseMs: number,
  onBatch?: (sent: number) => Promise<void>): Promise<void> {
  for (let s = from; s < to; s += batch) {
    const recs = [];
    for (let i = s; i < Math.min(to, s + batch); i++) recs.push(inputRecord(i));
    await log.produce(topic, recs);
    await onBatch?.(Math.min(to, s + batch));
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

/** Waits until each query group has committed the end of every topic it reads (its input). */
export async function waitProcessed(log: KafkaLog, groups: string[], sources: string[], timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let done = true;
    const topics = (await log.listTopics()).map((t) => t.name);
    for (const g of groups) {
      const reads = [...sources, ...topics.filter((t) => t.startsWith(`${g}-`) && t.endsWith('-repartition'))];
      for (const t of reads) {
        const [ends, committed] = await Promise.all([log.endOffsets(t), log.committedOffsets(g, t)]);
        if (ends.some((e, p) => e > 0 && (committed.get(p) ?? 0) < e)) done = false;
      }
    }
    if (done) return;
    if (Date.now() > deadline) throw new Error(`the service did not process its input within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Every record of a topic (all partitions, read_committed), values parsed as JSON. */
export async function readAll(log: KafkaLog, topic: string): Promise<{ key: string; value: Record<string, unknown> | null }[]> {
  const out: { key: string; value: Record<string, unknown> | null }[] = [];
  const ends = await log.endOffsets(topic);
  for (let p = 0; p < ends.length; p++) {
    let at = 0;
    while (at < ends[p]) {
      const recs = await log.read(topic, p, at, 5000);
      if (recs.length === 0) break;
      for (const r of recs) {
        out.push({ key: r.key ? Buffer.from(r.key).toString() : '', value: r.value ? JSON.parse(Buffer.from(r.value).toString()) as Record<string, unknown> : null });
      }
      at = recs[recs.length - 1].offset + 1;
    }
  }
  return out;
}

/**
 * The partitions each member of a consumer group holds, as the group coordinator describes them;
 * `stableOnly`: none ([]) while the group is rebalancing (members' assignments may be stale).
 */
export async function groupMembers(brokers: string[], groupId: string, stableOnly = false): Promise<number[][]> {
  const admin = new kafkajs.Kafka({ brokers, clientId: 'eddy-test-group-admin', logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    if (stableOnly && groups[0].state !== 'Stable') return [];
    return groups[0].members.map((m) => {
      const a = kafkajs.AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
      return [...new Set(Object.values(a?.assignment ?? {}).flat())].sort();
    });
  } finally {
    await admin.disconnect();
  }
}
