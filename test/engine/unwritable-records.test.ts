// A record that can never be written, and a processing log that cannot be written, never stall
// the engine: the record goes to the processing log and the rest of its batch is written; a
// failed write retried does not write again what was already written; statements go on.
import { describe, expect, it } from 'vitest';
import { engine, run, topicRecords, jsonValue, utf8 } from './engine-helpers.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import type { Log, ProducerRecord } from '../../src/log/log.js';
import { PartialProduce } from '../../src/log/produce-errors.js';
import { ProcessingLogWriter } from '../../src/engine/processing-log-writer.js';
import { QueryRunner } from '../../src/runtime/query-runner.js';
import { StateStores } from '../../src/runtime/state/state-stores.js';

/**
 * A fault injector, not a mock of Kafka: a MemoryLog whose next write to `topic` writes only its
 * first `written` records and then fails, as KafkaLog does when a broker goes away after some
 * chunks of a large batch were acknowledged.
 */
function failingPartway(topic: string, written: number): Log {
  const inner = new MemoryLog();
  let armed = true;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      // Both ways of writing: produce, and append (queries' and COPY's, without positions).
      if (prop !== 'produce' && prop !== 'append') {
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      }
      const write = prop === 'produce' ? target.produce.bind(target) : target.append.bind(target);
      return async (t: string, recs: ProducerRecord[]) => {
        if (t !== topic || !armed || recs.length <= written) return write(t, recs);
        armed = false;
        await write(t, recs.slice(0, written));
        throw new PartialProduce(written, [], new Error('the broker went away'));
      };
    },
  });
}

describe('records that cannot be written', () => {
  it('a record over the topic\'s max message size goes to the processing log and the rest of its batch reaches the sink', async () => {
    const e = await engine();
    await run(`
      CREATE STREAM texts (id STRING KEY, t STRING) WITH (KAFKA_TOPIC='texts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM doubled AS SELECT id, t + t AS t FROM texts;`);
    const rec = (id: string, t: string) => ({ key: utf8(id), value: utf8(JSON.stringify({ T: t })) });
    // 700 kB in, 1.4 MB out: over the default max.message.bytes (about 1 MB).
    await e.log.produce('texts', [rec('a', 'a'), rec('b', 'x'.repeat(700_000)), rec('c', 'c')]);
    expect((await topicRecords('DOUBLED')).map(jsonValue)).toEqual([{ T: 'aa' }, { T: 'cc' }]);
    const logged = e.state.processingLog.recent.filter((x) => x.type === 'PRODUCTION');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ queryId: 'CSAS_DOUBLED_0', topic: 'DOUBLED' });
    expect(logged[0].message).toMatch(/larger than the topic's max\.message\.bytes/);
    expect(logged[0].record).toMatch(/^key b, value of 14000\d\d bytes$/);
    // Later statements run as before.
    await run(`INSERT INTO texts (id, t) VALUES ('d', 'd');`);
    expect((await topicRecords('DOUBLED')).map(jsonValue)).toEqual([{ T: 'aa' }, { T: 'cc' }, { T: 'dd' }]);
  });

  it('with exactly_once, a record over the topic\'s max message size goes to the processing log and the rest of its transaction is written', async () => {
    const e = await engine({ durable: true, serviceId: 'eos_big', properties: { 'processing.guarantee': 'exactly_once' } });
    await run(`
      CREATE STREAM texts (id STRING KEY, t STRING) WITH (KAFKA_TOPIC='texts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM doubled AS SELECT id, t + t AS t FROM texts;`);
    const rec = (id: string, t: string) => ({ key: utf8(id), value: utf8(JSON.stringify({ T: t })) });
    await e.log.produce('texts', [rec('a', 'a'), rec('b', 'x'.repeat(700_000)), rec('c', 'c')]);
    expect((await topicRecords('DOUBLED')).map(jsonValue)).toEqual([{ T: 'aa' }, { T: 'cc' }]);
    expect(e.state.processingLog.recent.filter((x) => x.type === 'PRODUCTION')).toEqual([
      expect.objectContaining({ topic: 'DOUBLED', message: expect.stringMatching(/max\.message\.bytes/) }),
    ]);
  });

  it('a sink write that failed after part of the batch was written writes each record once when retried', async () => {
    const e = await engine({ log: failingPartway('COPIED', 2) });
    await run(`
      CREATE STREAM src (id INT KEY, v INT) WITH (KAFKA_TOPIC='src', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM copied AS SELECT id, v FROM src;`);
    await e.log.produce('src', [1, 2, 3, 4, 5].map((v) => ({ key: Buffer.from([0, 0, 0, v]), value: utf8(JSON.stringify({ V: v })) })));
    expect((await topicRecords('COPIED')).map(jsonValue)).toEqual([{ V: 1 }, { V: 2 }, { V: 3 }, { V: 4 }, { V: 5 }]);
  });
});

