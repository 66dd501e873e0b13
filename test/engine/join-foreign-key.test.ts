// Foreign-key table-table joins: left rows look up the right table by a value column; results
// are keyed by the left table's key and follow changes on both sides.
import { describe, it, expect } from 'vitest';
import { run, topicRecords, schemaOf, errorOf } from './join-helpers.js';

const SOURCES = `
  CREATE TABLE orders (id INT PRIMARY KEY, customer INT, total DOUBLE) WITH (KAFKA_TOPIC='orders', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE TABLE customers (id INT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='customers', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE TABLE shown AS SELECT o.id, o.total, c.name FROM orders o LEFT JOIN customers c ON o.customer = c.id;
`;

async function records(topic: string): Promise<unknown[]> {
  return (await topicRecords(topic)).map((x) => [x.key, x.value, x.ts]);
}

describe('foreign-key join', () => {
  it('keys results by the left table and re-joins every left row on a right change', async () => {
    await run(`${SOURCES}
      INSERT INTO orders (ROWTIME, id, customer, total) VALUES (10, 1, 7, 2.5);
      INSERT INTO customers (ROWTIME, id, name) VALUES (20, 7, 'ann');
      INSERT INTO orders (ROWTIME, id, customer, total) VALUES (30, 2, 7, 4.0);
      INSERT INTO customers (ROWTIME, id, name) VALUES (40, 7, 'anna');
    `);
    expect(schemaOf('SHOWN')).toBe('`O_ID` INTEGER KEY, `TOTAL` DOUBLE, `NAME` STRING');
    expect(await records('SHOWN')).toEqual([
      ['1', { TOTAL: 2.5, NAME: null }, 10],
      ['1', { TOTAL: 2.5, NAME: 'ann' }, 20],
      ['2', { TOTAL: 4, NAME: 'ann' }, 30],
      ['1', { TOTAL: 2.5, NAME: 'anna' }, 40],
      ['2', { TOTAL: 4, NAME: 'anna' }, 40],
    ]);
  });

  it('follows a left row to its new foreign key', async () => {
    await run(`${SOURCES}
      INSERT INTO customers (ROWTIME, id, name) VALUES (1, 7, 'ann');
      INSERT INTO customers (ROWTIME, id, name) VALUES (2, 8, 'bob');
      INSERT INTO orders (ROWTIME, id, customer, total) VALUES (10, 1, 7, 2.5);
      INSERT INTO orders (ROWTIME, id, customer, total) VALUES (20, 1, 8, 2.5);
      INSERT INTO customers (ROWTIME, id, name) VALUES (30, 7, 'ann2');
    `);
    // The change of customer 7 no longer concerns order 1.
    expect(await records('SHOWN')).toEqual([
      ['1', { TOTAL: 2.5, NAME: 'ann' }, 10],
      ['1', { TOTAL: 2.5, NAME: 'bob' }, 20],
    ]);
  });

  it('needs every left key column in the projection', async () => {
    await run(SOURCES);
    expect(await errorOf('CREATE TABLE x AS SELECT o.total, c.name FROM orders o JOIN customers c ON o.customer = c.id;'))
      .toBe('Primary key column missing in projection. For foreign-key table-table joins, the projection must include all primary key columns from the left input table (`ORDERS`). Missing column: `ID`.');
    expect(await errorOf('CREATE TABLE y AS SELECT o.id, c.name FROM orders o FULL OUTER JOIN customers c ON o.customer = c.id;'))
      .toContain('Invalid join type: full-outer join not supported for foreign-key table-table join.');
  });
});
