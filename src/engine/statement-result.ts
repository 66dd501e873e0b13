// What executing one statement gives back to a client (CLI, REST, Postgres wire).
import type { SqlType } from '../types/sql-type.js';
import type { StoredPlan } from '../plan/stored-plan.js';

export interface ResultColumn { name: string; type: SqlType }

export type StatementResult =
  /** DDL, SET, TERMINATE ...: a message for the user. */
  | { kind: 'message'; statement: string; message: string; queryId?: string;
    /** The statement as the command log keeps it, when it differs (columns inferred from a registry, pinned). */
    commandSql?: string;
    /** The plan of the persistent query it started, for the command log. */
    plan?: StoredPlan }
  /** SHOW, DESCRIBE, EXPLAIN, pull queries: a finite table. */
  | { kind: 'rows'; statement: string; columns: ResultColumn[]; rows: unknown[][] }
  /** Push queries (EMIT CHANGES) and PRINT: rows until LIMIT, cancel, or the end. */
  | { kind: 'stream'; statement: string; columns: ResultColumn[]; queryId: string; rows: PushRows;
    /** Said before the rows (a model scored out of lockstep with its training: push-scoring-warning.ts). */
    warning?: string };

/** Rows of a push query, as they arrive. */
export interface PushRows extends AsyncIterable<unknown[]> {
  /** Stops the query; the iteration ends. */
  cancel(): Promise<void>;
  /** Rows waiting to be read now (a consumer flushes its socket when none wait). */
  buffered?(): number;
  /**
   * Up to `max` of the rows waiting now, taken at once: no promise per row for a consumer that
   * is behind (an empty array: none wait; await the iterator). Not while a next() is pending.
   */
  takeReady?(max: number): unknown[][];
}
