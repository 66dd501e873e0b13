// The Engine API: SQL text in, results out. Everything above (CLI, REST, Postgres wire) uses only
// this. Statements run in order; before each one, every persistent query has caught up with its
// input, so a script sees the effects of the statements before it without sleeping.
import type { Log } from '../log/log.js';
import type { Statement } from '../../grammar/ast.js';
import type { StatementResult, ResultColumn } from './statement-result.js';
import type { QueryStatement } from '../../grammar/ast.js';
import { queryColumns } from './execute-query.js';
import type { ProcessingLogEntry } from '../runtime/processing-log.js';
import { MemoryLog } from '../log/memory-log.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { builtinFunctions } from '../../udfs/index.js';
import { splitStatements, parseStatement, substituteVariables } from '../../grammar/index.js';
import { Catalog } from '../plan/catalog.js';
import { DEFAULT_PROPERTIES, type EngineState } from './engine-state.js';
import { ProcessingLogWriter } from './processing-log-writer.js';
import { executeStatement } from './execute-statement.js';
import { readFunctionPropertiesFrom } from '../../udfs/shared/engine-properties.js';
import { checkStatementSize } from './statement-size.js';
import { SqlError } from '../types/sql-error.js';
import { loadUserFunctions } from './load-user-functions.js';
import { CommandLog, DURABLE_KINDS } from './command-log.js';
import { acceptedOffsetsOf, type PersistentQuery } from './persistent-query.js';
import { randomUUID } from 'node:crypto';
import { modelFunctions } from './models/model-functions.js';
import { TestThenTrain } from './models/test-then-train.js';
import { ModelMetricsWriter } from './models/model-metrics-writer.js';
import { createSchemaRegistry } from '../format/registry/registry-config.js';
import type { SchemaRegistry } from '../format/registry/schema-registry.js';

/** How long closing waits for each connector to stop (unacknowledged messages stay upstream). */
const CONNECTOR_STOP_TIMEOUT_MS = 3000;

export interface EngineOptions {
  log?: Log;
  /** Engine-level properties; SET overrides them per session. */
  properties?: Record<string, string>;
  serviceId?: string;
  /** Base directory for relative file paths (COPY). */
  baseDir?: string;
  /** The function registry (built-ins by default). */
  registry?: FunctionRegistry;
  /** The schema registry (default: from the properties, see registry-config.ts). */
  schemaRegistry?: SchemaRegistry;
  /** A directory of user function modules (.ts/.js) to load at start. */
  functionsDir?: string;
  /** Called for each processing-log entry as it happens. */
  onProcessingLog?: (e: ProcessingLogEntry) => void;
  /**
   * Share the catalog through the service's command topic: replay it on start, append every
   * DDL and persistent statement, and follow what other instances append (Kafka deployments).
   */
  durable?: boolean;
  /** How often a durable engine looks for other instances' commands (ms). */
  followIntervalMs?: number;
  /**
   * This instance's name within the service, for its transactional ids (exactly_once). Give a
   * restarted instance the same one, so it fences its dead predecessor at once; two live
   * instances must differ. Default: a random one (a dead instance's open transaction then ends
   * by its timeout).
   */
  instanceId?: string;
}

/** Per-call scope of a statement (a REST request's): nothing here leaks into the session. */
export interface ExecuteOptions {
  /** Properties over the session's, for this statement only (streamsProperties, a request's SET). */
  properties?: Record<string, string>;
  /** Variables to substitute instead of the session's (a request's sessionVariables, DEFINE). */
  variables?: ReadonlyMap<string, string>;
}

/** One statement of a script with where it starts, for error messages. */
export interface ScriptStatement { text: string; line: number; column: number; offset: number }

export class Engine {
  /** Next command-topic offset to apply (durable engines). */
  private applied = 0;
  /** Statements run one at a time: local ones and replayed commands never interleave. */
  private queue: Promise<unknown> = Promise.resolve();
  private follower: NodeJS.Timeout | undefined;
  /** Commands of the command topic that failed on replay and were skipped, by offset: why. */
  readonly failedCommands = new Map<number, string>();
  private closed = false;

  private constructor(readonly state: EngineState, private readonly defaults: Record<string, string>,
    private readonly commands: CommandLog | undefined, private readonly ownsLog: boolean) {}

