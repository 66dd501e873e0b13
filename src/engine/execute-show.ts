// SHOW|LIST STREAMS, TABLES, TOPICS, QUERIES, FUNCTIONS, PROPERTIES, VARIABLES (ksqlDB's columns).
import type { Show } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult, ResultColumn } from './statement-result.js';
import { STRING, INTEGER, BOOLEAN, formatType } from '../types/sql-type.js';
import { SqlError } from '../types/sql-error.js';
import { formatSchema } from '../types/schema.js';
import { executeShowModels } from './execute-model.js';
import { executeShowConnectors } from './execute-connector.js';

const col = (name: string, type = STRING): ResultColumn => ({ name, type });

export async function executeShow(state: EngineState, s: Show): Promise<StatementResult> {
  const rows = (columns: ResultColumn[], data: unknown[][]): StatementResult =>
    ({ kind: 'rows', statement: s.text, columns, rows: data });
  switch (s.what) {
    case 'STREAMS': case 'TABLES': {
      const type = s.what === 'STREAMS' ? 'STREAM' : 'TABLE';
      const defs = state.catalog.list().filter((d) => d.type === type);
      const nameCol = type === 'STREAM' ? 'Stream Name' : 'Table Name';
      if (s.extended) {
        return rows([col(nameCol), col('Kafka Topic'), col('Key Format'), col('Value Format'), col('Windowed', BOOLEAN), col('Schema')],
          defs.map((d) => [d.name, d.topic, d.keyFormat.format, d.valueFormat.format, d.window !== undefined, formatSchema(d.schema)]));
      }
      return rows([col(nameCol), col('Kafka Topic'), col('Key Format'), col('Value Format'), col('Windowed', BOOLEAN)],
        defs.map((d) => [d.name, d.topic, d.keyFormat.format, d.valueFormat.format, d.window !== undefined]));
    }
    case 'TOPICS': {
      const topics = (await state.log.listTopics())
        .filter((t) => s.all || !t.name.startsWith('_'))
        .sort((a, b) => a.name.localeCompare(b.name));
      return rows([col('Kafka Topic'), col('Partitions', INTEGER), col('Partition Replicas', INTEGER)],
        topics.map((t) => [t.name, t.partitions, t.replicas ?? 1]));
    }
    case 'QUERIES': {
      const qs = [...state.queries.values()].sort((a, b) => a.id.localeCompare(b.id));
      return rows([col('Query ID'), col('Query Type'), col('Status'), col('Sink Name'), col('Sink Kafka Topic'), col('Query String')],
        qs.map((q) => [q.id, q.kind === 'PUSH' ? 'PUSH' : 'PERSISTENT', q.status === 'RUNNING' ? 'RUNNING:1' : 'ERROR:1',
          q.sinkName ?? '', q.sinkTopic ?? '', q.sql]));
    }
    case 'FUNCTIONS':
      return rows([col('Function Name'), col('Category')],
        state.registry.list().map((f) => [f.name.toUpperCase(), f.category]));
    case 'PROPERTIES':
      return rows([col('Property'), col('Value')],
        Object.entries(state.properties).sort(([a], [b]) => a.localeCompare(b)));
    case 'VARIABLES':
      return rows([col('Variable Name'), col('Value')], [...state.variables.entries()]);
    case 'MODELS':
      return executeShowModels(state, s.text);
    case 'TYPES':
      return rows([col('Type Name'), col('Schema')], [...state.types].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, t]) => [name, formatType(t)]));
    case 'CONNECTORS':
      return executeShowConnectors(state, s);
  }
  throw new SqlError('UNSUPPORTED', `SHOW ${s.what} is not supported`);
}
