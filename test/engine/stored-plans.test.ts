// The command topic keeps each persistent query's plan with its version, and a replay runs that
// plan rather than planning the statement again: an Eddy that would plan the statement
// differently (other steps, other internal topics) still runs the query it was given.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { CommandLog, type Command } from '../../src/engine/command-log.js';
import { PLAN_VERSION, restorePlan } from '../../src/plan/stored-plan.js';
import type { SinkStep, Step } from '../../src/plan/physical-plan.js';
import { toTaggedJson } from '../../src/types/tagged-json.js';

const props = { 'auto.offset.reset': 'earliest' };

async function commands(log: MemoryLog, service: string): Promise<Command[]> {
  return (await new CommandLog(log, service).readFrom(0)).map((r) => r.command!);
}

async function sinkValues(log: MemoryLog, topic: string): Promise<string[]> {
  const [end] = await log.endOffsets(topic);
  return (await log.read(topic, 0, 0, end)).map((r) => Buffer.from(r.value!).toString());
}

/** A service `to` whose command topic holds `cmds` (as an older or other Eddy wrote them). */
async function serviceWith(log: MemoryLog, to: string, cmds: Command[]): Promise<void> {
  const c = new CommandLog(log, to);
  await c.init();
  for (const cmd of cmds) await c.append(cmd);
}

