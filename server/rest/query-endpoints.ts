// POST /query (v1: {ksql, streamsProperties}) and POST /query-stream ({sql, properties}): run one
// SELECT (push or pull; PRINT too on /query) and stream its result. A statement that fails to
// start answers with an error entity and its HTTP status, as ksqlDB does.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RestContext } from './rest-context.js';
import { RequestScope } from './request-scope.js';
import { jsonBody, stringField } from './request-body.js';
import { QUERY_V1, streamFormat, type QueryFormat } from './query-formats.js';
import { writeResult } from './write-result.js';
import { BAD_STATEMENT, httpStatus, statementError, genericError, errorCode, errorMessage } from './errors.js';

export function registerQueryEndpoints(app: FastifyInstance, ctx: RestContext): void {
  app.post('/query', async (req, reply) => {
    const body = jsonBody(req);
    const sql = stringField(body, 'ksql');
    await runQuery(ctx, reply, sql, new RequestScope(body.streamsProperties ?? body.properties, body.sessionVariables), QUERY_V1, true);
  });
  app.post('/query-stream', async (req, reply) => {
    const body = jsonBody(req);
    const sql = typeof body.sql === 'string' ? body.sql : stringField(body, 'ksql');
    const format = streamFormat(req.headers.accept);
    await runQuery(ctx, reply, sql, new RequestScope(body.properties ?? body.streamsProperties, body.sessionVariables), format, false);
  });
}

async function runQuery(ctx: RestContext, reply: FastifyReply, sql: string, scope: RequestScope, format: QueryFormat, v1: boolean): Promise<void> {
  const { engine } = ctx;
  const fail = (status: number, entity: object): void => { reply.code(status).header('content-type', 'application/json').send(entity); };
  const stmts = engine.split(sql);
  if (stmts.length !== 1) {
    return fail(400, statementError(new Error(`Expected exactly one statement, got ${stmts.length}.`), sql, []));
  }
  const st = stmts[0];
  let result;
  let limit: number | undefined;
  try {
    await engine.settle();
    const s = engine.parse(st, scope.variables);
    if (s.kind !== 'Query' && !(v1 && s.kind === 'Print')) {
      const e = { '@type': 'statement_error', error_code: BAD_STATEMENT, message: 'Only SELECT statements can be run on this endpoint: use /ksql for the others.', statementText: `${st.text};`, entities: [] };
      return fail(400, e);
    }
    limit = s.kind === 'Query' ? s.query.limit : s.limit;
    result = await engine.execute(s, { properties: scope.properties });
  } catch (e) {
    return fail(httpStatus(e), v1 ? statementError(e, `${st.text};`, []) : genericError(errorCode(e), errorMessage(e)));
  }
  if (result.kind === 'message') return fail(400, genericError(BAD_STATEMENT, result.message));
  // The response is written by hand from here: each row as it arrives.
  reply.hijack();
  await writeResult(ctx, reply.raw, result, format, limit);
}
