// psql's \l, \dn and \du (with + and name patterns): the one database (the one connected
// to), the one schema (public) and the one role (the session's user) an Eddy server has.
import type { CatalogAnswer, CatalogContext } from './postgres-query.js';
import type { CatalogScan } from './catalog-scan.js';
import { QueryTemplate } from './query-template.js';
import { SCHEMA } from './relations.js';
import { rowsAnswer, T, type Col } from './text-result.js';

export const databaseScan: CatalogScan<string> = {
  from: ['pg_catalog.pg_database d', 'pg_catalog.pg_database d JOIN pg_catalog.pg_tablespace t on d.dattablespace = t.oid'],
  rows: (ctx) => [ctx.session.database],
  columns: {
    'd.datname as "Name"': { name: 'Name', oid: T.name, value: (db) => db },
    'pg_catalog.pg_get_userbyid(d.datdba) as "Owner"': { name: 'Owner', oid: T.name, value: (_, ctx) => ctx.session.user },
    'pg_catalog.pg_encoding_to_char(d.encoding) as "Encoding"': { name: 'Encoding', oid: T.name, value: () => 'UTF8' },
    'd.datcollate as "Collate"': { name: 'Collate', oid: T.text, value: () => 'C' },
    'd.datctype as "Ctype"': { name: 'Ctype', oid: T.text, value: () => 'C' },
    'd.daticulocale as "ICU Locale"': { name: 'ICU Locale', oid: T.text, value: () => null },
    "CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\"": { name: 'Locale Provider', oid: T.text, value: () => 'libc' },
    "pg_catalog.array_to_string(d.datacl, E'\\n') AS \"Access privileges\"": { name: 'Access privileges', oid: T.text, value: () => null },
    // \l+
    "CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT') THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname)) ELSE 'No Access' END as \"Size\"":
      { name: 'Size', oid: T.text, value: () => null },
    't.spcname as "Tablespace"': { name: 'Tablespace', oid: T.name, value: () => 'pg_default' },
    "pg_catalog.shobj_description(d.oid, 'pg_database') as \"Description\"": { name: 'Description', oid: T.text, value: () => 'Eddy streams and tables' },
  },
  alwaysTrue: [],
  patternColumns: { 'd.datname': (db) => db },
};

export const schemaScan: CatalogScan<string> = {
  from: ['pg_catalog.pg_namespace n'],
  rows: () => [SCHEMA],
  columns: {
    'n.nspname AS "Name"': { name: 'Name', oid: T.name, value: (s) => s },
    'pg_catalog.pg_get_userbyid(n.nspowner) AS "Owner"': { name: 'Owner', oid: T.name, value: (_, ctx) => ctx.session.user },
    "pg_catalog.array_to_string(n.nspacl, E'\\n') AS \"Access privileges\"": { name: 'Access privileges', oid: T.text, value: () => null },
    "pg_catalog.obj_description(n.oid, 'pg_namespace') AS \"Description\"": { name: 'Description', oid: T.text, value: () => 'Eddy streams and tables' },
  },
  alwaysTrue: ["n.nspname !~ '^pg_'", "n.nspname <> 'information_schema'"],
  patternColumns: { 'n.nspname': (s) => s },
};

// \du and \dg: the select list holds a subquery, so these are matched whole.
const ROLES = (description: string): string => `
SELECT r.rolname, r.rolsuper, r.rolinherit,
  r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
  r.rolconnlimit, r.rolvaliduntil,
  ARRAY(SELECT b.rolname
        FROM pg_catalog.pg_auth_members m
        JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid)
        WHERE m.member = r.oid) as memberof${description}
, r.rolreplication
, r.rolbypassrls
FROM pg_catalog.pg_roles r
WHERE r.rolname !~ '^pg_'
ORDER BY 1`;

const ROLE_LIST = new QueryTemplate(ROLES(''));
const ROLE_LIST_VERBOSE = new QueryTemplate(ROLES("\n, pg_catalog.shobj_description(r.oid, 'pg_authid') AS description"));

export function answerRoleList(normalized: string, ctx: CatalogContext): CatalogAnswer | undefined {
  const verbose = ROLE_LIST_VERBOSE.match(normalized) !== undefined;
  if (!verbose && !ROLE_LIST.match(normalized)) return undefined;
  const head: Col[] = [
    ['rolname', T.name], ['rolsuper', T.bool], ['rolinherit', T.bool], ['rolcreaterole', T.bool], ['rolcreatedb', T.bool],
    ['rolcanlogin', T.bool], ['rolconnlimit', T.int4], ['rolvaliduntil', T.timestamptz], ['memberof', T.nameArray],
  ];
  const tail: Col[] = [['rolreplication', T.bool], ['rolbypassrls', T.bool]];
  const values = [ctx.session.user, false, true, false, false, true, -1, null, '{}'];
  return verbose
    ? rowsAnswer([...head, ['description', T.text], ...tail], [[...values, null, false, false]])
    : rowsAnswer([...head, ...tail], [[...values, false, false]]);
}
