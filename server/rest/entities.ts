// One statement's result as ksqlDB's /ksql entity: `@type`, statementText, warnings, and the
// fields of its kind (currentStatus for commands, streams/tables/queries/... for SHOW, a
// sourceDescription for DESCRIBE). What Eddy's result lacks comes from the engine's catalog.
// Statements ksqlDB has no entity for (SHOW MODELS, DESCRIBE MODEL) get an `eddy_rows` entity.
import type { Statement } from '../../grammar/ast.js';
import type { StatementResult } from '../../src/engine/statement-result.js';
import { patternText } from '../../udfs/type-pattern-text.js';
import { formatType } from '../../src/types/sql-type.js';
import type { RestContext } from './rest-context.js';
import type { RequestScope } from './request-scope.js';
import { describeSource } from './source-description.js';
import { runningQuery } from './running-query.js';
import { fieldInfo } from './schema-info.js';
import { plain } from './json-values.js';
import { connectorEntity } from './connector-entities.js';

export type Entity = { '@type': string; statementText: string; warnings: { message: string }[] } & Record<string, unknown>;

const entity = (type: string, s: Statement, fields: Record<string, unknown>, warnings: { message: string }[] = []): Entity =>
  ({ '@type': type, statementText: statementText(s), ...fields, warnings });

/**
 * A command's warnings (a scoring query whose model saw its rows, or learns through a funnel):
 * the lines of its message that start "Warning: ", also in the entity's `warnings`, where
 * ksqlDB's clients look for them (the message keeps them for clients that show only it).
 */
const warningsOf = (message: string): { message: string }[] =>
  message.split('\n').filter((l) => l.startsWith('Warning: ')).map((l) => ({ message: l }));

/** ksqlDB's statementText ends with the semicolon. */
export const statementText = (s: { text: string }): string => `${s.text};`;

/** The command id ksqlDB gives a statement that changes something ("stream/NAME/create"). */
function commandId(s: Statement, result: StatementResult): string | undefined {
  switch (s.kind) {
    case 'CreateSource': case 'CreateAsSelect': return `${s.sourceType.toLowerCase()}/${s.name}/create`;
    case 'DropSource': return `${s.sourceType.toLowerCase()}/${s.name}/drop`;
    case 'InsertInto': return `stream/${s.target}/execute`;
    case 'Terminate': return `terminate/${s.all ? 'ALL' : s.queryId}/execute`;
    case 'CreateModel': return `model/${s.name.toUpperCase()}/create`;
    case 'DropModel': return `model/${s.name.toUpperCase()}/drop`;
    case 'Copy': return `stream/${s.target}/execute`;
    default: return result.kind === 'message' && result.queryId ? `query/${result.queryId}/execute` : undefined;
  }
}