describe('stored plans', () => {
  it('keeps each persistent query\'s plan, with its version, in the command topic', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    const running = new Map<string, SinkStep>();
    try {
      await a.executeScript(`
        CREATE STREAM s (id INT KEY, v BIGINT, d DECIMAL(4, 2)) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM corrections (id INT KEY, v BIGINT, d DECIMAL(4, 2)) WITH (KAFKA_TOPIC='corrections', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE TABLE big AS SELECT id, COUNT(*) AS n, SUM(d) AS total FROM s WHERE v > 10000000000 GROUP BY id;
        INSERT INTO s SELECT id, v + 1 AS v, d FROM corrections WHERE v < 0;`);
      for (const q of a.state.queries.values()) running.set(q.kind, q.root as SinkStep);
    } finally {
      await a.close();
    }
    const [create, createCorrections, ctas, insert] = await commands(log, 'svc');
    expect(create.plan).toBeUndefined(); // DDL plans nothing
    expect(createCorrections.plan).toBeUndefined();
    expect(ctas.plan?.version).toBe(PLAN_VERSION);
    expect(insert.plan?.version).toBe(PLAN_VERSION);
    // What comes back from the topic's JSON is the plan that ran, types (DECIMAL(4, 2)) and all.
    expect(restorePlan(ctas.plan!)).toEqual(running.get('CTAS')!.input);
    expect(restorePlan(insert.plan!)).toEqual(running.get('INSERT')!.input);
  });

  it('replays the stored plan, not the statement planned again', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'old', properties: props });
    await a.executeScript(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM tripled AS SELECT id, v * 3 AS v2 FROM s;`);
    await a.close();
    const [create, csas] = await commands(log, 'old');
    // What an Eddy that planned this statement differently would have stored: the SQL text
    // says v * 2, the plan (what ran, with its topics and state) v * 3.
    await serviceWith(log, 'upgraded', [
      { ...create, id: 'c1' },
      { ...csas, id: 'c2', sql: csas.sql.replace('v * 3', 'v * 2').replace('tripled', 'out') },
    ]);
    await log.produce('s', [{ key: Buffer.from([0, 0, 0, 1]), value: Buffer.from('{"V":10}') }]);
    const b = await Engine.create({ log, durable: true, serviceId: 'upgraded', properties: props });
    try {
      await b.settle();
      expect(b.failedCommands.size).toBe(0);
      expect(await sinkValues(log, 'OUT')).toEqual(['{"V2":30}']);
    } finally {
      await b.close();
    }
  });

  it('skips, with a clear reason, a command whose plan a newer Eddy wrote; replans commands stored without one', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'src', properties: props });
    await a.executeScript(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM future AS SELECT id, v FROM s;
      CREATE STREAM legacy AS SELECT id, v + 1 AS w FROM s;`);
    await a.close();
    const [create, future, legacy] = await commands(log, 'src');
    const { plan: _dropped, ...withoutPlan } = legacy;
    await serviceWith(log, 'mixed', [
      { ...create, id: 'c1' },
      { ...future, id: 'c2', plan: { version: PLAN_VERSION + 98, root: future.plan!.root } },
      { ...withoutPlan, id: 'c3' },
    ]);
    await log.produce('s', [{ key: Buffer.from([0, 0, 0, 1]), value: Buffer.from('{"V":1}') }]);
    const b = await Engine.create({ log, durable: true, serviceId: 'mixed', properties: props });
    try {
      await b.settle();
      expect([...b.failedCommands.values()]).toEqual([
        expect.stringMatching(new RegExp(`plan has version ${PLAN_VERSION + 98}; this Eddy runs plan versions 1 to ${PLAN_VERSION}`)),
      ]);
      expect(await sinkValues(log, 'LEGACY')).toEqual(['{"W":2}']);
    } finally {
      await b.close();
    }
  });

  it('keeps a plan as large as its statement: a WHERE of 300 ORs is stored, and replays', async () => {
    const log = new MemoryLog();
    const where = Array.from({ length: 300 }, (_, i) => `v = ${i * 7}`).join(' OR ');
    const a = await Engine.create({ log, durable: true, serviceId: 'wide', properties: props });
    await a.executeScript(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM picked AS SELECT id, v FROM s WHERE ${where};`);
    await a.close();
    // Each typed node holds its AST, whose subtrees its children hold again: written out in full,
    // this plan was 26 MB (over the command topic's 1 MB); each object once, it grows with the SQL.
    const [, csas] = await commands(log, 'wide');
    expect(csas.plan?.version).toBe(PLAN_VERSION);
    expect(JSON.stringify(csas.plan).length).toBeLessThan(400 * where.length);
    await log.produce('s', [7, 8, 2093, 2100].map((v) => ({ key: Buffer.from([0, 0, 0, 1]), value: Buffer.from(`{"V":${v}}`) })));
    const b = await Engine.create({ log, durable: true, serviceId: 'wide', properties: props });
    try {
      await b.settle();
      expect(b.failedCommands.size).toBe(0);
      expect(await sinkValues(log, 'PICKED')).toEqual(['{"V":7}', '{"V":2093}']);
    } finally {
      await b.close();
    }
  });

  it('replays a version 2 plan (each object written out in full)', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'v3', properties: props });
    await a.executeScript(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM doubled AS SELECT id, v * 2 AS w FROM s WHERE v > 1 AND v < 100;`);
    await a.close();
    const [create, csas] = await commands(log, 'v3');
    // As an Eddy of plan version 2 stored it: the same steps, without shared objects.
    const v2 = { version: 2, root: toTaggedJson(restorePlan(csas.plan!)) };
    expect(JSON.stringify(v2.root)).not.toContain('"$r"');
    await serviceWith(log, 'v2', [{ ...create, id: 'c1' }, { ...csas, id: 'c2', plan: v2 }]);
    await log.produce('s', [1, 5].map((v) => ({ key: Buffer.from([0, 0, 0, 1]), value: Buffer.from(`{"V":${v}}`) })));
    const b = await Engine.create({ log, durable: true, serviceId: 'v2', properties: props });
    try {
      await b.settle();
      expect(b.failedCommands.size).toBe(0);
      expect(await sinkValues(log, 'DOUBLED')).toEqual(['{"W":10}']);
    } finally {
      await b.close();
    }
  });

  it('runs a version 3 foreign-key join in one task, as it ran (its state layout, no subscription topics)', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'fk4', properties: props });
    await a.executeScript(`
      CREATE TABLE orders (id INT PRIMARY KEY, customer INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE TABLE customers (id INT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='customers', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE TABLE enriched AS SELECT o.id, o.customer, c.name FROM orders o JOIN customers c ON o.customer = c.id;`);
    await a.close();
    const [orders, customers, ctas] = await commands(log, 'fk4');
    const root = restorePlan(ctas.plan!) as Step; // the sink's input: a projection of the join
    const join = (root.kind === 'project' ? root.input : root) as Step & { foreignKeyAcrossTasks?: boolean };
    expect(join).toMatchObject({ kind: 'join', foreignKey: true, foreignKeyAcrossTasks: true });
    // As an Eddy of plan version 3 stored it: a foreign-key join without the flag.
    delete join.foreignKeyAcrossTasks;
    await serviceWith(log, 'fk3', [{ ...orders, id: 'c1' }, { ...customers, id: 'c2' }, { ...ctas, id: 'c3', plan: { version: 3, root: toTaggedJson(root, new Map()) } }]);
    await log.produce('customers', [{ key: Buffer.from([0, 0, 0, 5]), value: Buffer.from('{"NAME":"ann"}') }]);
    await log.produce('orders', [{ key: Buffer.from([0, 0, 0, 1]), value: Buffer.from('{"CUSTOMER":5}') }]);
    const b = await Engine.create({ log, durable: true, serviceId: 'fk3', properties: props });
    try {
      await b.settle();
      expect(b.failedCommands.size).toBe(0);
      expect(await sinkValues(log, 'ENRICHED')).toEqual(['{"CUSTOMER":5,"NAME":"ann"}']);
      const topics = (await log.listTopics()).map((t) => t.name).filter((t) => t.startsWith('_eddy_fk3_'));
      expect(topics.some((t) => t.endsWith('-subscription-repartition'))).toBe(false);
      expect(topics.some((t) => t.endsWith('.join-subscribers-changelog'))).toBe(true);
    } finally {
      await b.close();
    }
  });
});
