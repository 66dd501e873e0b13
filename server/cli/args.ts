// A small flag parser: `--name value`, `--name=value`, boolean `--flag`, and positionals.
export interface ParsedArgs { positionals: string[]; flags: Map<string, string | true> }

export function parseArgs(argv: string[], booleanFlags: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) { add(flags, a.slice(2, eq), a.slice(eq + 1)); continue; }
      const name = a.slice(2);
      if (booleanFlags.has(name) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) flags.set(name, true);
      else add(flags, name, argv[++i]);
    } else if (a === '-h') {
      flags.set('help', true);
    } else positionals.push(a);
  }
  return { positionals, flags };
}

/** A repeated flag keeps every value, one per line. */
function add(flags: Map<string, string | true>, name: string, value: string): void {
  const prev = flags.get(name);
  flags.set(name, typeof prev === 'string' ? `${prev}\n${value}` : value);
}