/** The entity for a statement's result; undefined when ksqlDB returns none (INSERT VALUES). */
export async function toEntity(ctx: RestContext, s: Statement, result: StatementResult, scope: RequestScope): Promise<Entity | undefined> {
  const { engine } = ctx;
  const connector = await connectorEntity(engine, s, result);
  if (connector) return connector;
  if (result.kind === 'message') {
    const id = commandId(s, result);
    if (!id) return undefined;
    const commandStatus = { status: 'SUCCESS' as const, message: result.message, queryId: result.queryId ?? null };
    const commandSequenceNumber = ctx.commands.record(id, commandStatus);
    return entity('currentStatus', s, { commandId: id, commandStatus, commandSequenceNumber }, warningsOf(result.message));
  }
  if (result.kind === 'stream') return undefined; // /ksql refuses queries before running them
  switch (s.kind) {
    case 'Show': {
      switch (s.what) {
        case 'STREAMS': case 'TABLES': {
          const type = s.what === 'STREAMS' ? 'STREAM' : 'TABLE';
          const defs = engine.state.catalog.list().filter((d) => d.type === type && !d.system);
          if (s.extended) {
            const descriptions = await Promise.all(defs.map((d) => describeSource(engine, d.name, true)));
            return entity('source_descriptions', s, { sourceDescriptions: descriptions });
          }
          const list = defs.map((d) => ({
            type, name: d.name, topic: d.topic, keyFormat: d.keyFormat.format, valueFormat: d.valueFormat.format, isWindowed: d.window !== undefined,
          }));
          return entity(s.what.toLowerCase(), s, { [s.what.toLowerCase()]: list });
        }
        case 'TOPICS':
          return entity('kafka_topics', s, {
            topics: result.rows.map(([name, partitions, replicas]) => ({ name, replicaInfo: new Array(Number(partitions)).fill(Number(replicas)) })),
          });
        case 'QUERIES':
          return entity('queries', s, { queries: [...engine.state.queries.values()].sort((a, b) => a.id.localeCompare(b.id)).map(runningQuery) });
        case 'FUNCTIONS':
          return entity('function_names', s, {
            functions: engine.state.registry.list().map((f) => ({ name: f.name.toUpperCase(), type: f.kind === 'aggregate' ? 'AGGREGATE' : 'SCALAR', category: f.category })),
          });
        case 'PROPERTIES': {
          const props = engine.state.properties;
          const merged = { ...props, ...scope.properties };
          return entity('properties', s, {
            properties: Object.keys(merged).sort().map((name) => ({ name, scope: 'KSQL', value: merged[name] })),
            overwrittenProperties: Object.keys(scope.properties).sort(),
            defaultProperties: [],
          });
        }
        case 'TYPES': return entity('type_list', s, { types: {} });
        case 'VARIABLES': break; // answered by the request scope before execution
        case 'MODELS': break;
      }
      break;
    }
    case 'Describe': {
      const d = await describeSource(engine, s.name, s.extended);
      if (d) return entity('sourceDescription', s, { sourceDescription: d });
      break;
    }
    case 'DescribeFunction': {
      const f = engine.state.registry.get(s.name);
      if (!f) break;
      return entity('describe_function', s, {
        name: f.name.toUpperCase(), description: f.description, author: 'Eddy', version: '', path: 'internal',
        functions: f.overloads.map((o) => ({
          arguments: o.params.map((p, i) => ({
            name: p.name, type: patternText(p.type), description: p.description ?? '',
            isVariadic: 'variadic' in o && o.variadic === true && i === o.params.length - 1,
          })),
          returnType: typeof o.returns === 'function' ? 'DEPENDS_ON_ARGUMENTS' : patternText(o.returns),
          description: o.description ?? '',
        })),
        type: f.kind === 'aggregate' ? 'AGGREGATE' : 'SCALAR',
      });
    }
    case 'Explain': {
      const q = s.queryId ? [...engine.state.queries.values()].find((x) => x.id.toUpperCase() === s.queryId!.toUpperCase()) : undefined;
      return entity('queryDescription', s, {
        queryDescription: {
          id: q?.id ?? '', statementText: q?.sql ?? (s.statement ? statementText(s.statement) : ''),
          windowType: null,
          fields: (q?.root.schema.value ?? []).map((c) => fieldInfo(c.name, c.type)),
          sources: q?.sourceNames ?? [], sinks: q?.sinkName ? [q.sinkName] : [],
          topology: '', executionPlan: result.rows.map((r) => String(r[0])).join('\n'),
          overriddenProperties: scope.properties, ksqlHostQueryStatus: {},
          queryType: q?.kind === 'PUSH' ? 'PUSH' : 'PERSISTENT', queryErrors: [], tasksMetadata: [],
          state: q ? (q.status === 'RUNNING' ? 'RUNNING' : 'ERROR') : 'UNKNOWN',
          // Eddy's own (ksqlDB's clients ignore it): counters and per-partition positions for lag.
          ...(q ? { eddyStats: await q.runner.stats() } : {}),
        },
      });
    }
    default: break;
  }
  return rowsEntity(s, result);
}

/** Eddy's own result tables (models): the columns and rows as they are. */
function rowsEntity(s: Statement, result: Extract<StatementResult, { kind: 'rows' }>): Entity {
  return entity('eddy_rows', s, {
    columns: result.columns.map((c) => ({ name: c.name, type: formatType(c.type) })),
    rows: result.rows.map((r) => r.map(plain)),
  });
}

/** SHOW VARIABLES: the request's own variables. */
export function variablesEntity(s: Statement, scope: RequestScope): Entity {
  return entity('variables', s, { variables: [...scope.variables].map(([name, value]) => ({ name, value })) });
}

