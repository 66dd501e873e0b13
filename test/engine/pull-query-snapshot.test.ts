// Pull queries on a table keep its latest record per key between queries and read only what was
// written since (engine/table-snapshot.ts). What a user sees stays what reading the whole topic
// gives: each key's latest row, deletes gone, keys in the order of their partitions and latest
// offsets; and a table dropped and made again over a new topic shows only the new rows.
import { describe, it, expect } from 'vitest';
import { engine, rows, run } from './engine-helpers.js';
import type { Engine } from '../../src/engine/engine.js';

/** Records the engine's log hands out from now on, by topic. */
function countReads(e: Engine): Map<string, number> {
  const counts = new Map<string, number>();
  const read = e.log.read.bind(e.log);
  e.log.read = async (topic, partition, from, max) => {
    const got = await read(topic, partition, from, max);
    counts.set(topic, (counts.get(topic) ?? 0) + got.length);
    return got;
  };
  return counts;
}

/** Each key's latest value of a table over `topic`, read from its whole topic (the reference). */
async function latestByKey(e: Engine, topic: string): Promise<[string, number][]> {
  const ends = await e.log.endOffsets(topic);
  const latest = new Map<string, number | null>();
  for (let p = 0; p < ends.length; p++) {
    for (const r of await e.log.read(topic, p, 0, ends[p])) {
      const k = Buffer.from(r.key!).toString();
      latest.delete(k);
      latest.set(k, r.value === null ? null : (JSON.parse(Buffer.from(r.value).toString()) as { N: number }).N);
    }
  }
  return [...latest].filter((kv): kv is [string, number] => kv[1] !== null);
}

const produce = (e: Engine, topic: string, kvs: [string, number | null][]) =>
  e.log.produce(topic, kvs.map(([k, n]) => ({ key: Buffer.from(k), value: n === null ? null : Buffer.from(JSON.stringify({ N: n })) })));

describe('pull queries on a table', () => {
  it('see every update, new key and delete since the last one, reading only those records', async () => {
    const e = await engine();
    await run("CREATE TABLE t (k STRING PRIMARY KEY, n INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', PARTITIONS=3);");
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
    await produce(e, 't', keys.map((k, i) => [k, i]));
    const reads = countReads(e);
    const all = 'SELECT k, n FROM t;';
    const first = await rows(all);
    expect(reads.get('t')).toBe(30);
    expect(first).toEqual(await latestByKey(e, 't'));

    // Updates, a new key and deletes (tombstones).
    await produce(e, 't', [['k3', 103], ['k7', null], ['new', 1000], ['k3', 203], ['k20', null], ['k7', 7]]);
    reads.clear();
    const now = await rows(all);
    expect(reads.get('t')).toBe(6);
    expect(now).toEqual(await latestByKey(e, 't'));
    expect(now).toContainEqual(['k3', 203]);
    expect(now).toContainEqual(['k7', 7]);
    expect(now).toContainEqual(['new', 1000]);
    expect(now.map((r) => r[0])).not.toContain('k20');
    expect(now).toHaveLength(30);

    // Nothing new: nothing read; a WHERE on the key.
    reads.clear();
    expect(await rows("SELECT n FROM t WHERE k = 'k3';")).toEqual([[203]]);
    expect(reads.get('t') ?? 0).toBe(0);
  });

  it('on a CTAS see its latest aggregates as they change', async () => {
    const e = await engine();
    await run(`CREATE STREAM ev (k STRING KEY, v INT) WITH (KAFKA_TOPIC='ev', VALUE_FORMAT='JSON', PARTITIONS=2);
      CREATE TABLE agg AS SELECT k, COUNT(*) AS c, SUM(v) AS s FROM ev GROUP BY k;
      INSERT INTO ev (k, v) VALUES ('a', 1); INSERT INTO ev (k, v) VALUES ('b', 2); INSERT INTO ev (k, v) VALUES ('a', 3);`);
    await e.settle();
    expect(await rows("SELECT c, s FROM agg WHERE k = 'a';")).toEqual([[2, 4]]);
    await run("INSERT INTO ev (k, v) VALUES ('a', 10);");
    await e.settle();
    expect(await rows("SELECT c, s FROM agg WHERE k = 'a';")).toEqual([[3, 14]]);
    expect(await rows("SELECT k, c FROM agg WHERE k = 'b';")).toEqual([['b', 1]]);
  });

  it('on a table dropped and made again over a new topic of the same name show only the new rows', async () => {
    const e = await engine();
    await run("CREATE TABLE t (k STRING PRIMARY KEY, n INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', PARTITIONS=1);");
    await produce(e, 't', [['old1', 1], ['old2', 2], ['old3', 3]]);
    expect(await rows('SELECT k, n FROM t;')).toHaveLength(3);
    await run(`DROP TABLE t DELETE TOPIC;
      CREATE TABLE t (k STRING PRIMARY KEY, n INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', PARTITIONS=1);`);
    await produce(e, 't', [['new1', 10], ['new2', 20], ['new3', 30], ['new4', 40]]);
    expect(await rows('SELECT k, n FROM t;')).toEqual([['new1', 10], ['new2', 20], ['new3', 30], ['new4', 40]]);
  });

  it('pinned to a key look it up, with the rest of the WHERE still applied, as a scan answers', async () => {
    const e = await engine();
    await run(`CREATE TABLE s (k STRING PRIMARY KEY, n INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=4);
      CREATE TABLE i (id INT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='i', VALUE_FORMAT='JSON', PARTITIONS=2);
      CREATE TABLE j (id STRING PRIMARY KEY, n INT) WITH (KAFKA_TOPIC='j', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);`);
    await produce(e, 's', [['a', 1], ['b', 2], ['a', 3], ['c', null], ['é', 9]]);
    await run(`INSERT INTO i (id, name) VALUES (7, 'seven'); INSERT INTO i (id, name) VALUES (8, 'eight'); INSERT INTO i (id, name) VALUES (7, 'SEVEN');
      INSERT INTO j (id, n) VALUES ('x', 1);`);
    const cases: [string, unknown[][]][] = [
      ["SELECT k, n FROM s WHERE k = 'a';", [['a', 3]]],
      ["SELECT n FROM s WHERE 'b' = k;", [[2]]],
      ["SELECT n FROM s WHERE k = 'a' AND n > 5;", []],
      ["SELECT n FROM s WHERE n > 0 AND k = 'a';", [[3]]],
      ["SELECT n FROM s WHERE k = 'c';", []], // deleted
      ["SELECT n FROM s WHERE k = 'zz';", []],
      ["SELECT n FROM s WHERE k = 'é';", [[9]]],
      ["SELECT k FROM s WHERE k = 'a' OR k = 'b';", [['b'], ['a']]], // not pinned: scanned, partition order
      ['SELECT name FROM i WHERE id = 7;', [['SEVEN']]],
      ['SELECT name FROM i WHERE id = 9;', []],
      ["SELECT n FROM j WHERE id = 'x';", [[1]]], // a JSON key: scanned
    ];
    for (const [sql, want] of cases) expect(await rows(sql), sql).toEqual(want);
  });
});
