// The rows a Postgres portal reads from a push query (server/pgwire/row-source.ts): a backlog
// is taken at once, yet every row comes once and in order, across reads that time out (a FETCH
// with nothing to give), rows arriving later, and the end.
import { describe, expect, it } from 'vitest';
import { RowSource, TIMEOUT } from '../../server/pgwire/row-source.js';
import { AsyncQueue } from '../../src/engine/async-queue.js';
import type { PushRows } from '../../src/engine/statement-result.js';

const never = new Promise<never>(() => undefined);

describe('RowSource over a push query', () => {
  it('gives each row once, in order, through backlogs, timeouts and the end', async () => {
    const q = new AsyncQueue<unknown[]>();
    const rows: PushRows = {
      [Symbol.asyncIterator]: () => q[Symbol.asyncIterator](), cancel: async () => q.close(), buffered: () => q.size,
      takeReady: (max) => q.takeReady(max),
    };
    const src = new RowSource(rows);
    for (let i = 0; i < 600; i++) q.push([i]);
    const seen: unknown[] = [];
    for (let i = 0; i < 300; i++) seen.push((await src.next(never))![0]);
    expect(src.ready()).toBe(300); // taken at once or still queued: all readable without a wait
    for (let i = 0; i < 300; i++) seen.push((await src.next(never))![0]);
    expect(await src.next(never, Date.now() + 20)).toBe(TIMEOUT); // nothing waits: the read stays pending
    q.push([600]); q.push([601]);
    seen.push((await src.next(never))![0], (await src.next(never))![0]);
    q.close();
    expect(await src.next(never)).toBeUndefined();
    expect(seen).toEqual(Array.from({ length: 602 }, (_, i) => i));
  });
});
