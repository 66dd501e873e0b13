// The core engine on a real broker, scenario by scenario: each runs on an embedded engine
// (MemoryLog) and on a durable engine on Kafka (KafkaLog, kafkajs), and must give the same
// records on both — and the records it should. This file: aggregations (GROUP BY a new key,
// windows, tables with retractions) and PARTITION BY.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import {
  asText, byKey, freshSuffix, json, jsonByKey, NO_RECORD_CACHE, onBothLogs, sessionWindowedKey, timeWindowedKey, utf8, type Rec,
} from './engine-on-kafka-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

describe.skipIf(!kafkaEnabled)('the engine on Kafka and on MemoryLog: aggregations', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('3. CTAS GROUP BY a value column (a repartition on Kafka): COUNT, SUM, AVG, MIN, MAX, COLLECT_LIST', async () => {
    const s = freshSuffix();
    const input = `sales_${s}`;
    const sink = `BY_REGION_${s}`.toUpperCase();
    const byStore = `BY_STORE_${s}`.toUpperCase();
    const { memory, kafka } = await onBothLogs(brokers, 'eok_groupby', s, async (c) => {
      await c.sql(`CREATE STREAM sales_${s} (id STRING KEY, region STRING, store INT, amount INT, price DOUBLE)
        WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=2);`);
      // Prices are exact binary fractions, so sums do not depend on the order records arrive in.
      const sales: [string, string, number, number, number][] = [
        ['s1', 'north', 1, 10, 1.5], ['s2', 'south', 2, 5, 2.25], ['s3', 'north', 1, 7, 0.5], ['s4', 'east', 300, 1, 8],
        ['s5', 'south', 2, 20, 1.25], ['s6', 'north', 300, -3, 4], ['s7', 'east', 1, 9, 0.125], ['s8', 'west', -7, 4, 2],
      ];
      const records = sales.map(([id, region, store, amount, price], i) =>
        ({ key: utf8(id), value: json({ REGION: region, STORE: store, AMOUNT: amount, PRICE: price }), timestamp: 1000 * (i + 1) }));
      // Half the input is there before the queries start (they read from the earliest offset).
      await c.produce(input, records.slice(0, 4));
      await c.sql(`
        CREATE TABLE ${sink} AS SELECT region, COUNT(*) AS n, SUM(amount) AS total, AVG(price) AS avg_price,
            MIN(amount) AS lo, MAX(amount) AS hi, COLLECT_LIST(id) AS ids
          FROM sales_${s} GROUP BY region EMIT CHANGES;
        CREATE TABLE ${byStore} AS SELECT store, COUNT(*) AS n, SUM(amount * price) AS revenue
          FROM sales_${s} GROUP BY store EMIT CHANGES;`);
      await c.produce(input, records.slice(4));
      // A NULL group: dropped by both aggregations.
      await c.produce(input, [{ key: utf8('s9'), value: json({ REGION: null, AMOUNT: 1, PRICE: 1 }), timestamp: 9000 }]);
      return { sink: await c.records(sink), byStore: await c.records(byStore), repartitions: await c.repartitionTopics() };
    });

    // With the record cache on (the default), the durable engine writes each key's latest update
    // per batch, and records from the two input partitions reach a group in either order: compare
    // each region's final aggregate (COLLECT_LIST sorted) and the partition of its records.
    const summary = (recs: Rec[]): unknown => Object.fromEntries(Object.entries(byKey(recs)).map(([, rs]) => {
      const last = JSON.parse(rs[rs.length - 1].value!) as { IDS: string[] };
      return [Buffer.from(rs[0].key!, 'hex').toString(), { partitions: [...new Set(rs.map((r) => r.p))], final: { ...last, IDS: [...last.IDS].sort() } }];
    }));
    expect(summary(kafka.sink)).toEqual(summary(memory.sink));
    expect(summary(memory.sink)).toMatchObject({
      east: { final: { N: 2, TOTAL: 10, AVG_PRICE: 4.0625, LO: 1, HI: 9, IDS: ['s4', 's7'] } },
      north: { final: { N: 3, TOTAL: 14, AVG_PRICE: 2, LO: -3, HI: 10, IDS: ['s1', 's3', 's6'] } },
      south: { final: { N: 2, TOTAL: 25, AVG_PRICE: 1.75, LO: 5, HI: 20, IDS: ['s2', 's5'] } },
      west: { final: { N: 1, TOTAL: 4, AVG_PRICE: 2, LO: 4, HI: 4, IDS: ['s8'] } },
    });
    // The embedded engine writes every update; the durable one at least the last and at most all.
    const updates = (recs: Rec[]): Record<string, number> => Object.fromEntries(Object.entries(byKey(recs)).map(([k, rs]) => [k, rs.length]));
    expect(Object.values(updates(memory.sink)).sort()).toEqual([1, 2, 2, 3]);
    for (const [k, n] of Object.entries(updates(kafka.sink))) expect(n).toBeLessThanOrEqual(updates(memory.sink)[k]);
    // Grouped by an INTEGER: the sink key is its KAFKA encoding (4 bytes, big-endian).
    const finalByStore = (recs: Rec[]): unknown => Object.fromEntries(Object.entries(byKey(recs))
      .map(([, rs]) => [String(Buffer.from(rs[0].key!, 'hex').readInt32BE()), { p: rs[0].p, final: JSON.parse(rs[rs.length - 1].value!) }]));
    expect(finalByStore(kafka.byStore)).toEqual(finalByStore(memory.byStore));
    expect(finalByStore(memory.byStore)).toMatchObject({
      '-7': { final: { N: 1, REVENUE: 8 } }, '1': { final: { N: 3, REVENUE: 19.625 } },
      '2': { final: { N: 2, REVENUE: 36.25 } }, '300': { final: { N: 2, REVENUE: -4 } },
    });
    expect(memory.byStore.every((r) => r.key!.length === 4)).toBe(true);
    expect(kafka.repartitions).toBe(2); // each durable GROUP BY went through its repartition topic
  });

  it('4. windowed aggregations: TUMBLING, HOPPING, SESSION; EMIT CHANGES and EMIT FINAL', async () => {
    const s = freshSuffix();
    const input = `pings_${s}`;
    const t = (name: string): string => `${name}_${s}`.toUpperCase();
    // Every update of every window, on both logs: the record cache is off (it is on by default).
    const { memory, kafka } = await onBothLogs(brokers, 'eok_windows', s, async (c) => {
      await c.sql(`
        CREATE STREAM pings_${s} (host STRING KEY, dc STRING, ms INT)
          WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE TABLE ${t('tumbling')} AS SELECT host, COUNT(*) AS n, SUM(ms) AS total FROM pings_${s}
          WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY host EMIT CHANGES;
        CREATE TABLE ${t('hopping')} AS SELECT dc, COUNT(*) AS n, MAX(ms) AS hi FROM pings_${s}
          WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 5 SECONDS) GROUP BY dc EMIT CHANGES;
        CREATE TABLE ${t('session')} AS SELECT host, COUNT(*) AS n, COLLECT_LIST(ms) AS mss FROM pings_${s}
          WINDOW SESSION (5 SECONDS) GROUP BY host EMIT CHANGES;
        CREATE TABLE ${t('final')} AS SELECT host, COUNT(*) AS n, SUM(ms) AS total FROM pings_${s}
          WINDOW TUMBLING (SIZE 10 SECONDS, RETENTION 1 HOUR, GRACE PERIOD 0 SECONDS) GROUP BY host EMIT FINAL;`);
      const pings: [number, string, string, number][] = [
        [1000, 'a', 'dc1', 10], [4000, 'a', 'dc2', 20], [6000, 'b', 'dc1', 5], [12000, 'a', 'dc1', 30],
        [13000, 'a', 'dc1', 1], [9000, 'b', 'dc1', 3], // 9000: late for EMIT FINAL's [0, 10 s) (no grace), on time elsewhere
        [30000, 'b', 'dc2', 7], [31000, 'a', 'dc2', 2],
      ];
      await c.produce(input, pings.map(([ts, host, dc, ms]) => ({ key: utf8(host), value: json({ DC: dc, MS: ms }), timestamp: ts })));
      return {
        tumbling: await c.records(t('tumbling')), hopping: await c.records(t('hopping')),
        session: await c.records(t('session')), final: await c.records(t('final')),
        repartitions: await c.repartitionTopics(),
      };
    }, NO_RECORD_CACHE);

    expect(kafka.repartitions).toBe(1); // HOPPING groups by dc: re-keyed; the others group by the key

    for (const name of ['tumbling', 'hopping', 'session', 'final'] as const) {
      expect(byKey(kafka[name]), name).toEqual(byKey(memory[name])); // windowed key bytes, values, times
    }
    const timed = (recs: Rec[]): unknown[] => recs.map((r) => {
      const k = timeWindowedKey(r.key!);
      return [k.key, k.start, r.value && JSON.parse(r.value.toString()), r.timestamp];
    });
    expect(timed(memory.tumbling)).toEqual([
      ['a', 0, { N: 1, TOTAL: 10 }, 1000], ['a', 0, { N: 2, TOTAL: 30 }, 4000], ['b', 0, { N: 1, TOTAL: 5 }, 6000],
      ['a', 10000, { N: 1, TOTAL: 30 }, 12000], ['a', 10000, { N: 2, TOTAL: 31 }, 13000], ['b', 0, { N: 2, TOTAL: 8 }, 9000],
      ['b', 30000, { N: 1, TOTAL: 7 }, 30000], ['a', 30000, { N: 1, TOTAL: 2 }, 31000],
    ]);
    // HOPPING (10 s, advancing by 5 s): each record is in the windows starting 5 s and 0 s before
    // its own 5-second slot (none before 0); grouped by dc, so re-keyed on Kafka.
    expect(timed(memory.hopping)).toEqual([
      ['dc1', 0, { N: 1, HI: 10 }, 1000],
      ['dc2', 0, { N: 1, HI: 20 }, 4000],
      ['dc1', 0, { N: 2, HI: 10 }, 6000], ['dc1', 5000, { N: 1, HI: 5 }, 6000],
      ['dc1', 5000, { N: 2, HI: 30 }, 12000], ['dc1', 10000, { N: 1, HI: 30 }, 12000],
      ['dc1', 5000, { N: 3, HI: 30 }, 13000], ['dc1', 10000, { N: 2, HI: 30 }, 13000],
      ['dc1', 0, { N: 3, HI: 10 }, 9000], ['dc1', 5000, { N: 4, HI: 30 }, 13000], // a window's time: its latest record's
      ['dc2', 25000, { N: 1, HI: 7 }, 30000], ['dc2', 30000, { N: 1, HI: 7 }, 30000],
      ['dc2', 25000, { N: 2, HI: 7 }, 31000], ['dc2', 30000, { N: 2, HI: 7 }, 31000],
    ]);
    // SESSION (5 s gap): a new session, then merges; a merge deletes the sessions it replaces.
    expect(memory.session.map((r) => {
      const k = sessionWindowedKey(r.key!);
      return [k.key, k.start, k.end, r.value && JSON.parse(r.value.toString())];
    })).toEqual([
      ['a', 1000, 1000, { N: 1, MSS: [10] }],
      ['a', 1000, 1000, null], ['a', 1000, 4000, { N: 2, MSS: [10, 20] }],
      ['b', 6000, 6000, { N: 1, MSS: [5] }],
      ['a', 12000, 12000, { N: 1, MSS: [30] }],
      ['a', 12000, 12000, null], ['a', 12000, 13000, { N: 2, MSS: [30, 1] }],
      ['b', 6000, 6000, null], ['b', 6000, 9000, { N: 2, MSS: [5, 3] }],
      ['b', 30000, 30000, { N: 1, MSS: [7] }],
      ['a', 31000, 31000, { N: 1, MSS: [2] }],
    ]);
    // EMIT FINAL (no grace): a window is written once, when stream time reaches its end. The
    // record at 9000 came after stream time 13000 had closed [0, 10 s): late, dropped.
    expect(timed(memory.final)).toEqual([
      ['a', 0, { N: 2, TOTAL: 30 }, 4000], ['b', 0, { N: 1, TOTAL: 5 }, 6000],
      ['a', 10000, { N: 2, TOTAL: 31 }, 13000],
    ]);
  });

  it('5. tables: CREATE TABLE over a topic, tombstones, a CTAS over a table aggregation with retractions', async () => {
    const s = freshSuffix();
    const input = `accounts_${s}`;
    const byTeam = `BY_TEAM_${s}`.toUpperCase();
    const rich = `RICH_${s}`.toUpperCase();
    const { memory, kafka } = await onBothLogs(brokers, 'eok_tables', s, async (c) => {
      await c.sql(`
        CREATE TABLE accounts_${s} (id STRING PRIMARY KEY, team STRING, balance INT)
          WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE TABLE ${byTeam} AS SELECT team, COUNT(*) AS n, SUM(balance) AS total FROM accounts_${s}
          GROUP BY team EMIT CHANGES;
        CREATE TABLE ${rich} AS SELECT id, team, balance * 2 AS doubled FROM accounts_${s}
          WHERE balance > 100 EMIT CHANGES;`);
      const account = (id: string, team: string, balance: number, ts: number) =>
        ({ key: utf8(id), value: json({ TEAM: team, BALANCE: balance }), timestamp: ts });
      // In stages, each processed before the next, so each group's updates come in one order on
      // both logs (two rows of one group in one stage could come from different partitions). A
      // stage changes each output key once at most, so the record cache (on) keeps every update.
      const stages = [
        [account('a1', 'x', 10, 1000), account('a3', 'y', 50, 3000)],
        [account('a2', 'x', 200, 2000)],
        [account('a1', 'y', 20, 4000)], // changes group: x loses it, y gains it
        [{ key: utf8('a2'), value: null, timestamp: 5000 }], // tombstone: x loses a2, RICH deletes a2
        [account('a3', 'y', 150, 6000)], // same group, new value: y's total changes; a3 joins RICH
        [account('a4', 'z', 500, 7000)],
      ];
      for (const stage of stages) {
        await c.produce(input, stage);
        await c.engine.settle();
      }
      return {
        byTeam: await c.records(byTeam), rich: await c.records(rich),
        pull: await c.rows(`SELECT * FROM accounts_${s};`),
        repartitions: await c.repartitionTopics(),
      };
    });

    expect(kafka.repartitions).toBe(1); // the table aggregation re-keys by team

    expect(byKey(kafka.byTeam)).toEqual(byKey(memory.byTeam));
    expect(byKey(kafka.rich)).toEqual(byKey(memory.rich));
    const sortedRows = (rows: unknown[][]): unknown[][] => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(sortedRows(kafka.pull)).toEqual(sortedRows(memory.pull));
    expect(jsonByKey(memory.byTeam)).toEqual({
      x: [{ N: 1, TOTAL: 10 }, { N: 2, TOTAL: 210 }, { N: 1, TOTAL: 200 }, { N: 0, TOTAL: 0 }],
      y: [{ N: 1, TOTAL: 50 }, { N: 2, TOTAL: 70 }, { N: 2, TOTAL: 170 }],
      z: [{ N: 1, TOTAL: 500 }],
    });
    expect(jsonByKey(memory.rich)).toEqual({
      a2: [{ TEAM: 'x', DOUBLED: 400 }, null],
      a3: [{ TEAM: 'y', DOUBLED: 300 }],
      a4: [{ TEAM: 'z', DOUBLED: 1000 }],
    });
    expect(sortedRows(memory.pull)).toEqual([['a1', 'y', 20], ['a3', 'y', 150], ['a4', 'z', 500]]);
  });

  it('7. PARTITION BY into a 2-partition sink, then GROUP BY downstream', async () => {
    const s = freshSuffix();
    const input = `views_${s}`;
    const byPage = `BY_PAGE_${s}`.toUpperCase();
    const counts = `PAGE_COUNTS_${s}`.toUpperCase();
    // Every update of the counts, on both logs: the record cache is off (it is on by default).
    const { memory, kafka } = await onBothLogs(brokers, 'eok_partition_by', s, async (c) => {
      await c.sql(`
        CREATE STREAM views_${s} (id STRING KEY, page STRING, viewer STRING)
          WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM ${byPage} WITH (PARTITIONS=2) AS SELECT page, id, viewer FROM views_${s} PARTITION BY page;
        CREATE TABLE ${counts} AS SELECT page, COUNT(*) AS n, COUNT_DISTINCT(viewer) AS viewers
          FROM ${byPage} GROUP BY page EMIT CHANGES;`);
      const views: [string, string, string][] = [
        ['v1', '/home', 'ann'], ['v2', '/cart', 'bob'], ['v3', '/home', 'bob'], ['v4', '/pay', 'ann'],
        ['v5', '/home', 'ann'], ['v6', '/cart', 'cy'], ['v7', '/about', 'dee'], ['v8', '/pay', 'ann'],
      ];
      await c.produce(input, views.map(([id, page, viewer], i) =>
        ({ key: utf8(id), value: json({ PAGE: page, VIEWER: viewer }), timestamp: 1000 * (i + 1) })));
      return { byPage: await c.records(byPage), counts: await c.records(counts), repartitions: await c.repartitionTopics() };
    }, NO_RECORD_CACHE);

    // PARTITION BY writes the re-keyed sink itself; the GROUP BY its key needs no repartition.
    expect(kafka.repartitions).toBe(0);

    expect(kafka.byPage.map(asText)).toEqual(memory.byPage.map(asText)); // one input partition: same order per partition
    expect(byKey(kafka.counts)).toEqual(byKey(memory.counts));
    // The sink is keyed by page, each record on the partition of its key's hash: both used.
    const partitions = new Map(memory.byPage.map((r) => [r.key!.toString(), r.partition]));
    expect(new Set(partitions.values())).toEqual(new Set([0, 1]));
    expect(jsonByKey(memory.byPage)).toEqual({
      '/about': [{ ID: 'v7', VIEWER: 'dee' }],
      '/cart': [{ ID: 'v2', VIEWER: 'bob' }, { ID: 'v6', VIEWER: 'cy' }],
      '/home': [{ ID: 'v1', VIEWER: 'ann' }, { ID: 'v3', VIEWER: 'bob' }, { ID: 'v5', VIEWER: 'ann' }],
      '/pay': [{ ID: 'v4', VIEWER: 'ann' }, { ID: 'v8', VIEWER: 'ann' }],
    });
    expect(jsonByKey(memory.counts)).toEqual({
      '/about': [{ N: 1, VIEWERS: 1 }],
      '/cart': [{ N: 1, VIEWERS: 1 }, { N: 2, VIEWERS: 2 }],
      '/home': [{ N: 1, VIEWERS: 1 }, { N: 2, VIEWERS: 2 }, { N: 3, VIEWERS: 2 }],
      '/pay': [{ N: 1, VIEWERS: 1 }, { N: 2, VIEWERS: 1 }],
    });
    // The aggregate's records are on the same partitions as its (already keyed) input.
    for (const r of memory.counts) expect(r.partition).toBe(partitions.get(r.key!.toString()));
  });
});

