// Dispatches a parsed statement to its executor. A new statement kind does not compile until
// it has a case here.
import type { Statement } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import { executeCreateSource } from './execute-create-source.js';
import { executeCreateAsSelect, executeInsertInto } from './execute-create-as-select.js';
import { executeInsertValues } from './execute-insert-values.js';
import { executePushQuery, executePullQuery } from './execute-query.js';
import { executeShow } from './execute-show.js';
import { executeDescribe, executeDescribeFunction } from './execute-describe.js';
import { executeDrop, executeTerminate, executeSet, executeUnset, executeDefine, executeUndefine } from './execute-admin.js';
import { executePrint } from './execute-print.js';
import { executeCopy } from './execute-copy.js';
import { executeExplain } from './execute-explain.js';
import { executeCreateModel, executeDescribeModel, executeDropModel } from './execute-model.js';
import { executeCreateConnector, executeDescribeConnector, executeDropConnector } from './execute-connector.js';
import { executeCreateType, executeDropType, resolveCustomTypes } from './execute-type.js';
import { isSqlError, SqlError } from '../types/sql-error.js';
import { LogError } from '../log/log-error.js';

/**
 * Executes a statement; whatever goes wrong comes out as a SqlError at the statement's position.
 * Known causes are fixed where they arise; this is the last line of defence, so a caller never
 * sees a stack overflow or a TypeError from a statement.
 */
export async function executeStatement(state: EngineState, s: Statement, defaults: Record<string, string>): Promise<StatementResult> {
  try {
    return await dispatch(state, s, defaults);
  } catch (e) {
    throw asSqlError(e, s);
  }
}

/** `e` as a SqlError: the log's errors as the user's or the system's, anything else as a bug. */
export function asSqlError(e: unknown, s: Statement): SqlError {
  if (isSqlError(e)) return e.position || !s.span ? e : new SqlError(e.code, e.message, { position: s.span, snippet: e.snippet, cause: e.cause });
  const position = s.span;
  if (e instanceof LogError) {
    const code = e.code === 'INVALID_TOPIC' || e.code === 'INVALID_PARTITION' ? 'INVALID_PROPERTY'
      : e.code === 'UNKNOWN_TOPIC' ? 'UNKNOWN_TOPIC' : e.code === 'TOPIC_EXISTS' ? 'INVALID_STATEMENT' : 'IO_ERROR';
    return new SqlError(code, e.message, { position, cause: e });
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new SqlError('INTERNAL', 'the statement is nested too deeply to execute (out of stack)', { position, cause: e });
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new SqlError('INTERNAL', `internal error executing the statement: ${message}`, { position, cause: e });
}

async function dispatch(state: EngineState, s: Statement, defaults: Record<string, string>): Promise<StatementResult> {
  resolveCustomTypes(state, s);
  switch (s.kind) {
    case 'CreateSource': return executeCreateSource(state, s);
    case 'CreateAsSelect': return executeCreateAsSelect(state, s);
    case 'InsertInto': return executeInsertInto(state, s);
    case 'InsertValues': return executeInsertValues(state, s);
    case 'Query': return s.query.emit ? executePushQuery(state, s) : executePullQuery(state, s);
    case 'DropSource': return executeDrop(state, s);
    case 'Terminate': return executeTerminate(state, s);
    case 'Show': return executeShow(state, s);
    case 'Describe': return executeDescribe(state, s);
    case 'DescribeFunction': return executeDescribeFunction(state, s);
    case 'Explain': return executeExplain(state, s);
    case 'Print': return executePrint(state, s);
    case 'SetProperty': return executeSet(state, s);
    case 'UnsetProperty': return executeUnset(state, s, defaults);
    case 'DefineVariable': return executeDefine(state, s);
    case 'UndefineVariable': return executeUndefine(state, s);
    case 'Copy': return executeCopy(state, s);
    case 'CreateModel': return executeCreateModel(state, s);
    case 'DescribeModel': return executeDescribeModel(state, s);
    case 'DropModel': return executeDropModel(state, s);
    case 'CreateConnector': return executeCreateConnector(state, s);
    case 'DescribeConnector': return executeDescribeConnector(state, s);
    case 'DropConnector': return executeDropConnector(state, s);
    case 'CreateType': return executeCreateType(state, s);
    case 'DropType': return executeDropType(state, s);
  }
  const never: never = s;
  throw new SqlError('INTERNAL', `unknown statement ${(never as Statement).kind}`);
}
