// --set NAME=VALUE flags as engine properties, and --functions DIR (or EDDY_FUNCTIONS_DIR).
import type { ParsedArgs } from './args.js';

export function propertiesFromFlags(args: ParsedArgs): Record<string, string> {
  const props: Record<string, string> = {};
  const v = args.flags.get('set');
  for (const s of typeof v === 'string' ? v.split('\n') : []) {
    const eq = s.indexOf('=');
    if (eq > 0) props[s.slice(0, eq).trim()] = s.slice(eq + 1).trim();
  }
  return props;
}

export function functionsDir(args: ParsedArgs): string | undefined {
  const v = args.flags.get('functions');
  return typeof v === 'string' ? v : process.env.EDDY_FUNCTIONS_DIR || undefined;
}
