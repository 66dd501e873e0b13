// CREATE TYPE / DROP TYPE (ksqlDB's custom types): a name for a type, usable wherever a type is
// written once created. Statements are parsed with the names (the parser leaves CUSTOM types) and
// each is resolved to its definition here, before the statement runs: what runs, is planned and
// stored holds only real types.
import type { CreateType, DropType, Statement } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import { formatType, type SqlType } from '../types/sql-type.js';
import { SqlError } from '../types/sql-error.js';

export function executeCreateType(state: EngineState, s: CreateType): StatementResult {
  const existing = state.types.get(s.name);
  if (existing) {
    if (s.ifNotExists) return { kind: 'message', statement: s.text, message: `Type ${s.name} already exists.` };
    throw new SqlError('INVALID_STATEMENT', `Cannot register custom type '${s.name}' since it is already registered with type: ${formatType(existing)}`, { position: s.span });
  }
  state.types.set(s.name, s.type);
  return { kind: 'message', statement: s.text, message: `Registered custom type with name '${s.name}' and SQL type ${formatType(s.type)}` };
}

export function executeDropType(state: EngineState, s: DropType): StatementResult {
  if (!state.types.has(s.name)) {
    if (s.ifExists) return { kind: 'message', statement: s.text, message: `Type ${s.name} does not exist.` };
    throw new SqlError('INVALID_STATEMENT', `Type ${s.name} does not exist.`, { position: s.span });
  }
  state.types.delete(s.name);
  return { kind: 'message', statement: s.text, message: `Dropped type '${s.name}'` };
}

/**
 * Replaces every CUSTOM type in the statement with the type its name was created as (in place:
 * a parsed statement belongs to its one execution). A name no longer known (dropped since the
 * statement was parsed) is an error, and nothing has run.
 */
export function resolveCustomTypes(state: EngineState, s: Statement): void {
  const resolve = (t: { name: string }): SqlType => {
    const found = state.types.get(t.name);
    if (!found) throw new SqlError('INVALID_STATEMENT', `unknown type '${t.name}'`, { position: s.span });
    return structuredClone(found);
  };
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const o = node as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const v = o[key];
      if (isCustom(v)) o[key] = resolve(v);
      else walk(v);
    }
  };
  walk(s);
}

function isCustom(v: unknown): v is { kind: 'CUSTOM'; name: string } {
  return v !== null && typeof v === 'object' && (v as { kind?: unknown }).kind === 'CUSTOM' && typeof (v as { name?: unknown }).name === 'string';
}
