// A foreign-key table join run by two `eddy server` instances of one service on the real broker:
// orders (4 partitions) and customers (3) split between them, so most orders' customers are in a
// task of the other instance. Every order must still be joined, and re-joined when its customer
// changes or goes. (Before the join went through its subscription and response topics, each
// instance saw only its own partitions of customers and most orders were never joined.)
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { KafkaLog } from '../../src/log/kafka-log.js';
import { kafkaBrokers, kafkaEnabled } from '../setup/kafka-broker.js';
import { cliBuilt, groupMembers, readAll, startServer, stopServer, waitProcessed, type ServerProcess } from './service-helpers.js';

vi.setConfig({ testTimeout: 300_000 });

const ORDERS = 40;
const CUSTOMERS = 7;
const json = (o: unknown): Buffer => Buffer.from(JSON.stringify(o));

describe.skipIf(!kafkaEnabled || !cliBuilt())('foreign-key join on two instances', () => {
  let brokers: string[] = [];
  beforeAll(async () => { brokers = await kafkaBrokers(); }, 15 * 60_000);

  it('joins every order with its customer wherever their partitions run, and follows the customer', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const serviceId = `fk_${suffix}`;
    const orders = `orders_${suffix}`;
    const customers = `customers_${suffix}`;
    const out = `ENRICHED_${suffix}`.toUpperCase();
    const log = new KafkaLog({ brokers, clientId: 'eddy-fk-two-instances-test' });
    const servers: ServerProcess[] = [];
    try {
      const setup = await Engine.create({ log, durable: true, serviceId, properties: { 'auto.offset.reset': 'earliest' } });
      await setup.executeScript(`
        CREATE TABLE orders (id STRING PRIMARY KEY, customer STRING, total DOUBLE) WITH (KAFKA_TOPIC='${orders}', VALUE_FORMAT='JSON', PARTITIONS=4);
        CREATE TABLE customers (id STRING PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='${customers}', VALUE_FORMAT='JSON', PARTITIONS=3);
        CREATE TABLE ${out} AS SELECT o.id, o.customer, o.total, c.name FROM orders o JOIN customers c ON o.customer = c.id;`);
      const groups = [...setup.state.queries.keys()].map((q) => `_eddy_${serviceId}_query_${q}`);
      await setup.close();

      servers.push(await startServer(brokers, serviceId, 'a'), await startServer(brokers, serviceId, 'b'));
      const deadline = Date.now() + 90_000;
      let members = await groupMembers(brokers, groups[0], true);
      while (!(members.length === 2 && members.every((m) => m.length > 0)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        members = await groupMembers(brokers, groups[0], true);
      }
      expect(members).toHaveLength(2);

      await log.produce(customers, Array.from({ length: CUSTOMERS }, (_, c) => ({ key: Buffer.from(`c${c}`), value: json({ NAME: `cust${c}` }) })));
      await log.produce(orders, Array.from({ length: ORDERS }, (_, o) => ({ key: Buffer.from(`o${o}`), value: json({ CUSTOMER: `c${o % CUSTOMERS}`, TOTAL: o }) })));
      await waitProcessed(log, groups, [orders, customers]);
      // Customer 1 renamed, customer 2 gone (INNER: its orders leave the table).
      await log.produce(customers, [{ key: Buffer.from('c1'), value: json({ NAME: 'renamed' }) }, { key: Buffer.from('c2'), value: null }]);
      await waitProcessed(log, groups, [orders, customers]);

      const table = new Map<string, Record<string, unknown>>();
      for (const r of await readAll(log, out)) if (r.value === null) table.delete(r.key); else table.set(r.key, r.value);
      const expected = new Map<string, Record<string, unknown>>();
      for (let o = 0; o < ORDERS; o++) {
        const c = o % CUSTOMERS;
        if (c !== 2) expected.set(`o${o}`, { CUSTOMER: `c${c}`, TOTAL: o, NAME: c === 1 ? 'renamed' : `cust${c}` });
      }
      expect(new Map([...table].sort())).toEqual(new Map([...expected].sort()));
    } finally {
      for (const s of servers) await stopServer(s);
      await log.close();
    }
  });
});
