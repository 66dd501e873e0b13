// POST /inserts-stream: the first line names the target ({"target": "S"}), then one JSON object
// per line is a row to insert. Each row is acknowledged as it is written, in order:
// {"status":"ok","seq":n}, or an error ack for a bad row, and the stream goes on. With Accept
// application/json the acks form one JSON array; otherwise one per line.
import { parseJsonExact } from '../../src/format/json-exact.js';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { RestContext } from './rest-context.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { sqlLiteral } from './json-to-sql.js';
import { BAD_REQUEST, errorCode, genericError } from './errors.js';
import { SqlError } from '../../src/types/sql-error.js';

export function registerInsertsStreamEndpoint(app: FastifyInstance, ctx: RestContext): void {
  // Its own scope: the body is read as a stream, line by line, not parsed up front.
  void app.register(async (scoped) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scoped.post('/inserts-stream', async (req, reply) => {
      const accept = req.headers.accept ?? '';
      const asArray = /application\/json/i.test(accept) && !/delimited/i.test(accept);
      reply.hijack();
      const res = reply.raw as unknown as { writeHead(s: number, h: Record<string, string>): unknown; write(c: string): boolean; end(c?: string): unknown };
      res.writeHead(200, { 'content-type': asArray ? 'application/json' : 'application/vnd.ksqlapi.delimited.v1' });
      let acks = 0;
      const ack = (a: object): void => {
        res.write(asArray ? (acks++ === 0 ? '[' : ',') + JSON.stringify(a) : JSON.stringify(a) + '\n');
      };
      const input = (req.body as Readable | undefined) ?? (req.raw as unknown as Readable);
      let target: OpenTarget | undefined;
      let seq = 0;
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        if (line.trim() === '') continue;
        if (!target) {
          const opened = openTarget(ctx, line);
          if ('error' in opened) {
            ack(opened.error);
            break;
          }
          target = opened;
          continue;
        }
        const n = seq++;
        try {
          await insertRow(ctx, target, line);
          ack({ status: 'ok', seq: n });
        } catch (e) {
          // The message alone: a position would point into the INSERT built here, not the row.
          ack({ status: 'error', seq: n, error_code: errorCode(e), message: e instanceof Error ? e.message : String(e) });
        }
      }
      res.end(asArray ? (acks === 0 ? '[]' : ']') : '');
    });
  });
}

interface OpenTarget { name: string; columns: Map<string, { name: string; type: SqlType }> }

function openTarget(ctx: RestContext, line: string): OpenTarget | { error: object } {
  let name: unknown;
  try { name = (JSON.parse(line) as { target?: unknown }).target; } catch { /* reported below */ }
  if (typeof name !== 'string') return { error: { status: 'error', ...genericError(BAD_REQUEST, 'The first line must be a JSON object with the "target" stream.') } };
  const catalog = ctx.engine.state.catalog;
  const def = catalog.get(name) ?? catalog.get(name.toUpperCase());
  if (!def) return { error: { status: 'error', ...genericError(BAD_REQUEST, `Cannot insert into an unknown stream: ${name}`) } };
  const columns = new Map<string, { name: string; type: SqlType }>();
  for (const c of [...def.schema.key, ...def.schema.value]) columns.set(c.name, { name: c.name, type: c.type });
  columns.set('ROWTIME', { name: 'ROWTIME', type: { kind: 'BIGINT' } });
  return { name: def.name, columns };
}

async function insertRow(ctx: RestContext, target: OpenTarget, line: string): Promise<void> {
  let row: unknown;
  // Numbers keep their text (JsonNumber): a BIGINT past 2^53 and a DECIMAL's digits survive.
  try { row = parseJsonExact(line); } catch (e) { throw new SqlError('INVALID_STATEMENT', `Invalid JSON in row: ${(e as Error).message}`); }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new SqlError('INVALID_STATEMENT', 'A row must be a JSON object of column names to values.');
  const names: string[] = [];
  const values: string[] = [];
  for (const [k, v] of Object.entries(row)) {
    const col = target.columns.get(k) ?? target.columns.get(k.toUpperCase());
    if (!col) throw new SqlError('UNKNOWN_COLUMN', `Column name ${k} does not exist in ${target.name}.`);
    names.push(`\`${col.name}\``);
    values.push(sqlLiteral(v, col.type));
  }
  const sql = `INSERT INTO \`${target.name}\` (${names.join(', ')}) VALUES (${values.join(', ')})`;
  const { engine } = ctx;
  await engine.execute(engine.parse({ text: sql, line: 1, column: 1, offset: 0 }));
}
