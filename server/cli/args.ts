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

/**
 * The flags each command accepts (`help` is always accepted). A command not listed here checks
 * its own flags. A typo such as `--outptu` must fail, not silently change nothing.
 */
const CONNECTION = ['brokers', 'service-id', 'instance-id', 'config'];

/** A flag that sets up a local engine, given with --server (which has its own): say which. */
export function localFlagWithServer(args: ParsedArgs): string | undefined {
  return [...CONNECTION, 'functions'].find((f) => args.flags.has(f));
}
export const COMMAND_FLAGS: Record<string, readonly string[]> = {
  run: ['output', 'set', 'define', 'functions', 'timeout', 'server', ...CONNECTION],
  shell: ['output', 'set', 'functions', 'server', 'user', ...CONNECTION],
  migrate: ['dir', 'server', 'until'],
  users: ['users'],
  server: ['http-port', 'pg-port', 'no-pg', 'host', 'set', 'functions', 'tls-cert', 'tls-key', 'users', ...CONNECTION],
};

/** An error message for the first flag `command` does not accept, with the nearest known one. */
export function unknownFlag(command: string, args: ParsedArgs): string | undefined {
  const known = COMMAND_FLAGS[command];
  if (!known) return undefined;
  for (const name of args.flags.keys()) {
    if (name === 'help' || known.includes(name)) continue;
    // A part of a known name (--port: --http-port, --pg-port) says more than the nearest spelling
    // (--host is one letter from --port).
    const parts = known.filter((k) => k.endsWith(`-${name}`) || k.startsWith(`${name}-`));
    const near = [...known].sort((a, b) => distance(name, a) - distance(name, b))[0];
    const hint = parts.length > 0 ? ` (did you mean ${parts.map((k) => `--${k}`).join(' or ')}?)`
      : near && distance(name, near) <= 2 ? ` (did you mean --${near}?)` : '';
    return `eddy ${command}: unknown option --${name}${hint}`;
  }
  return undefined;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
