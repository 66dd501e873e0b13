// COPY of a file larger than one read chunk: every line arrives once and intact — lines that
// straddle chunk boundaries, CRLF line ends, multi-byte characters — and a bad line goes to the
// processing log with its line number while the rest load.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import type { ProcessingLogEntry } from '../../src/runtime/processing-log.js';

describe('COPY of a large file', () => {
  it('loads every line of a multi-chunk CRLF file, and logs the bad one by its line number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-copy-'));
    const n = 100_000; // ~6 MB: more than one 4 MB read
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(i === 777 ? '{"ID":oops}' : `{"ID":${i},"NAME":"näme ✓ ${'x'.repeat(i % 40)}","V":${i / 4}}`);
    writeFileSync(join(dir, 'big.jsonl'), lines.join('\r\n') + '\r\n');
    const logged: ProcessingLogEntry[] = [];
    const e = await Engine.create({ baseDir: dir, properties: { 'auto.offset.reset': 'earliest' }, onProcessingLog: (x) => logged.push(x) });
    try {
      const res = await e.executeScript(`CREATE STREAM s (id INT, name STRING, v DOUBLE) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
        COPY s FROM 'big.jsonl';`);
      const msg = res[1];
      expect(msg.kind === 'message' && msg.message).toBe(`Copied ${n - 1} records into S (1 bad line sent to the processing log).`);
      expect(logged.map((x) => x.message)).toEqual([expect.stringContaining('big.jsonl:778:')]);
      const [end] = await e.log.endOffsets('s');
      const got = (await e.log.read('s', 0, 0, end)).map((r) => JSON.parse(Buffer.from(r.value!).toString('utf8')) as { ID: number; NAME: string; V: number });
      const expected = [];
      for (let i = 0; i < n; i++) if (i !== 777) expected.push({ ID: i, NAME: `näme ✓ ${'x'.repeat(i % 40)}`, V: i / 4 });
      expect(got).toEqual(expected);
    } finally {
      await e.close();
    }
  });

  it('logs a line that is not UTF-8 by its line number, and loads the rest of its chunk and file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-copy-'));
    const n = 80_000; // two chunks; the bad line is in the first
    const parts: Buffer[] = [];
    for (let i = 0; i < n; i++) {
      parts.push(i === 1234 ? Buffer.from([0x7b, 0x22, 0x49, 0x44, 0x22, 0x3a, 0x31, 0xff, 0x7d]) : Buffer.from(`{"ID":${i},"NAME":"é${i}"}`));
      parts.push(Buffer.from(i % 2 === 0 ? '\n' : '\r\n'));
    }
    writeFileSync(join(dir, 'mixed.jsonl'), Buffer.concat(parts));
    const logged: ProcessingLogEntry[] = [];
    const e = await Engine.create({ baseDir: dir, properties: { 'auto.offset.reset': 'earliest' }, onProcessingLog: (x) => logged.push(x) });
    try {
      const res = await e.executeScript(`CREATE STREAM s (id INT, name STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
        COPY s FROM 'mixed.jsonl';`);
      const msg = res[1];
      expect(msg.kind === 'message' && msg.message).toBe(`Copied ${n - 1} records into S (1 bad line sent to the processing log).`);
      expect(logged.map((x) => x.message)).toEqual([expect.stringMatching(/mixed\.jsonl:1235: .*Invalid UTF-8 in JSON payload/)]);
      const [end] = await e.log.endOffsets('s');
      const got = (await e.log.read('s', 0, 0, end)).map((r) => JSON.parse(Buffer.from(r.value!).toString('utf8')) as { ID: number; NAME: string });
      expect(got.length).toBe(n - 1);
      expect(got.every((r, j) => r.ID === (j < 1234 ? j : j + 1) && r.NAME === `é${r.ID}`)).toBe(true);
    } finally {
      await e.close();
    }
  });
});
