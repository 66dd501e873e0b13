// What a service has applied, recorded in the service itself as ksql-migrations does: every
// change of a version's state is an event in the stream EDDY_MIGRATION_EVENTS (one partition, so
// events are totally ordered), and the table EDDY_MIGRATION_SCHEMA_VERSIONS keeps each version's
// latest event. Both are created on first use.
import { KsqlClient } from '../../client/ksql-client.js';
import { KsqlRestError } from '../../client/ksql-rest-error.js';

export const EVENTS = 'EDDY_MIGRATION_EVENTS';
export const VERSIONS = 'EDDY_MIGRATION_SCHEMA_VERSIONS';

export type MigrationState = 'PENDING' | 'RUNNING' | 'MIGRATED' | 'ERROR';

export interface MigrationEvent {
  /** "V000001" (the key). */
  version: string;
  name: string;
  state: MigrationState;
  checksum: string;
  startedOn: string;
  completedOn: string;
  appliedBy: string;
  errorReason: string;
  /** The `migrate apply` run that wrote it. */
  runId: string;
}

const COLUMNS = ['VERSION_KEY', 'NAME', 'STATE', 'CHECKSUM', 'STARTED_ON', 'COMPLETED_ON', 'APPLIED_BY', 'ERROR_REASON', 'RUN_ID'] as const;
const EARLIEST = { properties: { 'auto.offset.reset': 'earliest' } };

export class MigrationStore {
  constructor(private readonly client: KsqlClient) {}

  /** Creates the stream and the table unless they exist. */
  async initialize(): Promise<void> {
    const values = COLUMNS.slice(1).map((c) => `${c} STRING`).join(', ');
    const latest = COLUMNS.slice(1).map((c) => `LATEST_BY_OFFSET(${c}) AS ${c}`).join(', ');
    await this.tolerateExists(`CREATE STREAM IF NOT EXISTS ${EVENTS} (VERSION_KEY STRING KEY, ${values}) ` +
      `WITH (KAFKA_TOPIC='eddy_migration_events', VALUE_FORMAT='JSON', PARTITIONS=1);`);
    await this.tolerateExists(`CREATE TABLE IF NOT EXISTS ${VERSIONS} WITH (KAFKA_TOPIC='eddy_migration_schema_versions') AS ` +
      `SELECT VERSION_KEY, ${latest} FROM ${EVENTS} GROUP BY VERSION_KEY EMIT CHANGES;`);
  }

  /** Whether the stream exists (info and validate do not create it). */
  async initialized(): Promise<boolean> {
    const entities = await this.client.executeStatement('SHOW TABLES;');
    const tables = (entities[0]?.tables ?? []) as { name: string }[];
    return tables.some((t) => t.name === VERSIONS);
  }

  /** Each recorded version's latest event, by version. */
  async versions(): Promise<Map<string, MigrationEvent>> {
    const out = new Map<string, MigrationEvent>();
    for (const e of await this.select(`SELECT ${COLUMNS.join(', ')} FROM ${VERSIONS};`)) out.set(e.version, e);
    return out;
  }

  /** A version's events, oldest first. */
  async events(version: string): Promise<MigrationEvent[]> {
    return this.select(`SELECT ${COLUMNS.join(', ')} FROM ${EVENTS} WHERE VERSION_KEY = ${quote(version)};`);
  }

  async record(e: MigrationEvent): Promise<void> {
    const values = [e.version, e.name, e.state, e.checksum, e.startedOn, e.completedOn, e.appliedBy, e.errorReason, e.runId];
    await this.client.executeStatement(`INSERT INTO ${EVENTS} (${COLUMNS.join(', ')}) VALUES (${values.map(quote).join(', ')});`);
  }

  private async select(sql: string): Promise<MigrationEvent[]> {
    const q = await this.client.streamQuery(sql, EARLIEST);
    const out: MigrationEvent[] = [];
    for await (const r of q.rows) {
      // Empty strings, never NULL: LATEST_BY_OFFSET skips NULLs, which would keep an old error.
      const [version, name, state, checksum, startedOn, completedOn, appliedBy, errorReason, runId] = r.map((v) => (v ?? '') as string);
      out.push({ version, name, state: state as MigrationState, checksum, startedOn, completedOn, appliedBy, errorReason, runId });
    }
    return out;
  }

  /** Two deploys may both see the source missing: the second CREATE's "exists" is fine. */
  private async tolerateExists(sql: string): Promise<void> {
    try {
      await this.client.executeStatement(sql, EARLIEST);
    } catch (e) {
      if (!(e instanceof KsqlRestError && /already exists/i.test(e.message))) throw e;
    }
  }
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
