// Stream-table joins end to end: lookups on the table's key, LEFT with NULLs, re-keying on a
// value column, naming of the output columns and ksqlDB's errors.
import { describe, it, expect } from 'vitest';
import { run, pushRows, topicRecords, schemaOf, errorOf } from './join-helpers.js';

const SOURCES = `
  CREATE STREAM orders (id INT KEY, item STRING, qty INT) WITH (KAFKA_TOPIC='orders', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE TABLE items (name STRING PRIMARY KEY, price DOUBLE) WITH (KAFKA_TOPIC='items', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE TABLE users (id INT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='users', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
`;

describe('stream-table join', () => {
  it('joins each stream row with the current table row of its key', async () => {
    await run(`${SOURCES}
      CREATE STREAM named AS SELECT o.id, o.qty, u.name FROM orders o JOIN users u ON o.id = u.id;
      INSERT INTO orders (id, item, qty) VALUES (1, 'apple', 5);
      INSERT INTO users (id, name) VALUES (1, 'ann');
      INSERT INTO orders (id, item, qty) VALUES (1, 'pear', 2);
      INSERT INTO users (id, name) VALUES (1, 'anna');
      INSERT INTO orders (id, item, qty) VALUES (1, 'fig', 7);
    `);
    // The first order came before the user: an inner join drops it; table updates emit nothing.
    expect(await pushRows('named', 2)).toEqual([[1, 2, 'ann'], [1, 7, 'anna']]);
    expect(schemaOf('NAMED')).toBe('`O_ID` INTEGER KEY, `QTY` INTEGER, `NAME` STRING');
  });

  it('LEFT JOIN keeps unmatched stream rows with NULL table columns', async () => {
    await run(`${SOURCES}
      CREATE STREAM named AS SELECT o.id, o.qty, u.name FROM orders o LEFT JOIN users u ON o.id = u.id;
      INSERT INTO orders (id, item, qty) VALUES (1, 'apple', 5);
      INSERT INTO users (id, name) VALUES (1, 'ann');
      INSERT INTO orders (id, item, qty) VALUES (1, 'pear', 2);
      INSERT INTO users (id, name) VALUES (1, NULL);
      INSERT INTO orders (id, item, qty) VALUES (2, 'fig', 7);
    `);
    expect(await pushRows('named', 3)).toEqual([[1, 5, null], [1, 2, 'ann'], [2, 7, null]]);
  });

  it('re-keys the stream by its join expression when that is not its key', async () => {
    await run(`${SOURCES}
      CREATE STREAM priced AS SELECT o.item, o.id, o.qty * i.price AS cost FROM orders o JOIN items i ON o.item = i.name;
      INSERT INTO items (name, price) VALUES ('apple', 0.5);
      INSERT INTO orders (id, item, qty) VALUES (1, 'apple', 4);
      INSERT INTO orders (id, item, qty) VALUES (2, 'kiwi', 4);
    `);
    expect(schemaOf('PRICED')).toBe('`ITEM` STRING KEY, `ID` INTEGER, `COST` DOUBLE');
    expect(await topicRecords('PRICED')).toEqual([{ key: '"apple"', value: { ID: 1, COST: 2 }, ts: expect.any(Number) }]);
  });

  it('names SELECT * columns after their sources and keeps each source key', async () => {
    await run(`${SOURCES}
      CREATE STREAM everything AS SELECT * FROM orders o JOIN users u ON o.id = u.id;
      INSERT INTO users (id, name) VALUES (3, 'cy');
      INSERT INTO orders (id, item, qty) VALUES (3, 'plum', 1);
    `);
    expect(schemaOf('EVERYTHING')).toBe('`O_ID` INTEGER KEY, `O_ITEM` STRING, `O_QTY` INTEGER, `U_ID` INTEGER, `U_NAME` STRING');
    expect(await pushRows('everything', 1)).toEqual([[3, 'plum', 1, 3, 'cy']]);
  });

  it('gives each source its own ROWTIME', async () => {
    await run(`${SOURCES}
      CREATE STREAM times AS SELECT o.id, o.ROWTIME AS ot, u.ROWTIME AS ut FROM orders o JOIN users u ON o.id = u.id;
      INSERT INTO users (ROWTIME, id, name) VALUES (100, 1, 'ann');
      INSERT INTO orders (ROWTIME, id, item, qty) VALUES (250, 1, 'pear', 2);
    `);
    expect(await topicRecords('TIMES')).toEqual([{ key: '1', value: { OT: 250, UT: 100 }, ts: 250 }]);
  });

  it('rejects joins ksqlDB rejects', async () => {
    await run(SOURCES);
    expect(await errorOf(`CREATE STREAM x AS SELECT o.id, u.name FROM orders o JOIN users u ON o.qty = u.name;`))
      .toContain('Invalid join condition: stream-table joins require to join on the table\'s primary key. Got O.QTY = U.NAME.');
    expect(await errorOf(`CREATE STREAM y AS SELECT o.id, u.name FROM orders o FULL OUTER JOIN users u ON o.id = u.id;`))
      .toContain('Invalid join type: full-outer join not supported for stream-table join. Got ORDERS [FULL] OUTER JOIN USERS.');
    expect(await errorOf(`CREATE TABLE z AS SELECT u.id, o.qty FROM users u JOIN orders o ON u.id = o.id;`))
      .toContain('Invalid join order: table-stream joins are not supported; only stream-table joins. Got USERS [INNER] JOIN ORDERS.');
    expect(await errorOf(`CREATE STREAM w AS SELECT o.qty, u.name FROM orders o JOIN users u ON o.id = u.id;`))
      .toContain('must include the join expressions O.ID or U.ID in its projection (eg, SELECT O.ID...).');
    expect(await errorOf(`CREATE STREAM v AS SELECT o.id, u.name FROM orders o JOIN users u WITHIN 1 SECOND ON o.id = u.id;`))
      .toContain('A window definition was provided for a Stream-Table join.');
  });
});
