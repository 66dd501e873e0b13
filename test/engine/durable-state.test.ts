// A durable service keeps query state in changelog topics and moves rows to their group's
// partition through repartition topics, so that a restarted instance continues its aggregates
// and instances sharing a source's partitions together give the one-instance result.
// (On MemoryLog here; test/kafka/ runs the same on a real broker.)
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';

const props = { 'auto.offset.reset': 'earliest' };

/** The latest value per key of a table's sink topic, over all partitions. */
async function latest(log: MemoryLog, topic: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const ends = await log.endOffsets(topic);
  for (let p = 0; p < ends.length; p++) {
    for (const r of await log.read(topic, p, 0, ends[p])) {
      const k = Buffer.from(r.key!).toString();
      out[k] = r.value === null ? undefined : JSON.parse(Buffer.from(r.value).toString());
    }
  }
  return out;
}

const insert = (rows: [string, string, number][]): string =>
  rows.map(([id, region, v]) => `INSERT INTO readings (id, region, v) VALUES ('${id}', '${region}', ${v});`).join('\n');

const DDL = `
  CREATE STREAM readings (id STRING KEY, region STRING, v INT) WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=4);
  CREATE TABLE by_region AS SELECT region, COUNT(*) AS n, SUM(v) AS total FROM readings GROUP BY region;
  CREATE TABLE by_id AS SELECT id, COUNT(*) AS n FROM readings GROUP BY id;`;

describe('durable query state', () => {
  it('a restarted instance continues its aggregates from the changelogs', async () => {
    const log = new MemoryLog();
    const first = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    await first.executeScript(DDL + insert([['a', 'north', 1], ['b', 'south', 2], ['c', 'north', 3]]));
    await first.settle();
    await first.close();
    const topics = (await log.listTopics()).map((t) => t.name);
    expect(topics).toContain('_eddy_svc_query_CTAS_BY_REGION_1-sink.project.aggregate-repartition');
    expect(topics).toContain('_eddy_svc_query_CTAS_BY_REGION_1-sink.project.aggregate-changelog');
    expect(topics).toContain('_eddy_svc_query_CTAS_BY_ID_2-sink.project.aggregate-changelog');
    expect(topics.filter((t) => t.startsWith('_eddy_svc_query_CTAS_BY_ID_2-') && t.endsWith('-repartition'))).toEqual([]);

    const second = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      await second.executeScript(insert([['a', 'north', 10], ['d', 'south', 20]]));
      await second.settle();
      expect(await latest(log, 'BY_REGION')).toEqual({ north: { N: 3, TOTAL: 14 }, south: { N: 2, TOTAL: 22 } });
      expect(await latest(log, 'BY_ID')).toEqual({ a: { N: 2 }, b: { N: 1 }, c: { N: 1 }, d: { N: 1 } });
    } finally {
      await second.close();
    }
  });

  it('two instances split the partitions; when one leaves the other takes over with its state', async () => {
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    await a.executeScript(DDL);
    const b = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const rows = (round: number): [string, string, number][] =>
      ids.map((id, i) => [id, i % 2 === 0 ? 'north' : 'south', round * 100 + i]);
    try {
      await a.executeScript(insert(rows(1)));
      await a.settle();
      await b.settle();
      // Both instances own some of the 4 tasks.
      const assigned = (e: Engine): number => e.state.queries.get('CTAS_BY_REGION_1')!.runner.assignedTasks().length;
      expect(assigned(a)).toBeGreaterThan(0);
      expect(assigned(b)).toBeGreaterThan(0);
      expect(assigned(a) + assigned(b)).toBe(4);
      await a.close();
      await b.executeScript(insert(rows(2)));
      await b.settle();
      expect(assigned(b)).toBe(4);
      const sum = (round: number, even: boolean): number =>
        ids.reduce((s, _id, i) => s + (i % 2 === 0 === even ? round * 100 + i : 0), 0);
      expect(await latest(log, 'BY_REGION')).toEqual({
        north: { N: 8, TOTAL: sum(1, true) + sum(2, true) },
        south: { N: 8, TOTAL: sum(1, false) + sum(2, false) },
      });
      expect(Object.values(await latest(log, 'BY_ID'))).toEqual(ids.map(() => ({ N: 2 })));
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('TERMINATE removes the query\'s internal topics', async () => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
    try {
      await e.executeScript(DDL + insert([['a', 'north', 1]]));
      await e.settle();
      const internal = async (): Promise<string[]> =>
        (await log.listTopics()).map((t) => t.name).filter((t) => t.startsWith('_eddy_svc_query_CTAS_BY_REGION_1-'));
      expect(await internal()).toHaveLength(2);
      await e.executeScript('TERMINATE CTAS_BY_REGION_1;');
      expect(await internal()).toEqual([]);
      expect((await log.listTopics()).map((t) => t.name)).toContain('_eddy_svc_query_CTAS_BY_ID_2-sink.project.aggregate-changelog');
    } finally {
      await e.close();
    }
  });
});
