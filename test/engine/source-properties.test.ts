// WITH properties of CREATE STREAM/TABLE that ksqlDB checks against each other, and the config
// that sets a one-column value's wrapping when a statement leaves WRAP_SINGLE_VALUE out, and the
// prefix of default sink topic names, and the legacy default partition count of sink topics.
import { describe, it, expect } from 'vitest';
import { run, topicRecords, engine } from './engine-helpers.js';

describe('source properties', () => {
  it('SESSION windows take no WINDOW_SIZE; a windowed source needs a key column', async () => {
    await expect(run(`CREATE TABLE t (k STRING PRIMARY KEY, v BIGINT) WITH (kafka_topic='t', value_format='JSON', partitions=1, WINDOW_TYPE='Session', WINDOW_SIZE='30 seconds');`))
      .rejects.toThrow("'WINDOW_SIZE' should not be set for SESSION windows.");
    await expect(run(`CREATE STREAM s (f0 INT) WITH (kafka_topic='s', value_format='JSON', partitions=1, WINDOW_TYPE='SESSION');`))
      .rejects.toThrow('Windowed sources require a key column.');
    expect((await engine()).state.catalog.get('T')).toBeUndefined();
  });

  it("SET 'ksql.persistence.wrap.single.values'='false': one-column values read and written bare, unless WRAP_SINGLE_VALUE says otherwise", async () => {
    await run(`SET 'ksql.persistence.wrap.single.values'='false';
      CREATE STREAM input (k STRING KEY, foo STRING) WITH (kafka_topic='input', value_format='JSON', partitions=1);
      CREATE STREAM bare AS SELECT k, foo FROM input;
      CREATE STREAM wrapped WITH (WRAP_SINGLE_VALUE=true) AS SELECT k, foo FROM input;
      CREATE STREAM two AS SELECT k, foo, foo AS foo2 FROM input;`);
    const e = await engine();
    await e.log.produce('input', [{ key: Buffer.from('a'), value: Buffer.from('"bar"') }]);
    expect((await topicRecords('BARE')).map((r) => Buffer.from(r.value!).toString())).toEqual(['"bar"']);
    expect((await topicRecords('WRAPPED')).map((r) => Buffer.from(r.value!).toString())).toEqual(['{"FOO":"bar"}']);
    expect((await topicRecords('TWO')).map((r) => Buffer.from(r.value!).toString())).toEqual(['{"FOO":"bar","FOO2":"bar"}']);
  });
  it("SET 'ksql.output.topic.name.prefix' names a sink's topic when KAFKA_TOPIC is not given", async () => {
    await run(`SET 'ksql.output.topic.name.prefix'='team-a-';
      CREATE STREAM src (k STRING KEY, v INT) WITH (kafka_topic='src', value_format='JSON', partitions=1);
      CREATE STREAM out AS SELECT * FROM src;
      CREATE STREAM named WITH (KAFKA_TOPIC='exact') AS SELECT * FROM src;`);
    const e = await engine();
    expect(e.state.catalog.get('OUT')!.topic).toBe('team-a-OUT');
    expect(e.state.catalog.get('NAMED')!.topic).toBe('exact');
  });

  it("SET 'ksql.sink.partitions' sizes a sink topic made without PARTITIONS (else it has its source's)", async () => {
    await run(`CREATE STREAM input (k STRING KEY, foo STRING) WITH (kafka_topic='input', value_format='JSON', partitions=3);
      CREATE STREAM same AS SELECT k, foo FROM input;
      SET 'ksql.sink.partitions'='5';
      CREATE STREAM five AS SELECT k, foo FROM input;
      CREATE STREAM two WITH (PARTITIONS=2) AS SELECT k, foo FROM input;`);
    const e = await engine();
    const partitions = async (t: string) => (await e.log.describeTopic(t))?.partitions;
    expect([await partitions('SAME'), await partitions('FIVE'), await partitions('TWO')]).toEqual([3, 5, 2]);
  });
});
