// DROP, TERMINATE, SET/UNSET, DEFINE/UNDEFINE.
import type { DropSource, Terminate, SetProperty, UnsetProperty, DefineVariable, UndefineVariable } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import { SqlError } from '../types/sql-error.js';
import { terminateQuery } from './persistent-query.js';

const msg = (statement: string, message: string): StatementResult => ({ kind: 'message', statement, message });

export async function executeDrop(state: EngineState, s: DropSource): Promise<StatementResult> {
  const def = state.catalog.get(s.name);
  if (!def) {
    if (s.ifExists) return msg(s.text, `Source ${s.name} does not exist.`);
    throw new SqlError('UNKNOWN_SOURCE', `Source ${s.name} does not exist.`, { position: s.span });
  }
  if (def.type !== s.sourceType) {
    throw new SqlError('INVALID_STATEMENT', `Incompatible data source type is ${def.type}, but statement was DROP ${s.sourceType}`, { position: s.span });
  }
  if (def.system) throw new SqlError('INVALID_STATEMENT', `Cannot drop the system stream ${def.name}.`, { position: s.span });
  // A SOURCE stream or table reads a topic something else owns: dropping it leaves the topic be.
  if (s.deleteTopic && def.readOnly) throw new SqlError('INVALID_STATEMENT', `Cannot delete topic for read-only source: ${def.name}`, { position: s.span });
  const persistent = [...state.queries.values()].filter((q) => q.kind !== 'PUSH');
  const readers = persistent.filter((q) => q.sourceNames.includes(def.name)).map((q) => q.id);
  const writers = persistent.filter((q) => q.sinkName === def.name && q.id !== def.ownerQueryId).map((q) => q.id);
  if (readers.length > 0 || writers.length > 0) {
    throw new SqlError('INVALID_STATEMENT',
      `Cannot drop ${def.name}.\nThe following queries read from this source: [${readers.join(', ')}].\nThe following queries write into this source: [${writers.join(', ')}].\nYou need to terminate them before dropping ${def.name}.`, { position: s.span });
  }
  const owner = def.ownerQueryId ? state.queries.get(def.ownerQueryId) : undefined;
  if (owner) await terminateQuery(state, owner);
  state.catalog.remove(def.name);
  if (s.deleteTopic) await state.log.deleteTopic(def.topic);
  return msg(s.text, `Source \`${def.name}\` (topic: ${def.topic}) was dropped.`);
}

export async function executeTerminate(state: EngineState, s: Terminate): Promise<StatementResult> {
  const ids = s.all ? [...state.queries.keys()] : [s.queryId!];
  for (const id of ids) {
    const q = state.queries.get(id) ?? [...state.queries.values()].find((x) => x.id.toUpperCase() === id.toUpperCase());
    if (!q) throw new SqlError('UNKNOWN_QUERY', `Unknown queryId: ${id}`, { position: s.span });
    await terminateQuery(state, q);
  }
  return msg(s.text, s.all ? 'All queries terminated.' : `Query terminated.`);
}

export function executeSet(state: EngineState, s: SetProperty): StatementResult {
  state.properties[s.name] = s.value;
  return msg(s.text, `Successfully changed local property '${s.name}' to '${s.value}'.`);
}

export function executeUnset(state: EngineState, s: UnsetProperty, defaults: Record<string, string>): StatementResult {
  if (defaults[s.name] !== undefined) state.properties[s.name] = defaults[s.name];
  else delete state.properties[s.name];
  return msg(s.text, `Successfully unset local property '${s.name}'.`);
}

export function executeDefine(state: EngineState, s: DefineVariable): StatementResult {
  state.variables.set(s.name, s.value);
  return msg(s.text, '');
}

export function executeUndefine(state: EngineState, s: UndefineVariable): StatementResult {
  if (!state.variables.delete(s.name)) {
    return msg(s.text, `Variable '${s.name}' is undefined`);
  }
  return msg(s.text, '');
}
