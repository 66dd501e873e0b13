// Postgres-only statements a client sends that are not Eddy SQL: catalog queries (psql's
// meta-commands, drivers' type lookups), session parameters (SET/SHOW/RESET of Postgres
// settings), version() and the like. Answered here in exactly the shape Postgres gives, or
// refused with 0A000; anything else is Eddy SQL (undefined).
import type { Engine } from '../../../src/engine/engine.js';
import { isOp, normalize, tokenize, type Token } from './sql-text.js';
import { isSessionStatement, answerSessionStatement } from './session-statements.js';
import { answerConstantSelect, hasTopLevelFrom } from './constant-select.js';
import { answerScan } from './catalog-scan.js';
import { relationScan } from './psql-relation-list.js';
import { answerDescribeRelation } from './psql-describe-relation.js';
import { functionScan } from './psql-function-list.js';
import { answerRoleList, databaseScan, schemaScan } from './psql-server-objects.js';
import { answerDriverQuery } from './driver-queries.js';
import { unsupported } from './text-result.js';

/** The connection's session as Postgres statements see it. */
export interface PgSessionInfo {
  readonly user: string;
  readonly database: string;
  readonly applicationName: string;
  /** Postgres settings (GUCs) by lower-case name: the startup ParameterStatus set, then SET. */
  readonly settings: Map<string, string>;
  readonly pid: number;
}

export interface CatalogContext { readonly engine: Engine; readonly session: PgSessionInfo }

/** A result in text format, as Postgres would send it. */
export interface TextResult {
  columns: { name: string; oid: number }[];
  rows: (string | null)[][];
  /** CommandComplete tag, e.g. `SELECT 3`. */
  tag: string;
}

export type CatalogAnswer =
  | { kind: 'rows'; result: TextResult }
  /** `reported`: settings the statement set that clients track (ParameterStatus to send). */
  | { kind: 'command'; tag: string; reported?: [name: string, value: string][] }
  | { kind: 'error'; code: string; message: string; hint?: string };

/** The first word after leading blanks and line comments. */
const FIRST_WORD = /^(?:\s+|--[^\n]*(?:\n|$))*([A-Za-z_]+)/;
const CATALOG_FIRST_WORDS = new Set(['set', 'reset', 'show', 'select', 'with']);

/** The answer to `sql` (one statement, parameters already bound) if it is a Postgres-only statement. */
export function answerPostgresQuery(sql: string, ctx: CatalogContext): CatalogAnswer | undefined {
  // Most statements (INSERT, CREATE ...) are Eddy's by their first word: not worth tokenizing.
  // (Block comments may nest in Postgres: those statements take the tokenizer's path.)
  const word = sql.includes('/*') ? undefined : FIRST_WORD.exec(sql)?.[1]?.toLowerCase();
  if (word !== undefined && !CATALOG_FIRST_WORDS.has(word)) return undefined;
  // What this reader cannot read (Eddy's back-quoted names, $$ strings) is not Postgres' to answer.
  const tokens = tokenize(sql);
  const first = tokens?.[0]?.value;
  if (!tokens || first === undefined) return undefined;
  if (first === 'set' || first === 'reset' || first === 'show') {
    return isSessionStatement(tokens) ? answerSessionStatement(tokens, ctx) : undefined;
  }
  if (first !== 'select' && first !== 'with') return undefined;
  if (readsPostgresCatalog(tokens, ctx.engine)) {
    const normalized = normalize(sql);
    return answerCatalogQuery(normalized, ctx) ?? unsupported(
      'Eddy does not answer this Postgres catalog query. It answers psql\'s \\d, \\dt, \\dv, \\d NAME, \\df, \\l, \\dn, \\du ' +
      `and drivers' type lookups; use SHOW STREAMS, SHOW TABLES, DESCRIBE name. The query: ${excerpt(normalized)}`);
  }
  if (first === 'select' && !hasTopLevelFrom(tokens)) return answerConstantSelect(sql, tokens.slice(1), ctx);
  return undefined;
}

/** psql's meta-commands and drivers' lookups that Eddy answers. */
function answerCatalogQuery(normalized: string, ctx: CatalogContext): CatalogAnswer | undefined {
  return answerScan(relationScan, normalized, ctx)
    ?? answerDescribeRelation(normalized, ctx)
    ?? answerScan(functionScan, normalized, ctx)
    ?? answerScan(databaseScan, normalized, ctx)
    ?? answerScan(schemaScan, normalized, ctx)
    ?? answerRoleList(normalized, ctx)
    ?? answerDriverQuery(normalized);
}

/**
 * Does the statement read Postgres' catalog: pg_catalog.x, information_schema.x, or a pg_*
 * relation after FROM or JOIN that is not one of Eddy's streams or tables?
 */
function readsPostgresCatalog(tokens: readonly Token[], engine: Engine): boolean {
  return tokens.some((t, i) => {
    if (t.kind !== 'word' && t.kind !== 'qident') return false;
    if ((t.value === 'pg_catalog' || t.value === 'information_schema') && isOp(tokens[i + 1], '.')) return true;
    const before = tokens[i - 1];
    return before?.kind === 'word' && (before.value === 'from' || before.value === 'join') && t.value.toLowerCase().startsWith('pg_') &&
      !isOp(tokens[i + 1], '.') && !engine.state.catalog.list().some((d) => d.name.toLowerCase() === t.value.toLowerCase());
  });
}

function excerpt(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
