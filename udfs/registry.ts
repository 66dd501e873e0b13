// The function registry: built-ins from udfs/, plus user functions loaded at start.
import type { AggregateFunction, FunctionDef, ModelBinding, ScalarFunction } from './types.js';
import { SqlError } from '../src/types/sql-error.js';

export class FunctionRegistry {
  private readonly byName = new Map<string, FunctionDef>();
  /** Finds a model by name for PREDICT and friends (set by the engine that owns the models). */
  models?: (name: string) => ModelBinding | undefined;

  constructor(defs: readonly FunctionDef[] = []) {
    for (const d of defs) this.register(d);
  }

  register(def: FunctionDef): void {
    const name = def.name.toUpperCase();
    if (this.byName.has(name)) {
      throw new SqlError('INVALID_STATEMENT', `function ${name} is already registered`);
    }
    this.byName.set(name, def);
  }

  get(name: string): FunctionDef | undefined { return this.byName.get(name.toUpperCase()); }

  scalar(name: string): ScalarFunction | undefined {
    const f = this.get(name);
    return f?.kind === 'scalar' ? f : undefined;
  }

  aggregate(name: string): AggregateFunction | undefined {
    const f = this.get(name);
    return f?.kind === 'aggregate' ? f : undefined;
  }

  isAggregate(name: string): boolean { return this.get(name)?.kind === 'aggregate'; }

  /** All functions, sorted by name. */
  list(): FunctionDef[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
