// `eddy run FILE.sql`: parse the whole script first (reporting every parse error), then run
// its statements in order, printing results; stop at the first statement that fails.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import { parseScript } from '../../grammar/index.js';
import { SqlError } from '../../src/types/sql-error.js';
import type { ParsedArgs } from './args.js';
import { printResult, OUTPUT_MODES, type Out, type OutputMode } from './print-result.js';
import { durationFlagMs } from './duration-flag.js';
import { showCopyProgress } from './copy-progress.js';
import { formatError } from './format-error.js';
import { RUN_HELP } from './help.js';
import { propertiesFromFlags, functionsDir, variablesFromFlags } from './properties-flag.js';
import { connectionFromArgs, type Connection } from './connection.js';
import { shutDown, shutdownTimeoutMs } from './shutdown.js';
import { runRemote } from './run-remote.js';
import { latestOffsetHint } from './latest-offset-hint.js';
import { offsetReset } from '../../src/engine/engine-state.js';

export async function runCommand(args: ParsedArgs, out: Out): Promise<number> {
  if (args.flags.has('help')) { out.stdout(RUN_HELP); return 0; }
  const file = args.positionals[0];
  if (!file) { out.stderr('eddy run: missing FILE.sql\n\n' + RUN_HELP); return 2; }
  const mode = (args.flags.get('output') ?? 'table') as OutputMode;
  if (!OUTPUT_MODES.includes(mode)) { out.stderr(`eddy run: --output must be ${OUTPUT_MODES.join(', ')}, not '${String(mode)}'`); return 2; }
  let timeoutMs: number | undefined;
  try { timeoutMs = durationFlagMs(args.flags.get('timeout'), 'timeout'); } catch (e) { out.stderr(`eddy run: ${(e as Error).message}`); return 2; }
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (e) {
    out.stderr(`eddy run: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  let variables: Map<string, string>;
  try { variables = variablesFromFlags(args); } catch (e) { out.stderr(`eddy run: ${(e as Error).message}`); return 2; }
  const server = args.flags.get('server');
  if (typeof server === 'string') return runRemote(args, server, file, source, mode, timeoutMs, out, variables);
  // Statements with ${variables} can only be parsed once their DEFINEs have run.
  // On Kafka the service may know custom types already (CREATE TYPE run before): any type name
  // parses then, and an unknown one fails when its statement runs; embedded, only the script's.
  const onKafka = args.flags.has('brokers') || args.flags.has('config');
  const { errors } = parseScript(source, onKafka ? 'any' : new Set());
  const parseErrors = errors.filter((e) => !(e.snippet ?? '').includes('${') && !/\$\{/.test(lineAt(source, e)));
  if (parseErrors.length > 0) {
    for (const e of parseErrors) out.stderr(formatError(e, file, source));
    return 1;
  }
  let engine: Engine;
  let conn: Connection | undefined;
  let properties: Record<string, string> = propertiesFromFlags(args);
  try {
    conn = connectionFromArgs(args);
    properties = { ...conn.properties, ...properties };
    engine = await Engine.create({ ...conn.options, baseDir: dirname(resolve(file)), properties, functionsDir: functionsDir(args) });
    showCopyProgress(engine);
    for (const [name, value] of variables) engine.state.variables.set(name, value);
  } catch (e) {
    out.stderr(formatError(e, file));
    await shutDown(undefined, conn, shutdownTimeoutMs(properties), out);
    return 1;
  }
  try {
    for (const st of engine.split(source)) {
      try {
        const result = await engine.executeText(st);
        if (result.kind === 'stream' && timeoutMs === undefined && !/\bLIMIT\b/i.test(st.text)) {
          await result.rows.cancel();
          throw new SqlError('INVALID_STATEMENT', 'A push query in a script needs a LIMIT (or eddy run --timeout), or it would never end.',
            { position: { line: st.line, column: st.column, offset: st.offset } });
        }
        const idleHint = result.kind === 'stream' && offsetReset(engine.state.properties) === 'latest' ? latestOffsetHint(`${file}:${st.line}: `) : undefined;
        await printResult(result, mode, out, { timeoutMs, idleHint });
      } catch (e) {
        out.stderr(formatError(e, file, source));
        return 1;
      }
    }
    await engine.settle();
    const logged = engine.state.processingLog.count;
    if (logged > 0) {
      out.stderr(`${logged} record${logged === 1 ? '' : 's'} could not be processed: see SELECT * FROM EDDY_PROCESSING_LOG;`);
    }
    return 0;
  } finally {
    await shutDown(engine, conn, shutdownTimeoutMs(properties), out);
  }
}

function lineAt(source: string, e: SqlError): string {
  return e.position ? source.split(/\r?\n/)[e.position.line - 1] ?? '' : '';
}
