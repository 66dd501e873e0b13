// `eddy run --server URL FILE.sql`: the script is split here (so errors keep the file's line and
// column) and its statements are sent one by one to a running server, as the ksqlDB CLI does:
// SET/UNSET/DEFINE/UNDEFINE stay on this side and go with every request as streamsProperties and
// sessionVariables; queries go to /query-stream, everything else to /ksql. The first statement
// that fails stops the script.
import { splitStatements, parseStatement, substituteVariables, type StatementText } from '../../grammar/index.js';
import { SqlError, type Position } from '../../src/types/sql-error.js';
import type { StatementResult } from '../../src/engine/statement-result.js';
import { KsqlClient } from '../client/ksql-client.js';
import { KsqlRestError } from '../client/ksql-rest-error.js';
import { entityToResult, typeFromText } from '../client/entity-result.js';
import { localFlagWithServer, type ParsedArgs } from './args.js';
import { printResult, type Out, type OutputMode } from './print-result.js';
import { formatError } from './format-error.js';
import { propertiesFromFlags } from './properties-flag.js';

export async function runRemote(args: ParsedArgs, url: string, file: string, source: string, mode: OutputMode, timeoutMs: number | undefined, out: Out, variables = new Map<string, string>()): Promise<number> {
  // The server runs on its own log and functions: these would silently change nothing.
  const local = localFlagWithServer(args);
  if (local) { out.stderr(`eddy run: --${local} does not go with --server (the server has its own)`); return 2; }
  const failed = await runScriptRemote(new KsqlClient(url), source, { mode, properties: propertiesFromFlags(args), variables, timeoutMs }, out);
  if (!failed) return 0;
  out.stderr(formatError(failed.error, file, source));
  return 1;
}

export interface RemoteScriptOptions {
  mode: OutputMode;
  /** Properties the script starts with (--set). */
  properties?: Record<string, string>;
  /** Variables the script starts with (--define). */
  variables?: ReadonlyMap<string, string>;
  /** --timeout: push queries stop after this long (then they need no LIMIT). */
  timeoutMs?: number;
}

export interface FailedStatement { error: SqlError; statement: StatementText }

/** Runs a script's statements in order against a server; the first failure, or undefined. */
export async function runScriptRemote(client: KsqlClient, source: string, opts: RemoteScriptOptions, out: Out): Promise<FailedStatement | undefined> {
  const properties: Record<string, string> = { ...opts.properties };
  const variables = new Map<string, string>(opts.variables);
  for (const st of splitStatements(source)) {
    try {
      const result = await runStatement(client, st, properties, variables, opts.timeoutMs !== undefined);
      await printResult(result, opts.mode, out, { timeoutMs: opts.timeoutMs });
    } catch (e) {
      return { error: toSqlError(e, st), statement: st };
    }
  }
  return undefined;
}

/** Runs one statement on a server; SET/UNSET/DEFINE/UNDEFINE only change `properties`/`variables`. */
export async function runStatement(client: KsqlClient, st: StatementText, properties: Record<string, string>, variables: Map<string, string>, timeout: boolean): Promise<StatementResult> {
  const origin: Position = { line: st.line, column: st.column, offset: st.offset };
  // Parsed here only to know where it goes; the server substitutes and parses it again.
  const s = parseStatement(substituteVariables(st.text, variables, origin), origin, 'any');
  const message = (m: string): StatementResult => ({ kind: 'message', statement: st.text, message: m });
  const request = { properties, variables: Object.fromEntries(variables) };
  switch (s.kind) {
    case 'SetProperty': properties[s.name] = s.value; return message(`Successfully changed local property '${s.name}' to '${s.value}'.`);
    case 'UnsetProperty': delete properties[s.name]; return message(`Successfully unset local property '${s.name}'.`);
    case 'DefineVariable': variables.set(s.name, s.value); return message('');
    case 'UndefineVariable': return message(variables.delete(s.name) ? '' : `Variable '${s.name}' is undefined`);
    case 'Query': {
      const push = s.query.emit !== undefined;
      if (push && s.query.limit === undefined && !timeout) {
        throw new SqlError('INVALID_STATEMENT', 'A push query in a script needs a LIMIT (or eddy run --timeout), or it would never end.', { position: origin });
      }
      const q = await client.streamQuery(st.text, request);
      const columns = q.columnNames.map((name, i) => ({ name, type: typeFromText(q.columnTypes[i] ?? '') }));
      if (push) return { kind: 'stream', statement: st.text, columns, queryId: q.queryId ?? '', rows: { [Symbol.asyncIterator]: () => q.rows[Symbol.asyncIterator](), cancel: q.close } };
      const rows: unknown[][] = [];
      for await (const r of q.rows) rows.push(r);
      return { kind: 'rows', statement: st.text, columns, rows };
    }
    default: {
      const entities = await client.executeStatement(st.text, request);
      const results = entities.map(entityToResult);
      // /ksql answers one entity per statement, none for INSERT VALUES.
      return results[0] ?? message('');
    }
  }
}

/** A server's error as the local CLI shows it: its position moved from the statement to the file. */
function toSqlError(e: unknown, st: StatementText): SqlError {
  if (e instanceof SqlError) return e;
  if (!(e instanceof KsqlRestError)) return new SqlError('INTERNAL', e instanceof Error ? e.message : String(e));
  const p = e.position;
  const position = p ? { line: st.line + p.line - 1, column: p.line === 1 ? st.column + p.column - 1 : p.column, offset: st.offset } : undefined;
  const code = e.status === 0 || e.status >= 500 ? 'IO_ERROR' : 'INVALID_STATEMENT';
  // Without a position, the error still points at the statement that failed.
  return new SqlError(code, e.message, { position: position ?? { line: st.line, column: st.column, offset: st.offset } });
}
