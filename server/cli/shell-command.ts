// `eddy shell`: an interactive prompt. Statements end with ';' and may span lines; shell commands
// (help, \d, \timing, \format, \x, \q) as psql and ksqlDB CLI users expect; Ctrl-C cancels a
// running push query or clears the input; whole statements in history (~/.eddy_history).
// The shell talks to a ShellBackend: here the local engine, on the embedded log or on Kafka.
import { createInterface, type Interface } from 'node:readline';
import { readFileSync, appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Engine } from '../../src/engine/engine.js';
import { splitStatements } from '../../grammar/index.js';
import { SqlError } from '../../src/types/sql-error.js';
import type { PushRows } from '../../src/engine/statement-result.js';
import { localFlagWithServer, type ParsedArgs } from './args.js';
import { printResult, OUTPUT_MODES, type Out, type OutputMode } from './print-result.js';
import { formatError } from './format-error.js';
import { SHELL_HELP } from './help.js';
import { propertiesFromFlags, functionsDir } from './properties-flag.js';
import { connectionFromArgs, type Connection } from './connection.js';
import { shutDown, shutdownTimeoutMs } from './shutdown.js';
import { LocalBackend, type ShellBackend, type CompletionNames } from './shell/backend.js';
import { RemoteBackend } from './shell/remote-backend.js';
import { endsStatement, oneLine } from './shell/statement-input.js';
import { parseMetaCommand, SHELL_COMMANDS_HELP } from './shell/meta-command.js';
import { complete } from './shell/completer.js';
import { StreamTable } from './render-stream-table.js';
import { showCopyProgress } from './copy-progress.js';
import { latestOffsetHint, watchForRows } from './latest-offset-hint.js';

const HISTORY = join(homedir(), '.eddy_history');
const RUN_SCRIPT = /^RUN\s+SCRIPT\s+'((?:[^']|'')*)'$/i;
/** RUN SCRIPT inside RUN SCRIPT: deep enough for real use, and a script running itself ends. */
const MAX_SCRIPT_DEPTH = 16;

function loadHistory(): string[] {
  try { return readFileSync(HISTORY, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 500); } catch { return []; }
}

async function localBackend(args: ParsedArgs, out: Out): Promise<ShellBackend> {
  let conn: Connection | undefined;
  let properties = propertiesFromFlags(args);
  try {
    conn = connectionFromArgs(args);
    properties = { ...conn.properties, ...properties };
    const engine = await Engine.create({ ...conn.options, properties, functionsDir: functionsDir(args) });
    showCopyProgress(engine);
    const c = conn;
    return new LocalBackend(engine, conn.describe, () => shutDown(engine, c, shutdownTimeoutMs(properties), out));
  } catch (e) {
    await shutDown(undefined, conn, shutdownTimeoutMs(properties), out);
    throw e;
  }
}

/** `--server URL [--user NAME]` (password from EDDY_PASSWORD): a running server; else a local engine. */
async function chooseBackend(args: ParsedArgs, out: Out): Promise<ShellBackend> {
  const server = args.flags.get('server');
  if (server === undefined) return localBackend(args, out);
  if (typeof server !== 'string') throw new SqlError('INVALID_PROPERTY', '--server needs a URL, e.g. http://localhost:8088');
  const local = localFlagWithServer(args);
  if (local) throw new SqlError('INVALID_PROPERTY', `--${local} does not go with --server (the server has its own)`);
  const user = args.flags.get('user');
  const remote = new RemoteBackend(server, propertiesFromFlags(args), typeof user === 'string' ? user : undefined, process.env.EDDY_PASSWORD);
  await remote.connect();
  return remote;
}

