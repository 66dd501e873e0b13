// --set NAME=VALUE flags as engine properties, --define NAME=VALUE as variables, and --functions DIR
// (or EDDY_FUNCTIONS_DIR).
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

/** --define NAME=VALUE flags (ksqlDB's CLI has the same): variables the script starts with. */
export function variablesFromFlags(args: ParsedArgs): Map<string, string> {
  const vars = new Map<string, string>();
  const v = args.flags.get('define');
  for (const s of typeof v === 'string' ? v.split('\n') : []) {
    const eq = s.indexOf('=');
    const name = eq > 0 ? s.slice(0, eq).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_@]*$/.test(name)) throw new Error(`--define takes NAME=VALUE (a variable name, then its value), not '${s}'`);
    vars.set(name.toUpperCase(), s.slice(eq + 1)); // as DEFINE keeps names
  }
  return vars;
}

export function functionsDir(args: ParsedArgs): string | undefined {
  const v = args.flags.get('functions');
  return typeof v === 'string' ? v : process.env.EDDY_FUNCTIONS_DIR || undefined;
}
