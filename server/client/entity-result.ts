// /ksql entities turned into the CLI's printable results (the engine's StatementResult shape), so
// a script run against a server prints what the local CLI prints: a command's message, SHOW's
// and DESCRIBE's tables with the local column names. Kinds without a table print as JSON.
import type { StatementResult, ResultColumn } from '../../src/engine/statement-result.js';
import { STRING, BOOLEAN, INTEGER, DOUBLE, BIGINT, type SqlType } from '../../src/types/sql-type.js';
import type { KsqlEntity } from './ksql-client.js';

type Printable = Extract<StatementResult, { kind: 'message' | 'rows' }>;

const col = (name: string, type: SqlType = STRING): ResultColumn => ({ name, type });
const list = (e: KsqlEntity, field: string): Record<string, any>[] => (Array.isArray(e[field]) ? e[field] : []) as Record<string, any>[];

export function entityToResult(e: KsqlEntity): Printable {
  const statement = e.statementText ?? '';
  const rows = (columns: ResultColumn[], data: unknown[][]): Printable => ({ kind: 'rows', statement, columns, rows: data });
  switch (e['@type']) {
    case 'currentStatus': {
      const status = e.commandStatus as { message?: string } | undefined;
      return { kind: 'message', statement, message: status?.message ?? '' };
    }
    case 'streams': case 'tables': {
      const name = e['@type'] === 'streams' ? 'Stream Name' : 'Table Name';
      return rows([col(name), col('Kafka Topic'), col('Key Format'), col('Value Format'), col('Windowed', BOOLEAN)],
        list(e, e['@type']).map((s) => [s.name, s.topic, s.keyFormat, s.valueFormat, s.isWindowed]));
    }
    case 'kafka_topics':
      return rows([col('Kafka Topic'), col('Partitions', INTEGER), col('Partition Replicas', INTEGER)],
        list(e, 'topics').map((t) => [t.name, t.replicaInfo?.length ?? 0, t.replicaInfo?.[0] ?? 1]));
    case 'queries':
      return rows([col('Query ID'), col('Query Type'), col('Status'), col('Sink Name'), col('Sink Kafka Topic'), col('Query String')],
        list(e, 'queries').map((q) => [q.id, q.queryType, `${q.state}:1`, q.sinks?.[0] ?? '', q.sinkKafkaTopics?.[0] ?? '', q.queryString]));
    case 'function_names':
      return rows([col('Function Name'), col('Category')], list(e, 'functions').map((f) => [f.name, f.category]));
    case 'properties':
      return rows([col('Property'), col('Value')], list(e, 'properties').map((p) => [p.name, p.value]));
    case 'variables':
      return rows([col('Variable Name'), col('Value')], list(e, 'variables').map((v) => [v.name, v.value]));
    case 'sourceDescription': {
      const d = e.sourceDescription as { fields?: { name: string; type?: string; schema: SchemaInfo }[] } | undefined;
      return rows([col('Field'), col('Type')], (d?.fields ?? []).map((f) =>
        [f.name, schemaText(f.schema) + (f.type === 'KEY' ? ' (key)' : '')]));
    }
    case 'queryDescription':
      return { kind: 'message', statement, message: String((e.queryDescription as { executionPlan?: string } | undefined)?.executionPlan ?? '') };
    case 'connector_info':
      return { kind: 'message', statement, message: `Created connector ${String((e.info as { name?: string } | undefined)?.name ?? '')}` };
    case 'drop_connector':
      return { kind: 'message', statement, message: `Dropped connector "${String(e.connectorName ?? '')}"` };
    case 'connector_list':
      return rows([col('Connector Name'), col('Type'), col('Class'), col('Status')],
        list(e, 'connectors').map((c) => [c.name, String(c.type ?? '').toUpperCase(), c.className, c.state]));
    case 'connector_description': {
      const st = e.status as { name?: string; type?: string; connector?: { state?: string; worker_id?: string; trace?: string } } | undefined;
      return rows([col('Property'), col('Value')], [
        ['Name', st?.name ?? ''], ['Class', String(e.connectorClass ?? '')], ['Type', String(st?.type ?? '').toUpperCase()],
        ['State', st?.connector?.state ?? ''], ...(st?.connector?.trace ? [['Reason', st.connector.trace]] : []),
        ['Worker ID', st?.connector?.worker_id || '-'], ['Kafka topic', (Array.isArray(e.topics) ? e.topics : []).join(', ')],
      ]);
    }
    case 'eddy_rows':
      return rows(list(e, 'columns').map((c) => col(c.name, typeFromText(c.type))), (e.rows ?? []) as unknown[][]);
    default: {
      const { warnings: _w, statementText: _s, ...rest } = e;
      return { kind: 'message', statement, message: JSON.stringify(rest, null, 2) };
    }
  }
}

interface SchemaInfo { type: string; fields: { name: string; schema: SchemaInfo }[] | null; memberSchema: SchemaInfo | null; parameters?: Record<string, number> }

function schemaText(s: SchemaInfo): string {
  switch (s.type) {
    case 'ARRAY': return `ARRAY<${s.memberSchema ? schemaText(s.memberSchema) : '?'}>`;
    case 'MAP': return `MAP<STRING, ${s.memberSchema ? schemaText(s.memberSchema) : '?'}>`;
    case 'STRUCT': return `STRUCT<${(s.fields ?? []).map((f) => `${f.name} ${schemaText(f.schema)}`).join(', ')}>`;
    case 'DECIMAL': return `DECIMAL(${s.parameters?.precision}, ${s.parameters?.scale})`;
    default: return s.type;
  }
}

/** A column type from its text (columnTypes): enough to print values as the local CLI does. */
export function typeFromText(t: string): SqlType {
  switch (t) {
    case 'DOUBLE': return DOUBLE;
    case 'INTEGER': return INTEGER;
    case 'BIGINT': return BIGINT;
    case 'BOOLEAN': return BOOLEAN;
    default: return STRING;
  }
}
