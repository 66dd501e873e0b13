// psql's \df and \df+ (with or without a name pattern): Eddy's functions, one row per
// overload, with the signatures DESCRIBE FUNCTION prints (Eddy's types: ARRAY<T>, lambdas).
import type { CatalogScan } from './catalog-scan.js';
import type { FunctionDef } from '../../../udfs/types.js';
import { patternText } from '../../../udfs/type-pattern-text.js';
import { SCHEMA } from './relations.js';
import { T } from './text-result.js';

interface FunctionRow { fn: FunctionDef; args: string; result: string }

function functionRows(fns: readonly FunctionDef[]): FunctionRow[] {
  return fns.flatMap((fn) => fn.overloads.map((o) => {
    const params = [...o.params, ...('literalParams' in o && o.literalParams ? o.literalParams : [])]
      .map((p) => `${p.name} ${patternText(p.type)}`);
    if ('variadic' in o && o.variadic && params.length > 0) params[params.length - 1] = `VARIADIC ${params[params.length - 1]}`;
    const result = typeof o.returns === 'function' ? 'depends on arguments' : patternText(o.returns);
    return { fn, args: params.join(', '), result };
  }));
}

const FROM = 'pg_catalog.pg_proc p LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace';

export const functionScan: CatalogScan<FunctionRow> = {
  from: [FROM, FROM + ' LEFT JOIN pg_catalog.pg_language l ON l.oid = p.prolang'],
  rows: (ctx) => functionRows(ctx.engine.state.registry.list()),
  columns: {
    'n.nspname as "Schema"': { name: 'Schema', oid: T.name, value: () => SCHEMA },
    'p.proname as "Name"': { name: 'Name', oid: T.name, value: (r) => r.fn.name.toUpperCase() },
    'pg_catalog.pg_get_function_result(p.oid) as "Result data type"': { name: 'Result data type', oid: T.text, value: (r) => r.result },
    'pg_catalog.pg_get_function_arguments(p.oid) as "Argument data types"': { name: 'Argument data types', oid: T.text, value: (r) => r.args },
    "CASE p.prokind WHEN 'a' THEN 'agg' WHEN 'w' THEN 'window' WHEN 'p' THEN 'proc' ELSE 'func' END as \"Type\"":
      { name: 'Type', oid: T.text, value: (r) => (r.fn.kind === 'aggregate' ? 'agg' : 'func') },
    // \df+
    "CASE WHEN p.provolatile = 'i' THEN 'immutable' WHEN p.provolatile = 's' THEN 'stable' WHEN p.provolatile = 'v' THEN 'volatile' END as \"Volatility\"":
      { name: 'Volatility', oid: T.text, value: (r) => (r.fn.kind === 'scalar' && r.fn.volatile ? 'volatile' : 'immutable') },
    "CASE WHEN p.proparallel = 'r' THEN 'restricted' WHEN p.proparallel = 's' THEN 'safe' WHEN p.proparallel = 'u' THEN 'unsafe' END as \"Parallel\"":
      { name: 'Parallel', oid: T.text, value: () => 'safe' },
    'pg_catalog.pg_get_userbyid(p.proowner) as "Owner"': { name: 'Owner', oid: T.name, value: (_, ctx) => ctx.session.user },
    "CASE WHEN prosecdef THEN 'definer' ELSE 'invoker' END AS \"Security\"": { name: 'Security', oid: T.text, value: () => 'invoker' },
    "pg_catalog.array_to_string(p.proacl, E'\\n') AS \"Access privileges\"": { name: 'Access privileges', oid: T.text, value: () => null },
    'l.lanname as "Language"': { name: 'Language', oid: T.name, value: () => 'internal' },
    'COALESCE(pg_catalog.pg_get_function_sqlbody(p.oid), p.prosrc) as "Source code"': { name: 'Source code', oid: T.text, value: () => null },
    "pg_catalog.obj_description(p.oid, 'pg_proc') as \"Description\"": { name: 'Description', oid: T.text, value: (r) => r.fn.description },
  },
  alwaysTrue: ['pg_catalog.pg_function_is_visible(p.oid)', "n.nspname <> 'pg_catalog'", "n.nspname <> 'information_schema'"],
  patternColumns: { 'p.proname': (r) => r.fn.name, 'n.nspname': () => SCHEMA },
};
