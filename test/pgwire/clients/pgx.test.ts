// pgx (Go, from the Go module proxy, built by scripts/pg-clients/go.sh) against Eddy's Postgres
// endpoint: conn.CopyFrom, the bulk load Go programs use, which describes a SELECT of the columns
// for their types and then sends COPY ... FROM STDIN (FORMAT binary), names quoted in lower case;
// queries in pgx's default mode (prepared statements, binary results, $1 parameters); a push
// query read live and stopped by cancelling its context.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { startFixture, pushQueryRunning, type PgFixture } from '../pg-helpers.js';
import { installClient, ClientProcess } from './client-process.js';

let fx: PgFixture;
let program: string;

beforeAll(async () => {
  program = await installClient('go');
  fx = await startFixture();
}, 300_000);
afterAll(async () => fx?.close());
afterEach(async () => ClientProcess.killAll());

const run = (scenario: string, options: Record<string, unknown>): ClientProcess =>
  new ClientProcess(program, [String(fx.server.port), scenario, JSON.stringify(options)]);

describe('pgx', () => {
  it('loads rows with conn.CopyFrom (binary COPY: ints, doubles, text, booleans, timestamps, NULLs)', async () => {
    // pgx quotes the names it is given ("go_bin", "id"), Postgres's folded form of unquoted ones:
    // on the Postgres endpoint they find GO_BIN and ID (server/pgwire/postgres-names.ts).
    await fx.engine.executeScript(`CREATE STREAM go_bin (id INT, v DOUBLE, name STRING, ok BOOLEAN, seen TIMESTAMP) WITH (kafka_topic='go_bin', value_format='json', partitions=1);`);
    const rows = [[1, 1.5, 'plain', true, '2026-12-07T10:20:30.123'], [2, null, 'tab\there', false, null], [null, -2.25, null, null, '1999-12-31T23:59:59.000']];
    const p = run('copy-from', { stream: 'go_bin', rows });
    expect(await p.next('copied')).toMatchObject({ rowcount: 3 });
    expect(await p.next('after')).toMatchObject({
      rows: [[1, 1.5, 'plain', true, '2026-12-07T10:20:30.123'], [2, null, 'tab\there', false, null], [null, -2.25, null, null, '1999-12-31T23:59:59.000']],
    });
    await p.finish();
  });

  it('runs a pull query with a $1 parameter in pgx\'s default mode (prepared, binary results) and a push query to its LIMIT', async () => {
    await fx.engine.executeScript(`CREATE STREAM go_q (id INT, v DOUBLE, name STRING, ok BOOLEAN, seen TIMESTAMP) WITH (kafka_topic='go_q', value_format='json', partitions=1);
      INSERT INTO go_q (id, v, name, ok, seen) VALUES (1, 0.5, 'low', true, FROM_UNIXTIME(1765102830123));
      INSERT INTO go_q (id, v, name, ok, seen) VALUES (2, 2.5, 'high', false, NULL);`);
    const p = run('query', { stream: 'go_q', min: 1 });
    expect(await p.next('pulled')).toMatchObject({ rows: [[2, 2.5, 'high', false, null]] });
    expect(await p.next('pushed')).toMatchObject({ count: 2 });
    await p.finish();
  });

  it('reads a push query\'s rows live and stops it by cancelling the context (CancelRequest, 57014); the connection goes on', async () => {
    await fx.engine.executeScript(`CREATE STREAM go_live (id INT) WITH (kafka_topic='go_live', value_format='json', partitions=1);`);
    const p = run('live', { stream: 'go_live', rows: 2 });
    await p.next('querying');
    await pushQueryRunning(fx.engine);
    for (const id of [7, 8]) await fx.engine.executeScript(`INSERT INTO go_live (id) VALUES (${id});`);
    expect(await p.next('row')).toMatchObject({ id: 7 });
    expect(await p.next('row')).toMatchObject({ id: 8 });
    const ended = await p.next('ended');
    expect(ended).toMatchObject({ ids: [7, 8], error: { sqlstate: '57014' } });
    expect(await p.next('after')).toMatchObject({ one: 1 });
    await pushQueryRunning(fx.engine, false);
    await p.finish();
  });
});

