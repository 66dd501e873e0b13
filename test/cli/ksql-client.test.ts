// The CLI's REST client on its own: /query-stream's delimited rows read as they arrive, and
// error answers turned into errors that say where in the statement the fault is.
import { describe, it, expect } from 'vitest';
import { readDelimitedRows } from '../../server/client/delimited-rows.js';
import { restErrorFromBody } from '../../server/client/ksql-rest-error.js';

function body(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({ start(c) { for (const x of chunks) c.enqueue(x); c.close(); } });
}

describe('ksql REST client', () => {
  it('rows split anywhere between network chunks, even inside a UTF-8 character, arrive whole', async () => {
    const text = '{"queryId":"q1","columnNames":["CITY"],"columnTypes":["STRING"]}\n["Zürich"]\n["Łódź"]\n';
    const bytes = new TextEncoder().encode(text);
    const cut = text.indexOf('ü') + 1; // between ü's two bytes (everything before it is ASCII)
    const { metadata, rows } = await readDelimitedRows(body([bytes.slice(0, 10), bytes.slice(10, cut), bytes.slice(cut)]));
    expect(metadata).toEqual({ queryId: 'q1', columnNames: ['CITY'], columnTypes: ['STRING'] });
    const got: unknown[][] = [];
    for await (const r of rows) got.push(r);
    expect(got).toEqual([['Zürich'], ['Łódź']]);
  });

  it('an error entity after some rows ends the rows with that error', async () => {
    const text = '{"queryId":"q1","columnNames":["N"],"columnTypes":["INTEGER"]}\n[1]\n{"@type":"generic_error","error_code":50000,"message":"sink gone"}\n';
    const { rows } = await readDelimitedRows(body([new TextEncoder().encode(text)]));
    const got: unknown[][] = [];
    await expect((async () => { for await (const r of rows) got.push(r); })()).rejects.toThrow('sink gone');
    expect(got).toEqual([[1]]);
  });

  it('a statement error keeps its line and column within the statement, apart from the message', () => {
    const e = restErrorFromBody(400, { '@type': 'statement_error', error_code: 40001, message: "line 2, column 10: Column 'NOPE' cannot be resolved.", statementText: 'x;', entities: [] });
    expect(e.message).toBe("Column 'NOPE' cannot be resolved.");
    expect(e.position).toEqual({ line: 2, column: 10, offset: 0 });
    expect(e.errorCode).toBe(40001);
    expect(e.status).toBe(400);
  });
});
