// GET /info, /healthcheck, /clusterStatus, /status and /status/{commandId}: the server's
// identity, health and the statuses of the commands it ran, in ksqlDB's shapes.
import type { FastifyInstance } from 'fastify';
import { packageVersion } from './package-root.js';
import type { ClusterMembership } from './cluster-membership.js';
import type { RestContext } from './rest-context.js';
import { genericError, NOT_FOUND } from './errors.js';

/** The ksqlDB version whose REST API this server answers as (clients check it). */
export const KSQLDB_VERSION = '0.29.0';

/**
 * `log`: what the engine runs on, as the server's start line says it ("Kafka at HOST:PORT ...",
 * "the embedded log"); /info reports it with Eddy's own details beside ksqlDB's.
 */
export function registerInfoEndpoints(app: FastifyInstance, ctx: RestContext, cluster: () => ClusterMembership, log?: string): void {
  const { engine } = ctx;
  const startedAt = Date.now();
  app.get('/info', async () => ({
    KsqlServerInfo: {
      version: KSQLDB_VERSION,
      kafkaClusterId: engine.state.durable ? 'kafka' : 'embedded',
      ksqlServiceId: engine.state.serviceId,
      serverStatus: 'RUNNING',
    },
    // Eddy's own, which ksqlDB's clients ignore (the web console's Server page shows them).
    EddyServerInfo: {
      version: packageVersion(),
      startedAt: new Date(startedAt).toISOString(),
      log: log ?? (engine.state.durable ? 'Kafka' : 'the embedded log'),
      instanceId: engine.state.instanceId,
      persistentQueries: engine.state.queries.size,
      models: engine.state.models.size,
    },
  }));

  app.get('/healthcheck', async (_req, reply) => {
    // The log answers (a broker is reachable), or not.
    const kafka = await engine.log.listTopics().then(() => true, () => false);
    const body = { isHealthy: kafka, details: { metastore: { isHealthy: true }, kafka: { isHealthy: kafka }, commandRunner: { isHealthy: true } } };
    return reply.code(kafka ? 200 : 503).send(body);
  });

  app.get('/clusterStatus', async () => {
    const now = Date.now();
    const members = await cluster().members();
    return {
      clusterStatus: Object.fromEntries(members.map((m) => [m.hostPort, {
        hostAlive: m.alive, lastStatusUpdateMs: m.self ? now : m.lastSeen, activeStandbyPerQuery: {},
        hostStoreLags: { stateStoreLags: {}, updateTimeMs: now },
        // Eddy's own: which instance, since when, its REST address.
        eddy: { instanceId: m.instanceId, url: m.url, startedAt: new Date(m.startedAt).toISOString(), self: m.self },
      }])),
    };
  });

  app.get('/status', async () => ({ commandStatuses: ctx.commands.all() }));

  // A command id has three parts: stream/NAME/create.
  app.get<{ Params: { type: string; entity: string; action: string } }>('/status/:type/:entity/:action', async (req, reply) => {
    const id = `${req.params.type}/${req.params.entity}/${req.params.action}`;
    const s = ctx.commands.get(id);
    if (!s) return reply.code(404).send(genericError(NOT_FOUND, `Command with id ${id} not found.`));
    return s;
  });
}
