// Stream-stream joins within a window: matches in either order, the later time on results,
// eager NULL results without GRACE PERIOD and results on window close with it.
import { describe, it, expect } from 'vitest';
import { run, topicRecords, errorOf } from './join-helpers.js';

const SOURCES = `
  CREATE STREAM clicks (user STRING KEY, url STRING) WITH (KAFKA_TOPIC='clicks', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
  CREATE STREAM buys (user STRING KEY, item STRING) WITH (KAFKA_TOPIC='buys', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=1);
`;

async function records(topic: string): Promise<unknown[]> {
  return (await topicRecords(topic)).map((x) => [x.key, x.value, x.ts]);
}

describe('stream-stream join', () => {
  it('joins records of a key within the window, in either arrival order', async () => {
    await run(`${SOURCES}
      CREATE STREAM out AS SELECT c.user, c.url, b.item FROM clicks c JOIN buys b WITHIN 10 SECONDS ON c.user = b.user;
      INSERT INTO clicks (ROWTIME, user, url) VALUES (1000, 'u', '/a');
      INSERT INTO buys (ROWTIME, user, item) VALUES (5000, 'u', 'hat');
      INSERT INTO buys (ROWTIME, user, item) VALUES (20000, 'u', 'cap');
      INSERT INTO clicks (ROWTIME, user, url) VALUES (12000, 'u', '/b');
    `);
    expect(await records('OUT')).toEqual([
      ['"u"', { URL: '/a', ITEM: 'hat' }, 5000],
      ['"u"', { URL: '/b', ITEM: 'hat' }, 12000],
      ['"u"', { URL: '/b', ITEM: 'cap' }, 20000],
    ]);
  });

  it('honours different before and after bounds', async () => {
    await run(`${SOURCES}
      CREATE STREAM out AS SELECT c.user, c.url, b.item FROM clicks c JOIN buys b WITHIN (1 SECOND, 5 SECONDS) ON c.user = b.user;
      INSERT INTO clicks (ROWTIME, user, url) VALUES (10000, 'u', '/a');
      INSERT INTO buys (ROWTIME, user, item) VALUES (8000, 'u', 'early');
      INSERT INTO buys (ROWTIME, user, item) VALUES (9500, 'u', 'near');
      INSERT INTO buys (ROWTIME, user, item) VALUES (14000, 'u', 'late');
    `);
    expect((await records('OUT')).map((r) => (r as unknown[])[1])).toEqual([
      { URL: '/a', ITEM: 'near' }, { URL: '/a', ITEM: 'late' },
    ]);
  });

  it('LEFT without GRACE PERIOD emits NULL results at once', async () => {
    await run(`${SOURCES}
      CREATE STREAM out AS SELECT c.user, c.url, b.item FROM clicks c LEFT JOIN buys b WITHIN 10 SECONDS ON c.user = b.user;
      INSERT INTO clicks (ROWTIME, user, url) VALUES (1000, 'u', '/a');
      INSERT INTO buys (ROWTIME, user, item) VALUES (2000, 'u', 'hat');
    `);
    expect(await records('OUT')).toEqual([
      ['"u"', { URL: '/a', ITEM: null }, 1000],
      ['"u"', { URL: '/a', ITEM: 'hat' }, 2000],
    ]);
  });

  it('LEFT with GRACE PERIOD emits NULL results only once the window has closed', async () => {
    await run(`${SOURCES}
      CREATE STREAM out AS SELECT c.user, c.url, b.item FROM clicks c LEFT JOIN buys b WITHIN 10 SECONDS GRACE PERIOD 5 SECONDS ON c.user = b.user;
      INSERT INTO clicks (ROWTIME, user, url) VALUES (1000, 'u', '/a');
      INSERT INTO buys (ROWTIME, user, item) VALUES (2000, 'u', 'hat');
      INSERT INTO clicks (ROWTIME, user, url) VALUES (3000, 'v', '/b');
      INSERT INTO buys (ROWTIME, user, item) VALUES (10000, 'w', 'pen');
      INSERT INTO buys (ROWTIME, user, item) VALUES (19000, 'w', 'ink');
    `);
    // '/b' waits for its window (3000 + 10000 + 5000) to close; stream time 19000 closes it.
    expect(await records('OUT')).toEqual([
      ['"u"', { URL: '/a', ITEM: 'hat' }, 2000],
      ['"v"', { URL: '/b', ITEM: null }, 3000],
    ]);
  });

  it('FULL OUTER emits unmatched rows of both sides under a ROWKEY key', async () => {
    await run(`${SOURCES}
      CREATE STREAM out AS SELECT ROWKEY AS who, c.url, b.item FROM clicks c FULL OUTER JOIN buys b WITHIN 1 SECOND ON c.user = b.user;
      INSERT INTO clicks (ROWTIME, user, url) VALUES (1000, 'u', '/a');
      INSERT INTO buys (ROWTIME, user, item) VALUES (1500, 'v', 'hat');
      INSERT INTO buys (ROWTIME, user, item) VALUES (1600, 'u', 'cap');
    `);
    expect(await records('OUT')).toEqual([
      ['"u"', { URL: '/a', ITEM: null }, 1000],
      ['"v"', { URL: null, ITEM: 'hat' }, 1500],
      ['"u"', { URL: '/a', ITEM: 'cap' }, 1600],
    ]);
  });

  it('needs a WITHIN clause', async () => {
    await run(SOURCES);
    expect(await errorOf('CREATE STREAM out AS SELECT c.user, b.item FROM clicks c JOIN buys b ON c.user = b.user;'))
      .toContain('Stream-Stream joins must have a WITHIN clause specified.');
  });
});
