// ksqlDB's entities for the connector statements, in the shapes its REST API returns (Kafka
// Connect's ConnectorInfo and ConnectorStateInfo inside): connector_info (CREATE),
// drop_connector (DROP), connector_list (SHOW CONNECTORS), connector_description (DESCRIBE).
import type { Statement } from '../../grammar/ast.js';
import type { Engine } from '../../src/engine/engine.js';
import type { StatementResult } from '../../src/engine/statement-result.js';
import type { Entity } from './entities.js';
import { statementText } from './entities.js';
import { describeSource } from './source-description.js';

const entity = (type: string, s: Statement, fields: Record<string, unknown>): Entity =>
  ({ '@type': type, statementText: statementText(s), ...fields, warnings: [] });

/** Secrets as Kafka Connect's REST API hides them. */
const masked = (config: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(config).map(([k, v]) => [k, /password|secret|token|credential/i.test(k) ? '[hidden]' : v]));

/** The entity of a connector statement; undefined for other statements. */
export async function connectorEntity(engine: Engine, s: Statement, result: StatementResult): Promise<Entity | undefined> {
  const connectors = engine.state.connectors;
  switch (s.kind) {
    case 'CreateConnector': {
      const h = connectors.get(s.name);
      if (!h) return undefined;
      return entity('connector_info', s, {
        info: { name: h.def.name, config: masked(h.def.config), tasks: [{ connector: h.def.name, task: 0 }], type: h.def.type.toLowerCase() },
      });
    }
    case 'DropConnector':
      return entity('drop_connector', s, { connectorName: s.name });
    case 'Show':
      if (s.what !== 'CONNECTORS') return undefined;
      // The engine's rows: each state as this instance knows it or its runner reported it.
      return entity('connector_list', s, {
        connectors: (result.kind === 'rows' ? result.rows : []).map(([name, type, className, state]) =>
          ({ name, type: String(type).toLowerCase(), className, state })),
      });
    case 'DescribeConnector': {
      const h = connectors.get(s.name);
      if (!h) return undefined;
      const st = await h.report();
      const worker = st.state === 'UNASSIGNED' || st.state === 'STOPPED' ? '' : st.workerId;
      const state = { state: st.state, worker_id: worker, ...(st.trace ? { trace: st.trace } : {}) };
      const related = h.def.topics.flatMap((t) => engine.state.catalog.byTopic(t).map((d) => d.name));
      return entity('connector_description', s, {
        connectorClass: h.def.className,
        status: { name: h.def.name, connector: state, tasks: [{ id: 0, ...state }], type: h.def.type.toLowerCase() },
        sources: (await Promise.all(related.map((n) => describeSource(engine, n, false)))).filter((d) => d !== undefined),
        topics: h.def.topics,
        // Eddy's own (ksqlDB's clients ignore it): the counters and the config, secrets hidden.
        eddyStats: { messagesIn: st.messagesIn, recordsWritten: st.recordsWritten, errors: st.errors, lastError: st.lastError ?? null },
        config: masked(h.def.config),
      });
    }
    default:
      return undefined;
  }
}
