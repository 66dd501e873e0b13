// `eddy shell`: an interactive prompt. Statements end with ';' and may span lines; Ctrl-C
// cancels a running push query (or clears the current input); history in ~/.eddy_history.
import { createInterface } from 'node:readline';
import { readFileSync, appendFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import type { PushRows } from '../../src/engine/statement-result.js';
import type { ParsedArgs } from './args.js';
import { printResult, type Out } from './print-result.js';
import { formatError } from './format-error.js';
import { SHELL_HELP } from './help.js';
import { propertiesFromFlags, functionsDir } from './properties-flag.js';
import { renderTable } from './render-table.js';

const HISTORY = join(homedir(), '.eddy_history');

function loadHistory(): string[] {
  try { return readFileSync(HISTORY, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 500); } catch { return []; }
}

export async function shellCommand(args: ParsedArgs, out: Out): Promise<number> {
  if (args.flags.has('help')) { out.stdout(SHELL_HELP); return 0; }
  const engine = await Engine.create({ properties: propertiesFromFlags(args), functionsDir: functionsDir(args) });
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive, history: loadHistory(), historySize: 500 });
  if (interactive) out.stdout("Eddy shell — streaming SQL on the embedded log. End statements with ';'. Ctrl-D to exit.");
  let buffer = '';
  let running: PushRows | undefined;
  const prompt = (): void => { rl.setPrompt(buffer ? '   ...> ' : 'eddy> '); rl.prompt(); };

  rl.on('SIGINT', () => {
    if (running) { void running.cancel(); out.stdout('Query cancelled.'); }
    else { buffer = ''; out.stdout(''); prompt(); }
  });

  const runStatements = async (text: string): Promise<void> => {
    for (const st of engine.split(text)) {
      try {
        const r = await engine.executeText(st);
        if (r.kind === 'stream') {
          running = r.rows;
          out.stdout(renderTable(r.columns, []).split('\n').slice(0, 3).join('\n'));
          let n = 0;
          for await (const row of r.rows) { n++; out.stdout(renderTable(r.columns, [row]).split('\n')[3]); }
          running = undefined;
          out.stdout(`(${n} row${n === 1 ? '' : 's'})`);
        } else {
          await printResult(r, 'table', out);
        }
      } catch (e) {
        running = undefined;
        out.stderr(formatError(e, undefined, st.text));
      }
    }
  };

  prompt();
  for await (const line of rl) {
    if (!buffer && /^\s*(exit|quit)\s*;?\s*$/i.test(line)) break;
    buffer += (buffer ? '\n' : '') + line;
    if (/;\s*$/.test(line)) {
      const text = buffer;
      buffer = '';
      try { appendFileSync(HISTORY, text.replace(/\n/g, ' ') + '\n'); } catch { /* history is best effort */ }
      await runStatements(text);
    }
    prompt();
  }
  if (buffer.trim()) await runStatements(buffer);
  rl.close();
  await engine.close();
  return 0;
}
