// The core engine on a real broker, scenario by scenario: each runs on an embedded engine
// (MemoryLog) and on a durable engine on Kafka (KafkaLog, kafkajs), and must give the same
// records on both — and the records it should. This file: filters and projections (JSON, KAFKA
// keys, DELIMITED), INSERT, pull queries, SHOW TOPICS, PRINT and push queries.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import {
  asText, bigintKey, byKey, doubleKey, freshSuffix, intKey, json, jsonByKey, onBothLogs, utf8,
} from './engine-on-kafka-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

describe.skipIf(!kafkaEnabled)('the engine on Kafka and on MemoryLog: projections, formats, statements', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('1. filter and projection (CSAS): expressions, CAST, string functions, CASE; JSON values, KAFKA string key', async () => {
    const s = freshSuffix();
    const input = `orders_${s}`;
    const sink = `SHAPED_${s}`.toUpperCase();
    const { memory, kafka } = await onBothLogs(brokers, 'eok_project', s, async (c) => {
      await c.sql(`
        CREATE STREAM orders_${s} (id STRING KEY, item STRING, qty INT, price DOUBLE, note STRING)
          WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE STREAM ${sink} AS SELECT
            id,
            UCASE(item) AS item,
            qty * price AS total,
            CAST(qty AS STRING) + 'x' AS qty_text,
            CAST(price AS DECIMAL(6, 2)) AS price_d,
            CONCAT(item, '-', SUBSTRING(note, 1, 3)) AS tag,
            LEN(TRIM(note)) AS note_len,
            CASE WHEN qty >= 10 THEN 'bulk' WHEN qty >= 5 THEN 'medium' ELSE 'small' END AS bucket
          FROM orders_${s}
          WHERE qty > 1 AND item <> 'void';`);
      await c.produce(input, [
        { key: utf8('o1'), value: json({ ITEM: 'apple', QTY: 2, PRICE: 1.25, NOTE: ' fresh ' }), timestamp: 1000 },
        { key: utf8('o2'), value: json({ item: 'pear', qty: 1, price: 3, note: 'one' }), timestamp: 2000 }, // qty 1: dropped
        { key: utf8('o3'), value: json({ ITEM: 'void', QTY: 50, PRICE: 1, NOTE: 'x' }), timestamp: 3000 }, // void: dropped
        { key: utf8('o4'), value: json({ ITEM: 'fig', QTY: 12, PRICE: 0.5, NOTE: 'dried figs' }), timestamp: 4000 },
        { key: utf8('o5'), value: json({ ITEM: 'kiwi', QTY: 5, PRICE: 2 }), timestamp: 5000 }, // no NOTE: NULL
        { key: utf8('o6'), value: json({ ITEM: 'plum', QTY: 7, PRICE: 1.1, NOTE: 'ripe' }), timestamp: 6000 },
      ]);
      return c.records(sink);
    });

    expect(kafka.map(asText)).toEqual(memory.map(asText)); // byte for byte, partition and time too
    // Sink records land on the partition of their key's murmur2 hash, as Kafka's default partitioner.
    // CONCAT skips NULL arguments (ksqlDB's CONCAT); LEN(NULL) is NULL.
    expect(memory.map(asText)).toEqual([
      { p: 0, key: utf8('o4').toString('hex'), ts: 4000,
        value: '{"ITEM":"FIG","TOTAL":6.0,"QTY_TEXT":"12x","PRICE_D":0.50,"TAG":"fig-dri","NOTE_LEN":10,"BUCKET":"bulk"}' },
      { p: 0, key: utf8('o5').toString('hex'), ts: 5000,
        value: '{"ITEM":"KIWI","TOTAL":10.0,"QTY_TEXT":"5x","PRICE_D":2.00,"TAG":"kiwi-","NOTE_LEN":null,"BUCKET":"medium"}' },
      { p: 0, key: utf8('o6').toString('hex'), ts: 6000,
        value: '{"ITEM":"PLUM","TOTAL":7.700000000000001,"QTY_TEXT":"7x","PRICE_D":1.10,"TAG":"plum-rip","NOTE_LEN":4,"BUCKET":"medium"}' },
      { p: 1, key: utf8('o1').toString('hex'), ts: 1000,
        value: '{"ITEM":"APPLE","TOTAL":2.5,"QTY_TEXT":"2x","PRICE_D":1.25,"TAG":"apple- fr","NOTE_LEN":5,"BUCKET":"small"}' },
    ]);
  });

  it('2. DELIMITED values and KAFKA-format INT, BIGINT and DOUBLE keys (big-endian)', async () => {
    const s = freshSuffix();
    const { memory, kafka } = await onBothLogs(brokers, 'eok_formats', s, async (c) => {
      await c.sql(`
        CREATE STREAM ints_${s} (id INT KEY, name STRING, score DOUBLE)
          WITH (KAFKA_TOPIC='ints_${s}', KEY_FORMAT='KAFKA', VALUE_FORMAT='DELIMITED', PARTITIONS=1);
        CREATE STREAM longs_${s} (id BIGINT KEY, n INT, label STRING)
          WITH (KAFKA_TOPIC='longs_${s}', KEY_FORMAT='KAFKA', VALUE_FORMAT='DELIMITED', PARTITIONS=1);
        CREATE STREAM doubles_${s} (id DOUBLE KEY, v BIGINT)
          WITH (KAFKA_TOPIC='doubles_${s}', KEY_FORMAT='KAFKA', VALUE_FORMAT='DELIMITED', PARTITIONS=1);
        CREATE STREAM ints_out_${s} WITH (KAFKA_TOPIC='ints_out_${s}', VALUE_FORMAT='JSON') AS
          SELECT id, name, score, id * 2 AS twice FROM ints_${s};
        CREATE STREAM longs_out_${s} WITH (KAFKA_TOPIC='longs_out_${s}') AS
          SELECT id, id + 1 AS next_id, n * 10 AS n10, CONCAT(label, ',', 'z') AS label FROM longs_${s};
        CREATE STREAM doubles_out_${s} WITH (KAFKA_TOPIC='doubles_out_${s}', VALUE_FORMAT='JSON') AS
          SELECT id, id * 2 AS twice, v FROM doubles_${s} WHERE v > 0;`);
      await c.produce(`ints_${s}`, [
        { key: intKey(7), value: utf8('ann,1.5'), timestamp: 10 },
        { key: intKey(-5), value: utf8('"b,c",2'), timestamp: 20 }, // quoted field with the delimiter
        { key: intKey(70000), value: utf8('dee,'), timestamp: 30 }, // empty field: NULL
      ]);
      await c.produce(`longs_${s}`, [
        { key: bigintKey(2 ** 40 + 1), value: utf8('3,x'), timestamp: 10 },
        { key: bigintKey(-1), value: utf8('4,y'), timestamp: 20 },
      ]);
      await c.produce(`doubles_${s}`, [
        { key: doubleKey(2.5), value: utf8('9'), timestamp: 10 },
        { key: doubleKey(-0.125), value: utf8('-1'), timestamp: 20 }, // dropped by v > 0
        { key: doubleKey(1e100), value: utf8('8'), timestamp: 30 },
      ]);
      return {
        ints: await c.records(`ints_out_${s}`),
        longs: await c.records(`longs_out_${s}`),
        doubles: await c.records(`doubles_out_${s}`),
      };
    });

    const text = (o: typeof memory): unknown => ({ ints: o.ints.map(asText), longs: o.longs.map(asText), doubles: o.doubles.map(asText) });
    expect(text(kafka)).toEqual(text(memory));
    // The sinks keep the KAFKA key format: the same big-endian bytes as the input keys.
    expect(jsonByKey(memory.ints, (k) => String(k.readInt32BE()))).toEqual({
      '-5': [{ NAME: 'b,c', SCORE: 2.0, TWICE: -10 }],
      '7': [{ NAME: 'ann', SCORE: 1.5, TWICE: 14 }],
      '70000': [{ NAME: 'dee', SCORE: null, TWICE: 140000 }],
    });
    expect(memory.ints.map((r) => r.key!.toString('hex'))).toEqual(['00000007', 'fffffffb', '00011170']);
    expect(memory.longs.map((r) => [r.key!.toString('hex'), r.value!.toString()])).toEqual([
      ['0000010000000001', '1099511627778,30,"x,z"'], // DELIMITED quotes a field with the delimiter
      ['ffffffffffffffff', '0,40,"y,z"'],
    ]);
    expect(memory.doubles.map((r) => [r.key!.readDoubleBE(), JSON.parse(r.value!.toString())])).toEqual([
      [2.5, { TWICE: 5, V: 9 }],
      [1e100, { TWICE: 2e100, V: 8 }],
    ]);
    expect(memory.doubles[0].key!.toString('hex')).toBe('4004000000000000');
  });

  it('8. INSERT INTO ... VALUES and ... SELECT, a pull query by key, SHOW TOPICS and PRINT', async () => {
    const s = freshSuffix();
    const users = `users_${s}`;
    const events = `events_${s}`;
    const more = `more_${s}`;
    const { memory, kafka } = await onBothLogs(brokers, 'eok_statements', s, async (c) => {
      await c.sql(`
        CREATE TABLE ${users} (id STRING PRIMARY KEY, name STRING, level INT)
          WITH (KAFKA_TOPIC='${users}', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE STREAM ${events} (id STRING KEY, kind STRING)
          WITH (KAFKA_TOPIC='${events}', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM ${more} (id STRING KEY, kind STRING, n INT)
          WITH (KAFKA_TOPIC='${more}', VALUE_FORMAT='JSON', PARTITIONS=1);
        INSERT INTO ${users} (ROWTIME, id, name, level) VALUES (1000, 'u1', 'ann', 1);
        INSERT INTO ${users} (ROWTIME, id, name, level) VALUES (2000, 'u2', 'bob', 2);
        INSERT INTO ${users} (ROWTIME, id, name, level) VALUES (3000, 'u1', 'ann', 3);
        INSERT INTO ${events} (ROWTIME, id, kind) VALUES (1000, 'u1', 'click');
        INSERT INTO ${events} SELECT id, UCASE(kind) AS kind FROM ${more} WHERE n > 0 EMIT CHANGES;
        INSERT INTO ${more} (ROWTIME, id, kind, n) VALUES (2000, 'u2', 'view', 1);
        INSERT INTO ${more} (ROWTIME, id, kind, n) VALUES (3000, 'u3', 'skip', 0);
        INSERT INTO ${more} (ROWTIME, id, kind, n) VALUES (4000, 'u1', 'buy', 2);`);
      await c.engine.settle();
      const showTopics = (await c.rows('SHOW TOPICS;')).filter((r) => String(r[0]).endsWith(s));
      return {
        users: await c.records(users),
        events: await c.records(events),
        pullU1: await c.rows(`SELECT * FROM ${users} WHERE id = 'u1';`),
        pullU2: await c.rows(`SELECT name, level FROM ${users} WHERE id = 'u2';`),
        pullNone: await c.rows(`SELECT * FROM ${users} WHERE id = 'nobody';`),
        showTopics,
        print: await c.rows(`PRINT '${events}' FROM BEGINNING LIMIT 3;`),
        printUsers: await c.rows(`PRINT '${users}' FROM BEGINNING LIMIT 1;`),
      };
    });

    const text = (o: typeof memory): unknown => ({ ...o, users: byKey(o.users), events: o.events.map(asText) });
    expect(text(kafka)).toEqual(text(memory));
    expect(jsonByKey(memory.users)).toEqual({
      u1: [{ NAME: 'ann', LEVEL: 1 }, { NAME: 'ann', LEVEL: 3 }],
      u2: [{ NAME: 'bob', LEVEL: 2 }],
    });
    expect(memory.events.map(asText).map((r) => [r.key && Buffer.from(r.key, 'hex').toString(), r.value, r.ts])).toEqual([
      ['u1', '{"KIND":"click"}', 1000],
      ['u2', '{"KIND":"VIEW"}', 2000],
      ['u1', '{"KIND":"BUY"}', 4000],
    ]);
    expect(memory.pullU1).toEqual([['u1', 'ann', 3]]);
    expect(memory.pullU2).toEqual([['bob', 2]]);
    expect(memory.pullNone).toEqual([]);
    expect(memory.showTopics).toEqual([[events, 1, 1], [more, 1, 1], [users, 2, 1]]);
    expect(memory.print).toEqual([
      ['rowtime: 1970-01-01 00:00:01.000 Z, key: u1, value: {"KIND":"click"}, partition: 0'],
      ['rowtime: 1970-01-01 00:00:02.000 Z, key: u2, value: {"KIND":"VIEW"}, partition: 0'],
      ['rowtime: 1970-01-01 00:00:04.000 Z, key: u1, value: {"KIND":"BUY"}, partition: 0'],
    ]);
    expect(memory.printUsers).toHaveLength(1);
  });

  it('9. a push query (EMIT CHANGES LIMIT n) over a Kafka stream', async () => {
    const s = freshSuffix();
    const input = `clicks_${s}`;
    const { memory, kafka } = await onBothLogs(brokers, 'eok_push', s, async (c) => {
      // The topic exists already: the stream takes its partition count from it.
      await c.log.createTopic(input, { partitions: 1 });
      await c.sql(`CREATE STREAM clicks_${s} (user STRING KEY, page STRING, ms INT)
        WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='JSON');`);
      await c.produce(input, [
        { key: utf8('a'), value: json({ PAGE: '/home', MS: 120 }), timestamp: 1000 },
        { key: utf8('b'), value: json({ PAGE: '/cart', MS: 15 }), timestamp: 2000 },
        { key: utf8('a'), value: json({ PAGE: '/pay', MS: 300 }), timestamp: 3000 },
      ]);
      const [res] = await c.sql(`SELECT user, UCASE(page) AS page, ROWTIME AS t FROM clicks_${s} WHERE ms > 100 EMIT CHANGES LIMIT 3;`);
      if (res.kind !== 'stream') throw new Error(`expected a push query, got ${res.kind}`);
      const rows: unknown[][] = [];
      const done = (async () => { for await (const row of res.rows) rows.push(row); })();
      // One more row arrives while the query runs; the LIMIT ends it.
      await c.produce(input, [
        { key: utf8('c'), value: json({ PAGE: '/skip', MS: 1 }), timestamp: 4000 },
        { key: utf8('b'), value: json({ PAGE: '/late', MS: 500 }), timestamp: 5000 },
      ]);
      await done;
      const running = [...c.engine.state.queries.values()].filter((q) => q.kind === 'PUSH').length;
      return { rows, running };
    });

    expect(kafka).toEqual(memory);
    expect(memory).toEqual({ rows: [['a', '/HOME', 1000], ['a', '/PAY', 3000], ['b', '/LATE', 5000]], running: 0 });
  });
});
