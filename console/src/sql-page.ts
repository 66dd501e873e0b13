// The console's SQL page: an editor (Ctrl+Enter runs it, or the selection), each statement in
// turn; a query's rows stream into the table until its LIMIT, its end, or Stop; a failing
// statement stops the run and its error is marked in the editor at the line and column it names.
import { offsetOf, positionIn, splitStatements } from './statements.js';
import { runStatement, streamQuery, StatementFailed, type RunningQuery } from './rest-client.js';
import { ResultsTable } from './results-table.js';
import { loadHistory, remember } from './history.js';

import { $, el, tableOf } from './dom.js';

const editor = $<HTMLTextAreaElement>('editor');
const runButton = $<HTMLButtonElement>('run');
const stopButton = $<HTMLButtonElement>('stop');
const errorBox = $('error');
const historyList = $('history');
const table = new ResultsTable($('results'), $('status'));
/** Properties sent with every statement: queries read topics from the start, as in the CLI's scripts. */
const properties: Record<string, string> = { 'auto.offset.reset': 'earliest' };

let running: RunningQuery | undefined;
let stopped = false;

function showHistory(items: string[]): void {
  historyList.replaceChildren(...items.map((text) => {
    const li = document.createElement('li');
    li.textContent = text.length > 120 ? `${text.slice(0, 117)}...` : text;
    li.title = text;
    li.onclick = () => { editor.value = text; editor.focus(); };
    return li;
  }));
}

function clearError(): void {
  errorBox.hidden = true;
  errorBox.textContent = '';
  editor.classList.remove('has-error');
}

/** Shows the error and selects where it points in the editor (or the failing statement). */
function showError(message: string, all: string, start: number, length: number): void {
  const pos = positionIn(message);
  const at = pos ? offsetOf(all, start, pos.line, pos.column) : start;
  const lineNo = all.slice(0, at).split('\n').length;
  const col = at - all.lastIndexOf('\n', at - 1);
  errorBox.hidden = false;
  // The server counts from the statement's start; the editor, from the top.
  errorBox.textContent = `line ${lineNo}, column ${col}: ${message.replace(/^line \d+(?:, column |:)\d+: /, '')}`;
  errorBox.dataset.line = String(lineNo);
  errorBox.dataset.column = String(col);
  editor.classList.add('has-error');
  editor.focus();
  editor.setSelectionRange(at, pos ? Math.min(all.length, at + wordLength(all, at)) : start + length);
}

const wordLength = (s: string, at: number): number => Math.max(1, (/^[\w.]+|^./.exec(s.slice(at))?.[0] ?? ' ').length);

async function run(): Promise<void> {
  await stop();
  clearError();
  stopped = false;
  const all = editor.value;
  const selected = editor.selectionStart !== editor.selectionEnd;
  const base = selected ? editor.selectionStart : 0;
  const text = selected ? all.slice(editor.selectionStart, editor.selectionEnd) : all;
  const statements = splitStatements(text);
  if (statements.length === 0) return;
  showHistory(remember(text.trim()));
  runButton.disabled = true;
  try {
    for (const s of statements) {
      if (stopped) break;
      try {
        if (s.query) {
          let header = false;
          running = await streamQuery(s.text, properties, (h) => { header = true; table.reset(h.columnNames, h.columnTypes); }, (row) => table.add(row));
          stopButton.disabled = false;
          await running.done;
          if (header) table.draw();
        } else {
          const set = setStatement(s.text);
          if (set) {
            // SET and UNSET are the client's, as in ksqlDB's CLI: they change the properties sent.
            if (set.value === undefined) delete properties[set.name]; else properties[set.name] = set.value;
            table.message(set.value === undefined ? `Unset '${set.name}'.` : `Set '${set.name}' to '${set.value}'.`);
          } else {
            table.show(...describe(await runStatement(s.text, properties)));
          }
        }
      } catch (e) {
        const message = e instanceof StatementFailed ? e.body.message : (e as Error).message;
        showError(message, all, base + s.start, s.text.length);
        return;
      } finally {
        running = undefined;
        stopButton.disabled = true;
      }
    }
  } finally {
    runButton.disabled = false;
  }
}

async function stop(): Promise<void> {
  stopped = true;
  const r = running;
  running = undefined;
  await r?.stop();
}

/** A statement's entities: its message, a table for listings and Eddy's result tables, else JSON. */
function describe(entities: unknown[]): Node[] {
  return entities.map((e) => {
    const o = e as Record<string, unknown> & { commandStatus?: { message?: string }; '@type'?: string };
    if (o.commandStatus?.message) return el('pre', { className: 'message', textContent: o.commandStatus.message });
    if (o['@type'] === 'eddy_rows') {
      const r = o as unknown as { columns: { name: string }[]; rows: unknown[][] };
      return tableOf(r.columns.map((c) => c.name), r.rows);
    }
    // Connector statements answer with Kafka Connect's shapes: say what happened, as ksqlDB's CLI does.
    if (o['@type'] === 'connector_info') return message(`Created connector ${(o.info as { name: string }).name}`);
    if (o['@type'] === 'drop_connector') return message(`Dropped connector ${String(o.connectorName)}`);
    if (o['@type'] === 'connector_description') return connectorTable(o);
    const list = (['streams', 'tables', 'queries', 'topics', 'connectors'] as const).find((k) => Array.isArray(o[k]));
    if (list) {
      const items = o[list] as Record<string, unknown>[];
      const cols = [...new Set(items.flatMap((i) => Object.keys(i)))];
      return tableOf(cols, items.map((i) => cols.map((c) => i[c])));
    }
    return el('pre', { className: 'message', textContent: JSON.stringify(e, null, 2) });
  });
}

const message = (text: string): Node => el('pre', { className: 'message', textContent: text });

/** DESCRIBE CONNECTOR: its state, counters and config as property rows. */
function connectorTable(o: Record<string, unknown>): Node {
  const status = o.status as { name: string; connector: { state: string; trace?: string } };
  const stats = (o.eddyStats ?? {}) as Record<string, unknown>;
  const rows: unknown[][] = [
    ['Name', status.name], ['Class', o.connectorClass], ['State', status.connector.state],
    ...(status.connector.trace ? [['Reason', status.connector.trace]] : []),
    ['Topics', (o.topics as string[]).join(', ')],
    ...Object.entries(stats).map(([k, v]) => [k, v ?? '-']),
    ...Object.entries((o.config ?? {}) as Record<string, string>).map(([k, v]) => [`Config ${k}`, v]),
  ];
  return tableOf(['Property', 'Value'], rows);
}

/** SET 'name' = 'value'; or UNSET 'name'; (value undefined), else undefined. */
function setStatement(text: string): { name: string; value?: string } | undefined {
  const set = /^set\s+'([^']*)'\s*=\s*'([^']*)'\s*;$/i.exec(text);
  if (set) return { name: set[1], value: set[2] };
  const unset = /^unset\s+'([^']*)'\s*;$/i.exec(text);
  return unset ? { name: unset[1] } : undefined;
}

export function initSqlPage(): void {
  editor.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); void run(); }
  });
  editor.addEventListener('input', clearError);
  runButton.onclick = () => void run();
  stopButton.onclick = () => void stop();
  showHistory(loadHistory());
}