describe('a sink that cannot be written', () => {
  it('a query whose sink topic is gone stops with an error instead of holding up every statement', async () => {
    const log = new MemoryLog();
    await log.createTopic('in', { partitions: 1 });
    await log.createTopic('out', { partitions: 1 });
    const outBuffer: ProducerRecord[] = [];
    const errors: string[] = [];
    const runner = new QueryRunner({
      queryId: 'Q', log, groupId: 'g', topics: ['in'], autoOffsetReset: 'earliest', outBuffer, sinkTopic: 'out', giveUpMs: 300,
      graph: {
        handlers: new Map([['in', [(rec) => { outBuffer.push({ key: rec.key, value: rec.value }); }]]]),
        stores: new StateStores(), repartitionTopics: [], onePartition: new Set(), emitCaches: [],
      },
      onError: (e) => errors.push((e as Error).message),
    });
    runner.start();
    await log.deleteTopic('out');
    await log.produce('in', [{ key: null, value: utf8('1') }]);
    let caughtUp = false;
    for (let i = 0; i < 200 && !(caughtUp = await runner.caughtUp()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(caughtUp).toBe(true);
    expect(runner.isStopped).toBe(true);
    expect(errors[errors.length - 1]).toMatch(/^the query stopped: topic 'out' does not exist/);
    // Its input offsets are not committed: nothing was written.
    expect(await log.committedOffsets('g', 'in')).toEqual(new Map());
    await runner.stop();
    await log.close();
  });
});

describe('a processing log that cannot be written', () => {
  it('a deleted processing-log topic is created again and the entry written', async () => {
    const e = await engine();
    await run(`
      CREATE STREAM s (id INT KEY, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM out_s AS SELECT id, v FROM s;`);
    const topic = e.state.processingLog.topic;
    await e.log.deleteTopic(topic);
    await e.log.produce('s', [{ key: null, value: utf8('not json') }]);
    await run(`INSERT INTO s (id, v) VALUES (1, 1);`);
    await e.settle();
    const entries = (await e.log.read(topic, 0, 0, 10)).map(jsonValue);
    expect(entries).toEqual([expect.objectContaining({ TYPE: 'DESERIALIZATION', TOPIC: 's', OFFSET: 0 })]);
  });

  it('entries that cannot be written do not hold up statements; they are reported and dropped in the end', async () => {
    // A fault injector: every write to the processing-log topic fails.
    const log = new MemoryLog();
    const broken: Log = new Proxy(log, {
      get(target, prop, receiver) {
        if (prop === 'produce') return async () => { throw new Error('disk full'); };
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const reports: string[] = [];
    let clock = 0;
    const writer = new ProcessingLogWriter(broken, 'svc', { report: (m) => reports.push(m), drainMs: 50, giveUpMs: 300 });
    await writer.init();
    writer.log({ queryId: 'Q', type: 'EVALUATION', message: 'x' });
    await writer.drain(); // returns although nothing could be written
    expect(reports).toEqual([]);
    clock = Date.now();
    while (reports.length === 0 && Date.now() - clock < 5000) await new Promise((r) => setTimeout(r, 50));
    expect(reports).toEqual([expect.stringMatching(/dropped 1 processing-log entries: cannot write topic '_eddy_svc_processing_log': disk full/)]);
    await log.close();
  });
});
