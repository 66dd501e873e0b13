// Request bodies: JSON whatever the Content-Type says (ksqlDB's clients send application/json,
// application/vnd.ksql.v1+json, or curl's form type), and a ksqlDB error entity when it is not.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BAD_REQUEST, genericError, RestError } from './errors.js';

/** Every content type is read as text; endpoints parse it (see jsonBody). */
export function acceptAnyBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
}

/** The request body as a JSON object. */
export function jsonBody(req: FastifyRequest): Record<string, unknown> {
  const text = typeof req.body === 'string' ? req.body : '';
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new RestError(400, genericError(BAD_REQUEST, `Invalid JSON in request: ${(e as Error).message}`));
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new RestError(400, genericError(BAD_REQUEST, 'The request body must be a JSON object.'));
  return v as Record<string, unknown>;
}

/** A required string field of the body. */
export function stringField(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string') throw new RestError(400, genericError(BAD_REQUEST, `The request body needs a "${name}" string.`));
  return v;
}
