// CREATE SOURCE STREAM / SOURCE TABLE: read-only sources over a topic something else owns. They
// take no INSERT, no CREATE OR REPLACE, and dropping one never deletes its topic (as ksqlDB).
import { describe, it, expect, afterEach } from 'vitest';
import { Engine } from '../../src/engine/engine.js';

let engine: Engine | undefined;
afterEach(async () => { await engine?.close(); engine = undefined; });

describe('SOURCE streams and tables', () => {
  it('DROP ... DELETE TOPIC is refused and changes nothing; a plain DROP leaves the topic', async () => {
    const e = (engine = await Engine.create());
    await e.executeScript(`CREATE SOURCE STREAM input (k STRING KEY, text STRING) WITH (kafka_topic='owned_elsewhere', value_format='JSON', partitions=1);`);
    await e.log.produce('owned_elsewhere', [{ key: Buffer.from('a'), value: Buffer.from('{"TEXT":"kept"}') }]);
    await expect(e.executeScript('DROP STREAM input DELETE TOPIC;')).rejects.toThrow('Cannot delete topic for read-only source: INPUT');
    expect(e.state.catalog.get('INPUT')).toBeDefined();
    await e.executeScript('DROP STREAM input;');
    expect(e.state.catalog.get('INPUT')).toBeUndefined();
    expect(await e.log.endOffsets('owned_elsewhere')).toEqual([1]);
  });

  it('CREATE OR REPLACE is refused for a source stream or table, new or not', async () => {
    const e = (engine = await Engine.create());
    await expect(e.executeScript(`CREATE OR REPLACE SOURCE STREAM s1 (k STRING KEY, v INT) WITH (kafka_topic='t1', value_format='JSON', partitions=1);`))
      .rejects.toThrow("Cannot add stream 'S1': CREATE OR REPLACE is not supported on source streams.");
    expect(e.state.catalog.get('S1')).toBeUndefined();
    await e.executeScript(`CREATE SOURCE TABLE t (k STRING PRIMARY KEY, v INT) WITH (kafka_topic='t2', value_format='JSON', partitions=1);`);
    await expect(e.executeScript(`CREATE OR REPLACE TABLE t (k STRING PRIMARY KEY, v INT) WITH (kafka_topic='t2', value_format='JSON', partitions=1);`))
      .rejects.toThrow("Cannot add table 'T': CREATE OR REPLACE is not supported on source tables.");
  });
});
