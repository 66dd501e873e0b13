// A BIGINT past 2^53 over REST: a row inserted through /inserts-stream keeps every digit, and
// /query-stream writes the digits back (a JSON number a client with 64-bit longs reads exactly).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ksql, startFixture, type Fixture } from './rest-fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ 'auto.offset.reset': 'earliest' });
  await ksql(f.url, "CREATE STREAM events (id BIGINT KEY, nanos BIGINT, note STRING) WITH (KAFKA_TOPIC='events', VALUE_FORMAT='JSON', PARTITIONS=1);");
});
afterAll(async () => { await f.close(); });

describe('BIGINT over REST', () => {
  test('/inserts-stream and /query-stream keep all 19 digits', async () => {
    const body = ['{"target":"events"}', '{"ID":9007199254740993,"NANOS":1733612345123456789,"NOTE":"x"}'].join('\n');
    const ins = await fetch(`${f.url}/inserts-stream`, { method: 'POST', body });
    expect((await ins.text()).trim()).toBe('{"status":"ok","seq":0}');
    await f.engine.settle();
    const r = await fetch(`${f.url}/query-stream`, { method: 'POST', headers: { accept: 'application/json' }, body: JSON.stringify({ sql: 'SELECT id, nanos, nanos + 1 AS after FROM events;' }) });
    const text = await r.text();
    expect(text).toContain('[9007199254740993,1733612345123456789,1733612345123456790]');
  });
});
