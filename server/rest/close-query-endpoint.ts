// POST /close-query {queryId}: ends a push query a client is streaming (its response ends).
import type { FastifyInstance } from 'fastify';
import type { RestContext } from './rest-context.js';
import { jsonBody, stringField } from './request-body.js';
import { BAD_REQUEST, genericError } from './errors.js';

export function registerCloseQueryEndpoint(app: FastifyInstance, ctx: RestContext): void {
  app.post('/close-query', async (req, reply) => {
    const queryId = stringField(jsonBody(req), 'queryId');
    const q = ctx.streaming.get(queryId);
    if (!q) return reply.code(400).send(genericError(BAD_REQUEST, `No query with id ${queryId}`));
    await q.close();
    return reply.code(200).send();
  });
}