export async function shellCommand(args: ParsedArgs, out: Out): Promise<number> {
  if (args.flags.has('help')) { out.stdout(SHELL_HELP); return 0; }
  let mode = (args.flags.get('output') ?? 'table') as OutputMode;
  if (!OUTPUT_MODES.includes(mode)) { out.stderr(`eddy shell: --output must be ${OUTPUT_MODES.join(', ')}, not '${String(mode)}'`); return 2; }
  let backend: ShellBackend;
  try {
    backend = await chooseBackend(args, out);
  } catch (e) {
    out.stderr(formatError(e, undefined));
    return 1;
  }
  const interactive = process.stdin.isTTY === true;
  let names: CompletionNames = { sources: [], columns: [], functions: [] };
  const refreshNames = async (): Promise<void> => { try { names = await backend.completionNames(); } catch { /* keep the old ones */ } };
  await refreshNames();
  const rl: Interface = createInterface({
    input: process.stdin, output: process.stdout, terminal: interactive, history: loadHistory(), historySize: 500,
    removeHistoryDuplicates: true, completer: (line: string) => complete(line, names),
  });
  if (interactive) out.stdout(`Eddy shell on ${backend.describe}. End statements with ';'. Type help for commands, \\q or Ctrl-D to exit.`);
  let buffer = '';
  let bufferLines = 0;
  let running: PushRows | undefined;
  let cancelled = false;
  let timing = false;
  let vertical = false;
  const msg = (s: string): void => (mode === 'table' ? out.stdout(s) : out.stderr(s));
  const prompt = (): void => { rl.setPrompt(buffer ? '   ...> ' : 'eddy> '); rl.prompt(); };

  rl.on('SIGINT', () => {
    if (running) {
      cancelled = true;
      void running.cancel();
      if (mode === 'table' && !vertical) out.stdout('Query cancelled.');
      return;
    }
    // Like psql: the typed text stays visible, and the next prompt starts empty.
    buffer = '';
    bufferLines = 0;
    const r = rl as unknown as { line: string; cursor: number };
    r.line = '';
    r.cursor = 0;
    out.stdout('^C');
    prompt();
  });

  const runStatement = async (text: string, depth: number): Promise<void> => {
    const script = RUN_SCRIPT.exec(text);
    if (script) {
      if (depth >= MAX_SCRIPT_DEPTH) throw new SqlError('INVALID_STATEMENT', `RUN SCRIPT nested more than ${MAX_SCRIPT_DEPTH} deep`);
      const path = script[1].replace(/''/g, "'");
      let source: string;
      try { source = await readFile(path, 'utf8'); } catch (e) { throw new SqlError('IO_ERROR', `Cannot read '${path}': ${(e as Error).message}`); }
      for (const st of splitStatements(source)) await runStatement(st.text, depth + 1);
      return;
    }
    const r = await backend.execute(text);
    cancelled = false;
    const idleHint = r.kind === 'stream' && backend.readsFromLatest?.() === true ? latestOffsetHint() : undefined;
    if (r.kind === 'stream' && mode === 'table' && !vertical) {
      running = r.rows;
      if (r.warning) out.stdout(r.warning);
      const table = new StreamTable(r.columns, process.stdout.columns || 80);
      out.stdout(table.header());
      let n = 0;
      const stopWatching = watchForRows(idleHint, () => n, (t) => out.stderr(t));
      try {
        for await (const row of r.rows) { n++; out.stdout(table.row(row)); }
      } finally {
        stopWatching();
        running = undefined;
        out.stdout(table.footer());
      }
      out.stdout(`(${n} row${n === 1 ? '' : 's'})`);
    } else {
      if (r.kind === 'stream') running = r.rows;
      try { await printResult(r, mode, out, { vertical, cancelled: () => cancelled, idleHint }); } finally { running = undefined; }
    }
  };

  const runStatements = async (text: string): Promise<void> => {
    for (const st of splitStatements(text)) {
      const start = performance.now();
      try {
        await runStatement(st.text, 0);
      } catch (e) {
        out.stderr(formatError(e, undefined, st.text));
      }
      if (timing) msg(`Time: ${(performance.now() - start).toFixed(3)} ms`);
    }
    await refreshNames();
  };

  /** Up-arrow recalls the statement, not its last line. Piped input is not the user's history. */
  const rememberStatement = (text: string, lines: number): void => {
    if (!interactive) return;
    const entry = oneLine(text);
    try { appendFileSync(HISTORY, entry + '\n'); } catch { /* history is best effort */ }
    const h = (rl as unknown as { history?: string[] }).history;
    if (!h || lines < 2) return;
    // readline added each non-blank line on its own, newest first: replace those by the whole.
    for (const l of text.split('\n').reverse()) if (h[0] === l) h.shift();
    h.unshift(entry);
  };

  prompt();
  for await (const line of rl) {
    const meta = buffer ? undefined : parseMetaCommand(line);
    if (meta) {
      if (meta.kind === 'quit') break;
      if (meta.kind === 'help') out.stdout(SHELL_COMMANDS_HELP);
      else if (meta.kind === 'error') out.stderr(`error: ${meta.message}`);
      else if (meta.kind === 'timing') { timing = meta.on ?? !timing; out.stdout(`Timing is ${timing ? 'on' : 'off'}.`); }
      else if (meta.kind === 'vertical') { vertical = meta.on ?? !vertical; out.stdout(`Vertical display is ${vertical ? 'on' : 'off'}.`); }
      else if (meta.kind === 'format') { mode = meta.mode ?? mode; out.stdout(`Output format is ${mode}.`); }
      else await runStatements(meta.text);
      prompt();
      continue;
    }
    if (!buffer && line.trim() === '') { prompt(); continue; }
    buffer += (buffer ? '\n' : '') + line;
    bufferLines++;
    if (endsStatement(buffer)) {
      const text = buffer;
      const lines = bufferLines;
      buffer = '';
      bufferLines = 0;
      rememberStatement(text, lines);
      await runStatements(text);
    }
    prompt();
  }
  if (buffer.trim()) await runStatements(buffer);
  rl.close();
  await backend.close();
  return 0;
}
