// Tab completion of the word before the cursor: keywords, shell commands, and the backend's
// source, column and function names. Completions follow the case the user typed.
import { KEYWORDS } from '../../../grammar/tokens.js';
import type { CompletionNames } from './backend.js';

const META = ['\\?', '\\q', '\\d', '\\timing', '\\format', '\\x', 'help', 'exit', 'quit'];

export function complete(line: string, names: CompletionNames): [string[], string] {
  const meta = /^\s*(\\?[a-z]*)$/i.exec(line);
  const word = /[A-Za-z_][A-Za-z0-9_]*$/.exec(line)?.[0] ?? '';
  if (meta && meta[1].startsWith('\\')) return [META.filter((m) => m.startsWith(meta[1])), meta[1]];
  if (word === '') return [[], ''];
  const upper = word.toUpperCase();
  const lower = word === word.toLowerCase();
  // Names first after FROM/JOIN/INTO/DESCRIBE, where a source is what fits.
  const afterSource = /\b(FROM|JOIN|INTO|DESCRIBE|\\d)\s+[A-Za-z_0-9]*$/i.test(line);
  const pools = afterSource
    ? [names.sources, names.columns, names.functions, [...KEYWORDS.keys()]]
    : [[...KEYWORDS.keys()], names.sources, names.columns, names.functions];
  const seen = new Set<string>();
  for (const pool of pools) for (const n of pool) if (n.startsWith(upper)) seen.add(n);
  const hits = [...seen].map((n) => (lower ? n.toLowerCase() : n));
  return [hits, word];
}
