// The core engine on a real broker: joins, each on an embedded engine (MemoryLog) and on a
// durable engine on Kafka (KafkaLog, kafkajs); both must give the same records, and the records
// they should. Input comes in stages, each processed before the next, so the records of a key
// reach a join in the same order on both logs (Kafka orders records per partition only); a
// stage changes each key of the table-table join once at most, so the durable engine's record
// cache (on by default: each key's latest update per batch) keeps every update.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import type { ProducerRecord } from '../../src/log/log.js';
import { byKey, freshSuffix, intKey, json, onBothLogs, utf8, type Rec } from './engine-on-kafka-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

describe.skipIf(!kafkaEnabled)('the engine on Kafka and on MemoryLog: joins', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('6. stream-table on the key, stream-table on a non-key column, stream-stream WITHIN, table-table', async () => {
    const s = freshSuffix();
    const topic = (name: string): string => `${name}_${s}`;
    const sink = (name: string): string => `${name}_${s}`.toUpperCase();
    const { memory, kafka } = await onBothLogs(brokers, 'eok_joins', s, async (c) => {
      await c.sql(`
        CREATE TABLE users_${s} (id STRING PRIMARY KEY, name STRING)
          WITH (KAFKA_TOPIC='${topic('users')}', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE TABLE prefs_${s} (id STRING PRIMARY KEY, lang STRING)
          WITH (KAFKA_TOPIC='${topic('prefs')}', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE TABLE items_${s} (name STRING PRIMARY KEY, price DOUBLE)
          WITH (KAFKA_TOPIC='${topic('items')}', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE STREAM clicks_${s} (user_id STRING KEY, page STRING)
          WITH (KAFKA_TOPIC='${topic('clicks')}', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE STREAM orders_${s} (id INT KEY, item STRING, qty INT)
          WITH (KAFKA_TOPIC='${topic('orders')}', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE STREAM shipments_${s} (order_id INT KEY, carrier STRING)
          WITH (KAFKA_TOPIC='${topic('shipments')}', VALUE_FORMAT='JSON', PARTITIONS=2);

        CREATE STREAM ${sink('clicks_named')} AS SELECT c.user_id, c.page, u.name
          FROM clicks_${s} c LEFT JOIN users_${s} u ON c.user_id = u.id;
        CREATE STREAM ${sink('priced')} AS SELECT o.item, o.id, o.qty * i.price AS cost
          FROM orders_${s} o JOIN items_${s} i ON o.item = i.name;
        CREATE STREAM ${sink('shipped')} AS SELECT o.id, o.item, sh.carrier, sh.ROWTIME - o.ROWTIME AS delay
          FROM orders_${s} o JOIN shipments_${s} sh WITHIN 10 SECONDS ON o.id = sh.order_id;
        CREATE TABLE ${sink('user_prefs')} AS SELECT u.id, u.name, p.lang
          FROM users_${s} u LEFT JOIN prefs_${s} p ON u.id = p.id;`);

      const rec = (key: Buffer, value: unknown, timestamp: number): ProducerRecord =>
        ({ key, value: value === null ? null : json(value), timestamp });
      const stages: [string, ProducerRecord[]][][] = [
        [['users', [rec(utf8('u1'), { NAME: 'ann' }, 1000), rec(utf8('u2'), { NAME: 'bob' }, 1000)]]],
        [['prefs', [rec(utf8('u1'), { LANG: 'en' }, 2000), rec(utf8('u3'), { LANG: 'fr' }, 2000)]],
          ['items', [rec(utf8('apple'), { PRICE: 0.5 }, 2000), rec(utf8('pear'), { PRICE: 1.25 }, 2000)]]],
        [['clicks', [rec(utf8('u1'), { PAGE: '/a' }, 10000), rec(utf8('u2'), { PAGE: '/b' }, 11000), rec(utf8('u9'), { PAGE: '/c' }, 12000)]],
          ['orders', [rec(intKey(1), { ITEM: 'apple', QTY: 4 }, 10000), rec(intKey(2), { ITEM: 'pear', QTY: 2 }, 11000),
            rec(intKey(3), { ITEM: 'kiwi', QTY: 1 }, 12000)]]], // no such item: dropped by the inner join
        [['users', [rec(utf8('u1'), { NAME: 'anna' }, 20000)]],
          ['prefs', [rec(utf8('u2'), { LANG: 'de' }, 20000)]],
          ['items', [rec(utf8('apple'), { PRICE: 0.75 }, 20000)]]],
        [['clicks', [rec(utf8('u1'), { PAGE: '/d' }, 21000)]],
          ['orders', [rec(intKey(4), { ITEM: 'apple', QTY: 2 }, 21000)]],
          ['shipments', [rec(intKey(1), { CARRIER: 'ups' }, 15000), // 5 s after order 1: joins
            rec(intKey(2), { CARRIER: 'dhl' }, 40000), // 29 s after order 2: outside the window
            rec(intKey(4), { CARRIER: 'fedex' }, 22000)]]],
        [['users', [rec(utf8('u2'), null, 30000)]]], // tombstone: u2 leaves the table-table join
      ];
      for (const stage of stages) {
        for (const [name, recs] of stage) await c.produce(topic(name), recs);
        await c.engine.settle();
      }
      const repartitions = await c.repartitionTopics();
      return {
        clicksNamed: await c.records(sink('clicks_named')), priced: await c.records(sink('priced')),
        shipped: await c.records(sink('shipped')), userPrefs: await c.records(sink('user_prefs')),
        repartitions,
      };
    });

    for (const name of ['clicksNamed', 'priced', 'shipped', 'userPrefs'] as const) {
      expect(byKey(kafka[name]), name).toEqual(byKey(memory[name])); // key and value bytes, partition, time
    }
    expect(kafka.repartitions).toBe(1); // orders re-keyed by item for the join with items

    const decoded = (recs: Rec[], key: (k: Buffer) => unknown): unknown[] =>
      recs.map((r) => [key(r.key!), r.value && JSON.parse(r.value.toString()), r.timestamp])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[2]) - Number(b[2]));
    const str = (k: Buffer): string => k.toString();
    const int = (k: Buffer): number => k.readInt32BE();

    // Stream-table on the stream's key: each click sees the user row current at its time.
    expect(decoded(memory.clicksNamed, str)).toEqual([
      ['u1', { PAGE: '/a', NAME: 'ann' }, 10000],
      ['u1', { PAGE: '/d', NAME: 'anna' }, 21000],
      ['u2', { PAGE: '/b', NAME: 'bob' }, 11000],
      ['u9', { PAGE: '/c', NAME: null }, 12000],
    ]);
    // Stream-table on a value column: re-keyed by item (a repartition topic on Kafka).
    expect(decoded(memory.priced, str)).toEqual([
      ['apple', { ID: 1, COST: 2 }, 10000],
      ['apple', { ID: 4, COST: 1.5 }, 21000],
      ['pear', { ID: 2, COST: 2.5 }, 11000],
    ]);
    // Stream-stream within 10 s: the later of the two times.
    expect(decoded(memory.shipped, int)).toEqual([
      [1, { ITEM: 'apple', CARRIER: 'ups', DELAY: 5000 }, 15000],
      [4, { ITEM: 'apple', CARRIER: 'fedex', DELAY: 1000 }, 22000],
    ]);
    // Table-table LEFT: every change on either side re-joins its key; u3 has prefs but no user.
    expect(decoded(memory.userPrefs, str)).toEqual([
      ['u1', { NAME: 'ann', LANG: null }, 1000],
      ['u1', { NAME: 'ann', LANG: 'en' }, 2000],
      ['u1', { NAME: 'anna', LANG: 'en' }, 20000],
      ['u2', { NAME: 'bob', LANG: null }, 1000],
      ['u2', { NAME: 'bob', LANG: 'de' }, 20000],
      ['u2', null, 30000],
    ]);
  });
});
