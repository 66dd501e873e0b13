// settle() waits for every persistent query to catch up, up to a limit; past it, the error names
// the query still behind and, where it is in ERROR (retrying a fetch that fails, say), why:
// `eddy run` prints this message, and "queries did not catch up" alone sent users to the logs.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';

describe('settle past its limit', () => {
  it('names the query behind and the error it is retrying', async () => {
    const e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await e.executeScript(`CREATE STREAM s (n INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM o AS SELECT * FROM s;`);
      const [q] = e.state.queries.values();
      // As the runner leaves a query whose fetches fail for good: in ERROR, never caught up.
      q.runner.caughtUp = async () => false;
      q.status = 'ERROR';
      q.error = 'the zstd record batch of s/0 at offset 5 does not decompress: bad frame';
      await expect(e.settle(200)).rejects.toThrow(
        `queries did not catch up within 200 ms: ${q.id} is behind (ERROR: the zstd record batch of s/0 at offset 5 does not decompress: bad frame)`);
      q.status = 'RUNNING';
      await expect(e.settle(200)).rejects.toThrow(new RegExp(`within 200 ms: ${q.id} is behind$`));
    } finally {
      await e.close();
    }
  });
});
