// COPY's binary format read into text-format lines (server/pgwire/copy-binary.ts): the stream cut
// anywhere between CopyData messages, NULLs, each column read as its own type, and the errors
// Postgres gives for a stream it cannot read, naming the row and column.
import { describe, expect, it } from 'vitest';
import { binaryCopyLines } from '../../server/pgwire/copy-binary.js';
import { lineAt } from '../../src/engine/file-lines.js';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const int16 = (n: number): Buffer => { const b = Buffer.alloc(2); b.writeInt16BE(n); return b; };
const int32 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
const float8 = (n: number): Buffer => { const b = Buffer.alloc(8); b.writeDoubleBE(n); return b; };
const field = (b: Buffer | null): Buffer => (b === null ? int32(-1) : Buffer.concat([int32(b.length), b]));
const row = (...fs: (Buffer | null)[]): Buffer => Buffer.concat([int16(fs.length), ...fs.map(field)]);
const stream = (...rows: Buffer[]): Buffer => Buffer.concat([SIGNATURE, int32(0), int32(0), ...rows, int16(-1)]);

const INT4 = 23, FLOAT8 = 701, TEXT = 25, BOOL = 16;

async function linesOf(data: Buffer, oids: number[], cut = data.length): Promise<string[]> {
  async function* pieces(): AsyncGenerator<Buffer> { for (let i = 0; i < data.length; i += cut) yield data.subarray(i, i + cut); }
  const out: string[] = [];
  for await (const c of binaryCopyLines(pieces(), oids, oids.map((_, i) => `C${i}`))) for (let j = 0; j < c.count; j++) out.push(lineAt(c, j).toString('utf8'));
  return out;
}

describe('binaryCopyLines', () => {
  const data = stream(
    row(int32(1), float8(1.5), Buffer.from('a\tb\\c'), Buffer.from([1])),
    row(int32(-7), null, Buffer.from('zürich'), Buffer.from([0])),
  );
  const oids = [INT4, FLOAT8, TEXT, BOOL];

  it('reads rows as text-format lines, however the stream is cut into messages', async () => {
    const want = ['1\t1.5\ta\\tb\\\\c\ttrue', '-7\t\\N\tzürich\tfalse'];
    expect(await linesOf(data, oids)).toEqual(want);
    for (const cut of [1, 2, 3, 7, 19]) expect(await linesOf(data, oids, cut)).toEqual(want);
  });

  it('skips the header extension; the end marker may be left out (pgx does), but nothing may follow it', async () => {
    const ext = Buffer.concat([SIGNATURE, int32(0), int32(3), Buffer.from('xyz'), row(int32(5)), int16(-1)]);
    expect(await linesOf(ext, [INT4], 4)).toEqual(['5']);
    expect(await linesOf(ext.subarray(0, ext.length - 2), [INT4], 4)).toEqual(['5']);
    await expect(linesOf(Buffer.concat([ext, Buffer.from('x')]), [INT4])).rejects.toThrow('received copy data after EOF marker');
    await expect(linesOf(Buffer.concat([ext, Buffer.from('x')]), [INT4], 1)).rejects.toThrow('received copy data after EOF marker');
  });

  it('reads a row larger than the messages carrying it', async () => {
    const big = 'x'.repeat(300_000);
    expect(await linesOf(stream(row(int32(1), Buffer.from(big)), row(int32(2), null)), [INT4, TEXT], 1000)).toEqual([`1\t${big}`, '2\t\\N']);
  });

  it('keeps a row of one empty or blank text (the line loader skips blank lines)', async () => {
    expect(await linesOf(stream(row(Buffer.from('')), row(Buffer.from('  x')), row(Buffer.from('  '))), [TEXT])).toEqual(['\\N', '  x', '\\040 ']);
  });

  it('refuses a stream it cannot read, saying where', async () => {
    await expect(linesOf(Buffer.from('id\tname\n1\tx\n'), [INT4])).rejects.toThrow('COPY file signature not recognized');
    await expect(linesOf(stream(row(int32(1), int32(2))), [INT4])).rejects.toThrow('row field count is 2, expected 1 (COPY row 1)');
    await expect(linesOf(stream(row(int32(1)), row(Buffer.from([0, 0, 1]))), [INT4])).rejects.toMatchObject({ code: '22P03', message: 'incorrect binary data format (COPY row 2, column C0)' });
    await expect(linesOf(stream(row(int32(1))).subarray(0, 25), [INT4])).rejects.toThrow('COPY data ended inside row 1');
    await expect(linesOf(stream(row(int32(1))).subarray(0, 30), [INT4])).rejects.toThrow('COPY data ended inside row 2');
    await expect(linesOf(stream().subarray(0, 12), [INT4])).rejects.toThrow('COPY data ended before its binary header');
    await expect(linesOf(Buffer.concat([SIGNATURE, int32(1 << 16), int32(0)]), [INT4])).rejects.toThrow('COPY with OIDs is not supported');
  });
});
