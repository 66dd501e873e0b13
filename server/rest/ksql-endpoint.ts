// POST /ksql: runs the statements of `ksql` in order, each with the request's properties and
// variables, and answers with one entity per statement. The first failing statement stops the
// request: the answer is its error entity, with the entities of the statements before it.
import type { FastifyInstance } from 'fastify';
import type { RestContext } from './rest-context.js';
import { RequestScope } from './request-scope.js';
import { toEntity, variablesEntity, statementText, type Entity } from './entities.js';
import { jsonBody, stringField } from './request-body.js';
import { httpStatus, statementError, QUERY_ENDPOINT, RestError, genericError, BAD_REQUEST } from './errors.js';

const QUERY_ENDPOINT_MESSAGE = "The following statement types should be issued to the websocket endpoint '/query':\n\t* PRINT\n\t* SELECT";

export function registerKsqlEndpoint(app: FastifyInstance, ctx: RestContext): void {
  app.post('/ksql', async (req, reply) => {
    const body = jsonBody(req);
    const ksql = stringField(body, 'ksql');
    const scope = new RequestScope(body.streamsProperties ?? body.properties, body.sessionVariables);
    await waitForCommand(ctx, body.commandSequenceNumber);
    const { engine } = ctx;
    const entities: Entity[] = [];
    for (const st of engine.split(ksql)) {
      try {
        await engine.settle();
        const s = engine.parse(st, scope.variables);
        if (s.kind === 'Query' || s.kind === 'Print') {
          return reply.code(400).send({ '@type': 'statement_error', error_code: QUERY_ENDPOINT, message: QUERY_ENDPOINT_MESSAGE, statementText: statementText(s), entities });
        }
        if (scope.apply(s)) continue;
        if (s.kind === 'Show' && s.what === 'VARIABLES') { entities.push(variablesEntity(s, scope)); continue; }
        const result = await engine.execute(s, { properties: scope.properties });
        // A terminated push query's stream ends too (the engine stopped its rows).
        if (s.kind === 'Terminate') await ctx.closeStreaming(s.all ? undefined : s.queryId);
        const e = await toEntity(ctx, s, result, scope);
        if (e) entities.push(e);
      } catch (e) {
        return reply.code(httpStatus(e)).send(statementError(e, `${st.text};`, entities));
      }
    }
    return entities;
  });
}

/** commandSequenceNumber: run only after that command has (ksqlDB's timeout property). */
async function waitForCommand(ctx: RestContext, n: unknown): Promise<void> {
  if (n === undefined || n === null) return;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new RestError(400, genericError(BAD_REQUEST, 'commandSequenceNumber must be an integer.'));
  const timeoutMs = Number(ctx.property('ksql.server.command.response.timeout.ms', '5000'));
  if (!(await ctx.commands.waitFor(n, timeoutMs))) {
    throw new RestError(503, genericError(50300, `Timed out while waiting for a previous command to execute. command sequence number: ${n}`));
  }
}
