// CREATE SOURCE|SINK CONNECTOR, DROP CONNECTOR, DESCRIBE CONNECTOR, SHOW [SOURCE|SINK] CONNECTORS:
// ksqlDB's connector statements, run by Eddy's built-in connectors (src/engine/connectors/).
// A connector starts with CREATE; a connector that cannot reach its system still exists and
// shows FAILED with the reason in DESCRIBE (as in ksqlDB); a bad config fails the statement.
import type { CreateConnector, DescribeConnector, DropConnector, Show } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { ResultColumn, StatementResult } from './statement-result.js';
import { STRING } from '../types/sql-type.js';
import { SqlError } from '../types/sql-error.js';
import { createTopicIfAbsent } from '../log/create-topic-if-absent.js';
import { connectorConfig, maskSecrets } from './connectors/connector-config.js';
import { connectorClass, CONNECTOR_CLASS_NAMES } from './connectors/connector-classes.js';
import { ConnectorHost } from './connectors/connector-host.js';
import { ensureLeaseTopic } from './connectors/connector-lease.js';
import { ensureStatusTopic } from './connectors/connector-status-topic.js';

const col = (name: string): ResultColumn => ({ name, type: STRING });
/** How long DROP (and OR REPLACE) waits for a connector to stop. */
const DROP_TIMEOUT_MS = 3000;

export async function executeCreateConnector(state: EngineState, s: CreateConnector): Promise<StatementResult> {
  const message = (m: string): StatementResult => ({ kind: 'message', statement: s.text, message: m });
  const existing = state.connectors.get(s.name);
  if (existing && s.ifNotExists) return message(`Connector ${s.name} already exists.`);
  if (existing && !s.orReplace) throw new SqlError('INVALID_STATEMENT', `Connector ${s.name} already exists.`, { position: s.span });
  const config = connectorConfig(s.properties);
  const className = config['connector.class'];
  if (!className) {
    throw new SqlError('INVALID_PROPERTY', `Missing required connector config 'connector.class' (one of: ${CONNECTOR_CLASS_NAMES.join(', ')}).`, { position: s.span });
  }
  const cls = connectorClass(className);
  if (!cls) {
    throw new SqlError('INVALID_PROPERTY', `Unknown connector class '${className}': Eddy runs its built-in connectors only (${CONNECTOR_CLASS_NAMES.join(', ')}).`,
      { position: s.properties['CONNECTOR.CLASS']?.span ?? s.span });
  }
  if (cls.type !== s.connectorType) {
    throw new SqlError('INVALID_STATEMENT', `${cls.name} is a ${cls.type.toLowerCase()} connector: use CREATE ${cls.type} CONNECTOR.`, { position: s.span });
  }
  // The MQTT client id stays the same wherever and whenever the connector runs (its session).
  const checked = cls.check(config, s.properties, { clientId: `eddy-${state.serviceId}-${s.name}` });
  // Kafka Connect creates a source's missing topic (topic.creation.default.*); so does Eddy.
  for (const topic of checked.topics) await createTopicIfAbsent(state.log, topic, checked.topicSpec, true);
  if (state.durable) {
    await ensureLeaseTopic(state.log, state.serviceId);
    await ensureStatusTopic(state.log, state.serviceId);
  }
  if (existing) {
    await existing.stop(DROP_TIMEOUT_MS);
    state.connectors.delete(s.name);
  }
  const host = new ConnectorHost({ name: s.name, type: cls.type, className: cls.name, config, topics: checked.topics },
    checked, state.log, state.instanceId, state.durable ? state.serviceId : undefined);
  state.connectors.set(s.name, host);
  host.start();
  return message(`Created connector ${s.name}`);
}

export async function executeDropConnector(state: EngineState, s: DropConnector): Promise<StatementResult> {
  const host = state.connectors.get(s.name);
  if (!host) {
    if (s.ifExists) return { kind: 'message', statement: s.text, message: `Connector ${s.name} does not exist.` };
    throw new SqlError('INVALID_STATEMENT', `Connector ${s.name} does not exist.`, { position: s.span });
  }
  state.connectors.delete(s.name);
  // The MQTT broker keeps the connector's session: a connector created again with the same name
  // gets what was queued meanwhile (nothing acknowledged is lost by DROP and CREATE).
  await host.stop(DROP_TIMEOUT_MS);
  return { kind: 'message', statement: s.text, message: `Dropped connector "${s.name}"` };
}

/** SHOW [SOURCE|SINK] CONNECTORS: ksqlDB's columns. */
export async function executeShowConnectors(state: EngineState, s: Show): Promise<StatementResult> {
  const hosts = [...state.connectors.values()].filter((h) => !s.connectorType || h.def.type === s.connectorType)
    .sort((a, b) => a.def.name.localeCompare(b.def.name));
  const reports = await Promise.all(hosts.map((h) => h.report()));
  return {
    kind: 'rows', statement: s.text,
    columns: [col('Connector Name'), col('Type'), col('Class'), col('Status')],
    rows: hosts.map((h, i) => [h.def.name, h.def.type, h.def.className, reports[i].state]),
  };
}

/**
 * DESCRIBE CONNECTOR: one row per property, as DESCRIBE MODEL; secrets masked. On an instance
 * of a service that does not run it, the state and counters are those its runner reported.
 */
export async function executeDescribeConnector(state: EngineState, s: DescribeConnector): Promise<StatementResult> {
  const h = state.connectors.get(s.name);
  if (!h) throw new SqlError('INVALID_STATEMENT', `Connector ${s.name} does not exist.`, { position: s.span });
  const st = await h.report();
  const sources = h.def.topics.flatMap((t) => state.catalog.byTopic(t).map((d) => `${d.name} (${d.type})`));
  const rows: unknown[][] = [
    ['Name', h.def.name],
    ['Class', h.def.className],
    ['Type', h.def.type],
    ['State', st.state],
    ...(st.trace ? [['Reason', st.trace]] : []),
    ['Worker ID', st.state === 'UNASSIGNED' || st.state === 'STOPPED' ? '-' : st.workerId],
    ...(st.reportedAt !== undefined ? [['Reported at', new Date(st.reportedAt).toISOString()]] : []),
    ['Kafka topic', h.def.topics.join(', ')],
    ['Related sources', sources.join(', ') || '-'],
    ['Messages in', String(st.messagesIn)],
    ['Records written', String(st.recordsWritten)],
    ['Errors', String(st.errors)],
    ['Last error', st.lastError ? `${st.lastError} (at ${new Date(st.lastErrorAt ?? 0).toISOString()})` : '-'],
    ...Object.entries(maskSecrets(h.def.config)).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [`Config ${k}`, v]),
  ];
  return { kind: 'rows', statement: s.text, columns: [col('Property'), col('Value')], rows };
}
