// A foreign-key table-table join in a durable service, whose tasks may run on different
// instances: an order (left, partitioned by its id) and the customer it names (right,
// partitioned by the customer's id) are usually in different partitions. Each order must still
// meet its customer, follow it when it changes, and survive restarts. (On a durable MemoryLog
// with two engines as two instances of one service; internal topics as on Kafka.)
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';

const props = { 'auto.offset.reset': 'earliest' };

const SOURCES = `
  CREATE TABLE orders (id INT PRIMARY KEY, customer INT, total DOUBLE) WITH (KAFKA_TOPIC='orders', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=2);
  CREATE TABLE customers (id INT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='customers', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=3);`;

type Out = { key: number; value: { CUSTOMER: number; TOTAL: number; NAME: string | null } | null };

/** Every output record, partition by partition in offset order. */
async function outRecords(log: MemoryLog): Promise<Out[]> {
  const ends = await log.endOffsets('OUT');
  const out: Out[] = [];
  for (let p = 0; p < ends.length; p++) {
    for (const r of await log.read('OUT', p, 0, ends[p])) {
      out.push({ key: Buffer.from(r.key!).readInt32BE(0), value: r.value === null ? null : JSON.parse(Buffer.from(r.value).toString()) });
    }
  }
  return out;
}

/** The table the output records make: each key's last value, tombstones removing it. */
async function outTable(log: MemoryLog): Promise<Map<number, Out['value']>> {
  const t = new Map<number, Out['value']>();
  for (const r of await outRecords(log)) if (r.value === null) t.delete(r.key); else t.set(r.key, r.value);
  return new Map([...t].sort((a, b) => a[0] - b[0]));
}

const instance = (log: MemoryLog): Promise<Engine> => Engine.create({ log, durable: true, serviceId: 'shop', properties: props });
const tasks = (e: Engine): number[] => [...e.state.queries.values()].find((q) => q.id.startsWith('CTAS_OUT'))!.runner.assignedTasks();

const ORDERS = 12;
const CUSTOMERS = 5;
const insertCustomers = (suffix = ''): string =>
  Array.from({ length: CUSTOMERS }, (_, c) => `INSERT INTO customers (id, name) VALUES (${c}, 'c${c}${suffix}');`).join('\n');
const insertOrders = (): string =>
  Array.from({ length: ORDERS }, (_, o) => `INSERT INTO orders (id, customer, total) VALUES (${o}, ${o % CUSTOMERS}, ${o}.5);`).join('\n');

describe('foreign-key join across tasks', () => {
  it('joins every order with its customer while two instances split the tasks, and follows customer changes', async () => {
    const log = new MemoryLog();
    const a = await instance(log);
    await a.executeScript(`${SOURCES}
      CREATE TABLE out AS SELECT o.id, o.customer, o.total, c.name FROM orders o JOIN customers c ON o.customer = c.id;`);
    const b = await instance(log);
    try {
      await a.executeScript(insertCustomers());
      await a.executeScript(insertOrders());
      for (let i = 0; i < 3; i++) { await a.settle(); await b.settle(); }
      // Both instances run part of the query: neither holds every partition of both tables.
      expect(tasks(a).length).toBeGreaterThan(0);
      expect(tasks(b).length).toBeGreaterThan(0);
      const joined = (suffix: string) => new Map(Array.from({ length: ORDERS }, (_, o) => [o, { CUSTOMER: o % CUSTOMERS, TOTAL: o + 0.5, NAME: `c${o % CUSTOMERS}${suffix}` }]));
      expect(await outTable(log)).toEqual(joined(''));

      // A customer renamed: each of its orders, wherever it is, is joined again.
      await b.executeScript(insertCustomers('+'));
      for (let i = 0; i < 3; i++) { await a.settle(); await b.settle(); }
      expect(await outTable(log)).toEqual(joined('+'));

      // A customer deleted (INNER): its orders leave the result; an order moved to it leaves too,
      // and one moved away from it comes back.
      await a.executeScript(`INSERT INTO customers (id, name) VALUES (9, 'nine');`);
      await log.produce('customers', [{ key: Buffer.from([0, 0, 0, 1]), value: null }]); // customer 1's tombstone
      await a.executeScript(`INSERT INTO orders (id, customer, total) VALUES (0, 1, 0.5);
        INSERT INTO orders (id, customer, total) VALUES (1, 9, 1.5);`);
      for (let i = 0; i < 3; i++) { await a.settle(); await b.settle(); }
      const expected = joined('+');
      for (const o of [0, 1, 6, 11]) expected.delete(o);
      expected.set(1, { CUSTOMER: 9, TOTAL: 1.5, NAME: 'nine' });
      expect(await outTable(log)).toEqual(new Map([...expected].sort((x, y) => x[0] - y[0])));
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('LEFT: an order changed twice in one batch ends with its latest customer, an order naming none with NULLs', async () => {
    const log = new MemoryLog();
    const e = await instance(log);
    try {
      await e.executeScript(`${SOURCES}
        CREATE TABLE out AS SELECT o.id, o.customer, o.total, c.name FROM orders o LEFT JOIN customers c ON o.customer = c.id;
        ${insertCustomers()}`);
      await e.settle();
      // Both changes of order 7 in one batch (answers crossing changes: test/runtime/fk-join-tasks.test.ts).
      const order = (id: number, customer: number, total: number) =>
        ({ key: Buffer.from([0, 0, 0, id]), value: Buffer.from(JSON.stringify({ CUSTOMER: customer, TOTAL: total })) });
      await e.log.produce('orders', [order(7, 1, 1), order(7, 2, 2), order(8, 77, 3)]);
      await e.settle();
      const records = await outRecords(log);
      for (const r of records) if (r.value !== null && r.value.NAME !== null) expect(r.value.NAME).toBe(`c${r.value.CUSTOMER}`);
      expect(await outTable(log)).toEqual(new Map([
        [7, { CUSTOMER: 2, TOTAL: 2, NAME: 'c2' }],
        [8, { CUSTOMER: 77, TOTAL: 3, NAME: null }], // LEFT: no such customer
      ]));
    } finally {
      await e.close();
    }
  });

  it('keeps its subscriptions across a restart: a customer changed afterwards re-joins orders made before', async () => {
    const log = new MemoryLog();
    const first = await instance(log);
    await first.executeScript(`${SOURCES}
      CREATE TABLE out AS SELECT o.id, o.customer, o.total, c.name FROM orders o JOIN customers c ON o.customer = c.id;
      ${insertOrders()}
      ${insertCustomers()}`);
    await first.settle();
    await first.close();

    const second = await instance(log);
    try {
      await second.executeScript(`INSERT INTO customers (id, name) VALUES (3, 'renamed');`);
      await second.settle();
      const table = await outTable(log);
      expect(table.size).toBe(ORDERS);
      for (const [o, v] of table) expect(v!.NAME).toBe(o % CUSTOMERS === 3 ? 'renamed' : `c${o % CUSTOMERS}`);
      // Only the orders of customer 3 were joined again after the restart.
      const before = (await outRecords(log)).length;
      await second.executeScript(`INSERT INTO customers (id, name) VALUES (3, 'again');`);
      await second.settle();
      expect((await outRecords(log)).length - before).toBe([3, 8].length);
    } finally {
      await second.close();
    }
  });
});
