// An outer stream-stream join with GRACE PERIOD holds its unmatched records until their window
// closes. Those records are query state: a service that restarts (or hands the task to another
// instance) before the window closes must still emit them with NULLs, and must not emit one
// that found its match before the restart. (On a durable MemoryLog; changelogs as on Kafka.)
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';

const props = { 'auto.offset.reset': 'earliest' };

const SOURCES = `
  CREATE STREAM clicks (user STRING KEY, url STRING) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=2);
  CREATE STREAM buys (user STRING KEY, item STRING) WITH (KAFKA_TOPIC='buys', VALUE_FORMAT='JSON', PARTITIONS=2);`;

async function outRecords(log: MemoryLog): Promise<[string, unknown, number][]> {
  const ends = await log.endOffsets('OUT');
  const out: [string, unknown, number][] = [];
  for (let p = 0; p < ends.length; p++) {
    for (const r of await log.read('OUT', p, 0, ends[p])) {
      out.push([Buffer.from(r.key!).toString(), JSON.parse(Buffer.from(r.value!).toString()), r.timestamp]);
    }
  }
  return out.sort((a, b) => a[2] - b[2]);
}

async function instance(log: MemoryLog): Promise<Engine> {
  return Engine.create({ log, durable: true, serviceId: 'svc', properties: props });
}

describe('outer stream-stream join across a restart', () => {
  it('LEFT JOIN ... GRACE PERIOD: an unmatched record held at the restart is emitted when its window closes; a matched one is not', async () => {
    const log = new MemoryLog();
    const first = await instance(log);
    await first.executeScript(`${SOURCES}
      CREATE STREAM out AS SELECT c.user, c.url, b.item FROM clicks c LEFT JOIN buys b WITHIN 10 SECONDS GRACE PERIOD 5 SECONDS ON c.user = b.user;
      INSERT INTO clicks (ROWTIME, user, url) VALUES (1000, 'u', '/a');
      INSERT INTO clicks (ROWTIME, user, url) VALUES (3000, 'v', '/b');
      INSERT INTO buys (ROWTIME, user, item) VALUES (2000, 'u', 'hat');`);
    await first.settle();
    expect(await outRecords(log)).toEqual([['u', { URL: '/a', ITEM: 'hat' }, 2000]]);
    await first.close();

    const second = await instance(log);
    try {
      // Stream time 19,000 closes '/b''s window (3,000 + 10,000 + 5,000) on both partitions' data.
      await second.executeScript(`
        INSERT INTO buys (ROWTIME, user, item) VALUES (19000, 'u', 'ink');
        INSERT INTO buys (ROWTIME, user, item) VALUES (19000, 'v', 'ink');
        INSERT INTO clicks (ROWTIME, user, url) VALUES (19500, 'u', '/c');
        INSERT INTO clicks (ROWTIME, user, url) VALUES (19500, 'v', '/c');`);
      await second.settle();
      expect(await outRecords(log)).toEqual([
        ['u', { URL: '/a', ITEM: 'hat' }, 2000],
        ['v', { URL: '/b', ITEM: null }, 3000],
        ['u', { URL: '/c', ITEM: 'ink' }, 19500],
        ['v', { URL: '/c', ITEM: 'ink' }, 19500],
      ]);
    } finally {
      await second.close();
    }
  });

  it('FULL OUTER JOIN: unmatched records of both sides survive a restart', async () => {
    const log = new MemoryLog();
    const first = await instance(log);
    await first.executeScript(`${SOURCES}
      CREATE STREAM out AS SELECT ROWKEY AS who, c.url, b.item FROM clicks c FULL OUTER JOIN buys b WITHIN 1 SECOND GRACE PERIOD 1 SECOND ON c.user = b.user;
      INSERT INTO clicks (ROWTIME, user, url) VALUES (1000, 'u', '/a');
      INSERT INTO buys (ROWTIME, user, item) VALUES (1100, 'v', 'hat');
      INSERT INTO buys (ROWTIME, user, item) VALUES (1200, 'w', 'cap');
      INSERT INTO clicks (ROWTIME, user, url) VALUES (1300, 'w', '/w');`);
    await first.settle();
    expect(await outRecords(log)).toEqual([['w', { URL: '/w', ITEM: 'cap' }, 1300]]);
    await first.close();

    const second = await instance(log);
    try {
      await second.executeScript(`
        INSERT INTO clicks (ROWTIME, user, url) VALUES (9000, 'u', '/z');
        INSERT INTO clicks (ROWTIME, user, url) VALUES (9000, 'v', '/z');`);
      await second.settle();
      const out = await outRecords(log);
      expect(out.slice(0, 3)).toEqual([
        ['u', { URL: '/a', ITEM: null }, 1000],
        ['v', { URL: null, ITEM: 'hat' }, 1100],
        ['w', { URL: '/w', ITEM: 'cap' }, 1300],
      ]);
      // Nothing else from before the restart ('w' found its match).
      expect(out.filter((r) => r[2] < 9000)).toHaveLength(3);
    } finally {
      await second.close();
    }
  });
  it('a task handed to another instance brings its unmatched records along', async () => {
    const log = new MemoryLog();
    const a = await instance(log);
    await a.executeScript(`${SOURCES}
      CREATE STREAM out AS SELECT c.user, c.url, b.item FROM clicks c LEFT JOIN buys b WITHIN 10 SECONDS GRACE PERIOD 5 SECONDS ON c.user = b.user;`);
    const b = await instance(log);
    try {
      const users = ['u', 'v', 'w', 'x'];
      await a.executeScript(users.map((u, i) => `INSERT INTO clicks (ROWTIME, user, url) VALUES (${1000 + i}, '${u}', '/${u}');`).join('\n'));
      await a.settle();
      await b.settle();
      const tasks = (e: Engine): number => [...e.state.queries.values()].find((q) => q.id.startsWith('CSAS_OUT'))!.runner.assignedTasks().length;
      expect(tasks(a)).toBe(1);
      expect(tasks(b)).toBe(1);
      expect(await outRecords(log)).toEqual([]);
      await a.close();
      // b now holds both tasks; stream time 19,500 closes every window (1,00x + 15,000).
      await b.executeScript(users.map((u) => `INSERT INTO buys (ROWTIME, user, item) VALUES (19500, '${u}', 'late');`).join('\n'));
      await b.settle();
      expect(tasks(b)).toBe(2);
      expect(await outRecords(log)).toEqual(users.map((u, i) => [u, { URL: `/${u}`, ITEM: null }, 1000 + i]));
    } finally {
      await b.close();
    }
  });
});
