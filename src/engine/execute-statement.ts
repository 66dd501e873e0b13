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
import { SqlError } from '../types/sql-error.js';

export async function executeStatement(state: EngineState, s: Statement, defaults: Record<string, string>): Promise<StatementResult> {
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
  }
  const never: never = s;
  throw new SqlError('INTERNAL', `unknown statement ${(never as Statement).kind}`);
}
