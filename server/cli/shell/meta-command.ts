// The shell's own commands, typed at an empty prompt, as ksqlDB CLI and psql users expect them.
// They need no ';' (a trailing one is allowed).
import { OUTPUT_MODES, type OutputMode } from '../print-result.js';

export type MetaCommand =
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'sql'; text: string }
  | { kind: 'timing'; on?: boolean }
  | { kind: 'vertical'; on?: boolean }
  | { kind: 'format'; mode?: OutputMode }
  | { kind: 'error'; message: string };

export const SHELL_COMMANDS_HELP = `Statements end with ';' and may span lines. Shell commands (no ';' needed):
  help, \\?              This help
  \\q, exit, quit        Leave the shell (Ctrl-D too)
  \\d                    List streams and tables (SHOW STREAMS; SHOW TABLES;)
  \\d NAME               Describe a stream or table (DESCRIBE NAME;)
  \\timing [on|off]      Print how long each statement took
  \\format table|jsonl|csv  How rows are printed
  \\x [on|off]           Vertical display: one block per row, for wide rows
  RUN SCRIPT 'file.sql'; Run the statements of a file
Tab completes keywords, streams, tables, columns and functions. Ctrl-C cancels a running push
query, or clears the statement being typed. Up/down recall whole statements.`;

function onOff(arg: string | undefined): boolean | undefined | 'bad' {
  if (arg === undefined) return undefined;
  if (/^on$/i.test(arg)) return true;
  if (/^off$/i.test(arg)) return false;
  return 'bad';
}

/** The shell command on this line, or undefined when the line is (the start of) SQL. */
export function parseMetaCommand(line: string): MetaCommand | undefined {
  const t = line.trim().replace(/;$/, '').trim();
  if (/^(exit|quit|\\q)$/i.test(t)) return { kind: 'quit' };
  if (/^(help|\\\?|\\h)$/i.test(t)) return { kind: 'help' };
  if (!t.startsWith('\\')) return undefined;
  const [cmd, ...rest] = t.split(/\s+/);
  const arg = rest.join(' ') || undefined;
  switch (cmd) {
    case '\\d': return { kind: 'sql', text: arg ? `DESCRIBE ${arg};` : 'SHOW STREAMS; SHOW TABLES;' };
    case '\\timing': case '\\x': {
      const on = onOff(arg);
      if (on === 'bad') return { kind: 'error', message: `${cmd} takes on or off, not '${arg}'` };
      return { kind: cmd === '\\x' ? 'vertical' : 'timing', on };
    }
    case '\\format': {
      if (arg === undefined) return { kind: 'format' };
      const mode = arg.toLowerCase() as OutputMode;
      if (!OUTPUT_MODES.includes(mode)) return { kind: 'error', message: `\\format takes ${OUTPUT_MODES.join(', ')}, not '${arg}'` };
      return { kind: 'format', mode };
    }
    default: return { kind: 'error', message: `Unknown shell command ${cmd}: type help or \\? for the list` };
  }
}