  static async create(o: EngineOptions = {}): Promise<Engine> {
    const log = o.log ?? new MemoryLog();
    const serviceId = o.serviceId ?? 'default';
    const defaults = { ...DEFAULT_PROPERTIES, ...(o.properties ?? {}) };
    // First: a bad schema.registry.url fails the start before anything is set up.
    const schemaRegistry = o.schemaRegistry ?? await createSchemaRegistry(defaults, { shared: o.durable === true });
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
      log, catalog: new Catalog(), registry, schemaRegistry,
      properties: { ...defaults }, variables: new Map(), queries: new Map(), models: new Map(), types: new Map(), connectors: new Map(), testThenTrain: new TestThenTrain(), nextQueryNumber: 0,
      serviceId, processingLog, baseDir: o.baseDir ?? process.cwd(),
      durable: o.durable === true, instanceId: o.instanceId ?? randomUUID(), modelMetrics: undefined,
    };
    state.catalog.add(processingLog.sourceDef());
    readFunctionPropertiesFrom(() => state.properties);
    const modelMetrics = new ModelMetricsWriter(log, serviceId, state.models);
    await modelMetrics.init();
    state.catalog.add(modelMetrics.sourceDef());
    state.modelMetrics = modelMetrics;
    modelMetrics.start(Number(defaults['eddy.model.metrics.interval.ms'] ?? 5000));
    // PREDICT and friends find this engine's models by name.
    for (const f of modelFunctions) if (!registry.get(f.name)) registry.register(f);
    registry.models = (name) => state.models.get(name.toUpperCase());
    let commands: CommandLog | undefined;
    if (o.durable) {
      commands = new CommandLog(log, serviceId);
      await commands.init();
    }
    const engine = new Engine(state, defaults, commands, o.log === undefined);
    if (commands) {
      await engine.serialized(() => engine.replayCommands());
      engine.follower = setInterval(() => {
        // Reading the topic can fail while a broker is away: the next look tries again.
        engine.serialized(() => engine.replayCommands()).catch(() => undefined);
      }, o.followIntervalMs ?? 500);
      engine.follower.unref();
    }
    return engine;
  }

  /** Runs `f` after everything queued before it. */
  private serialized<T>(f: () => Promise<T>): Promise<T> {
    const run = this.queue.then(f, f);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies commands other instances (or earlier runs) appended since the last look. */
  private async replayCommands(): Promise<void> {
    if (!this.commands || this.closed) return;
    for (const { offset, command, problem } of await this.commands.readFrom(this.applied)) {
      this.applied = offset + 1;
      if (!command) {
        this.failedCommand(offset, problem, undefined);
        continue;
      }
      const saved = this.state.properties;
      this.state.properties = { ...this.defaults, ...command.properties };
      this.state.nextQueryNumber = offset;
      this.state.acceptedOffsets = command.startOffsets;
      this.state.replayPlan = command.plan;
      this.state.replaying = true;
      try {
        await executeStatement(this.state, parseStatement(command.sql, undefined, new Set(this.state.types.keys())), this.defaults);
      } catch (e) {
        // A command that fails on replay (its topic was deleted, it no longer plans) must not
        // stop the rest, nor every start of the service.
        this.failedCommand(offset, e instanceof Error ? e.message : String(e), command.sql);
      } finally {
        this.state.properties = saved;
        this.state.acceptedOffsets = undefined;
        this.state.replayPlan = undefined;
        this.state.replaying = false;
      }
    }
  }

  /** Marks a command skipped on replay: logged to the processing log, kept in failedCommands. */
  private failedCommand(offset: number, message: string, sql: string | undefined): void {
    this.failedCommands.set(offset, message);
    this.state.processingLog.log({ queryId: 'COMMAND', type: 'COMMAND', message: `command ${offset} failed on replay: ${message}`, ...(sql !== undefined ? { record: sql } : {}) });
  }

  get log(): Log { return this.state.log; }

  /** Splits a script into statements (not yet parsed: DEFINE changes how later ones read). */
  split(script: string): ScriptStatement[] { return splitStatements(script); }

  /** Substitutes ${variables}, parses and executes one statement of a script. */
  async executeText(stmt: ScriptStatement, opts: ExecuteOptions = {}): Promise<StatementResult> {
    await this.settle();
    return this.execute(this.parse(stmt, opts.variables), opts);
  }

  /** Substitutes ${variables} (the session's unless given) and parses one statement of a script. */
  parse(stmt: ScriptStatement, variables: ReadonlyMap<string, string> = this.state.variables): Statement {
    const origin = { line: stmt.line, column: stmt.column, offset: stmt.offset };
    checkStatementSize(stmt.text, origin, this.state.properties);
    const text = stmt.text.includes('${') ? substituteVariables(stmt.text, variables, origin) : stmt.text;
    if (text !== stmt.text) checkStatementSize(text, origin, this.state.properties);
    return parseStatement(text, origin, new Set(this.state.types.keys()));
  }

  /** The columns a SELECT returns, planned with the session's properties but not run. */
  queryColumns(s: QueryStatement, properties?: Record<string, string>): ResultColumn[] {
    const saved = this.state.properties;
    if (properties) this.state.properties = { ...saved, ...properties };
    try {
      return queryColumns(this.state, s);
    } finally {
      this.state.properties = saved;
    }
  }

  /** Executes every statement of a script in order; stops at the first error (thrown). */
  async executeScript(script: string): Promise<StatementResult[]> {
    const out: StatementResult[] = [];
    for (const st of this.split(script)) out.push(await this.executeText(st));
    return out;
  }

  async execute(stmt: Statement, opts: ExecuteOptions = {}): Promise<StatementResult> {
    return this.serialized(() => this.withProperties(opts.properties, async () => {
      if (!this.commands || !DURABLE_KINDS.has(stmt.kind)) return (await this.executeAccepting(stmt)).result;
      await this.replayCommands();
      // The query id number is the command's offset, the same on every instance.
      this.state.nextQueryNumber = await this.commands.end();
      const { result, offsets } = await this.executeAccepting(stmt);
      const plan = result.kind === 'message' ? result.plan : undefined;
      const offset = await this.commands.append({
        id: randomUUID(), sql: (result.kind === 'message' ? result.commandSql : undefined) ?? stmt.text, properties: { ...this.state.properties },
        ...(offsets ? { startOffsets: offsets } : {}), ...(plan ? { plan } : {}),
      });
      this.applied = offset + 1;
      return result;
    }));
  }

  /** Runs `f` with `properties` over the session's, restored after (a REST request's own, e.g. SET in it). */
  private async withProperties<T>(properties: Record<string, string> | undefined, f: () => Promise<T>): Promise<T> {
    if (!properties) return f();
    const saved = this.state.properties;
    this.state.properties = { ...saved, ...properties };
    try {
      return await f();
    } finally {
      this.state.properties = saved;
    }
  }

  /**
   * Executes a statement, and has the end offsets its new queries start from with latest before
   * returning: every record produced after the statement returns is then their input.
   */
  private async executeAccepting(stmt: Statement): Promise<{ result: StatementResult; offsets: Record<string, number[]> | undefined }> {
    const before = new Set(this.state.queries.values());
    const result = await executeStatement(this.state, stmt, this.defaults);
    const offsets = await acceptedOffsetsOf([...this.state.queries.values()].filter((q) => !before.has(q)));
    return { result, offsets };
  }

  /** Resolves when every persistent query has processed all input available to it. */
  async settle(timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let stableRounds = 0;
    while (stableRounds < 2) {
      let behind: PersistentQuery | undefined;
      for (const q of this.state.queries.values()) {
        if (q.kind === 'PUSH') continue;
        if (!(await q.runner.caughtUp())) { behind = q; break; }
      }
      stableRounds = behind === undefined ? stableRounds + 1 : 0;
      if (stableRounds < 2) {
        if (Date.now() > deadline) {
          // Name the query, and why where it failed: a query in ERROR retries and may never catch up.
          const why = behind === undefined ? '' : `: ${behind.id} is behind${behind.status === 'ERROR' && behind.error ? ` (ERROR: ${behind.error})` : ''}`;
          throw new SqlError('INTERNAL', `queries did not catch up within ${timeoutMs} ms${why}`);
        }
        await new Promise((r) => setImmediate(r));
      }
    }
    await this.state.processingLog.drain();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.follower) clearInterval(this.follower);
    await this.queue;
    // Connectors first (bounded): nothing new flows in while the queries stop.
    await Promise.all([...this.state.connectors.values()].map((c) => c.stop(CONNECTOR_STOP_TIMEOUT_MS)));
    this.state.connectors.clear();
    await this.state.modelMetrics?.close();
    for (const q of this.state.queries.values()) await q.runner.stop();
    this.state.queries.clear();
    await this.state.processingLog.drain();
    if (this.ownsLog) await this.state.log.close();
  }
}
