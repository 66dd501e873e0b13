// The Engine API: SQL text in, results out. Everything above (CLI, REST, Postgres wire) uses only
// this. Statements run in order; before each one, every persistent query has caught up with its
// input, so a script sees the effects of the statements before it without sleeping.
import type { Log } from '../log/log.js';
import type { Statement } from '../../grammar/ast.js';
import type { StatementResult } from './statement-result.js';
import type { ProcessingLogEntry } from '../runtime/processing-log.js';
import { MemoryLog } from '../log/memory-log.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { builtinFunctions } from '../../udfs/index.js';
import { splitStatements, parseStatement, substituteVariables } from '../../grammar/index.js';
import { Catalog } from './catalog.js';
import { DEFAULT_PROPERTIES, type EngineState } from './engine-state.js';
import { ProcessingLogWriter } from './processing-log-writer.js';
import { executeStatement } from './execute-statement.js';
import { SqlError } from '../types/sql-error.js';
import { loadUserFunctions } from './load-user-functions.js';

export interface EngineOptions {
  log?: Log;
  /** Engine-level properties; SET overrides them per session. */
  properties?: Record<string, string>;
  serviceId?: string;
  /** Base directory for relative file paths (COPY). */
  baseDir?: string;
  /** The function registry (built-ins by default). */
  registry?: FunctionRegistry;
  /** A directory of user function modules (.ts/.js) to load at start. */
  functionsDir?: string;
  /** Called for each processing-log entry as it happens. */
  onProcessingLog?: (e: ProcessingLogEntry) => void;
}

/** One statement of a script with where it starts, for error messages. */
export interface ScriptStatement { text: string; line: number; column: number; offset: number }

export class Engine {
  private constructor(readonly state: EngineState, private readonly defaults: Record<string, string>) {}

  static async create(o: EngineOptions = {}): Promise<Engine> {
    const log = o.log ?? new MemoryLog();
    const serviceId = o.serviceId ?? 'default';
    const defaults = { ...DEFAULT_PROPERTIES, ...(o.properties ?? {}) };
    const processingLog = new ProcessingLogWriter(log, serviceId, o.onProcessingLog);
    await processingLog.init();
    const registry = o.registry ?? new FunctionRegistry(builtinFunctions);
    if (o.functionsDir) {
      for (const def of await loadUserFunctions(o.functionsDir)) {
        if (registry.get(def.name)) {
          throw new SqlError('INVALID_STATEMENT', `User function ${def.name.toUpperCase()} has the name of a function that already exists.`);
        }
        registry.register(def);
      }
    }
    const state: EngineState = {
      log, catalog: new Catalog(), registry,
      properties: { ...defaults }, variables: new Map(), queries: new Map(), nextQueryNumber: 0,
      serviceId, processingLog, baseDir: o.baseDir ?? process.cwd(),
    };
    state.catalog.add(processingLog.sourceDef());
    return new Engine(state, defaults);
  }

  get log(): Log { return this.state.log; }

  /** Splits a script into statements (not yet parsed: DEFINE changes how later ones read). */
  split(script: string): ScriptStatement[] { return splitStatements(script); }

  /** Substitutes ${variables}, parses and executes one statement of a script. */
  async executeText(stmt: ScriptStatement): Promise<StatementResult> {
    await this.settle();
    const text = this.state.variables.size > 0 ? substituteVariables(stmt.text, this.state.variables) : stmt.text;
    const parsed = parseStatement(text, { line: stmt.line, column: stmt.column, offset: stmt.offset });
    return this.execute(parsed);
  }

  /** Executes every statement of a script in order; stops at the first error (thrown). */
  async executeScript(script: string): Promise<StatementResult[]> {
    const out: StatementResult[] = [];
    for (const st of this.split(script)) out.push(await this.executeText(st));
    return out;
  }

  async execute(stmt: Statement): Promise<StatementResult> {
    return executeStatement(this.state, stmt, this.defaults);
  }

  /** Resolves when every persistent query has processed all input available to it. */
  async settle(timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let stableRounds = 0;
    while (stableRounds < 2) {
      let all = true;
      for (const q of this.state.queries.values()) {
        if (q.kind === 'PUSH') continue;
        if (!(await q.runner.caughtUp())) { all = false; break; }
      }
      stableRounds = all ? stableRounds + 1 : 0;
      if (stableRounds < 2) {
        if (Date.now() > deadline) throw new SqlError('INTERNAL', `queries did not catch up within ${timeoutMs} ms`);
        await new Promise((r) => setImmediate(r));
      }
    }
    await this.state.processingLog.drain();
  }

  async close(): Promise<void> {
    for (const q of this.state.queries.values()) await q.runner.stop();
    this.state.queries.clear();
    await this.state.processingLog.drain();
    await this.state.log.close();
  }
}
