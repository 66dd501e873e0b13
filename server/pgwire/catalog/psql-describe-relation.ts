// psql 15's \d NAME and \d+ NAME after the lookup: one query per part of the description, each
// naming the relation by oid. The texts are psql's own (psql -E); the result shapes are Postgres
// 15's, since psql reads the cells by position. A table shows its key as NOT NULL and as a
// primary key; what Eddy does not have (policies, statistics, publications, inheritance) is an
// empty result, and rules and triggers are never asked for (relhasrules, relhastriggers false).
import type { CatalogAnswer, CatalogContext } from './postgres-query.js';
import { QueryTemplate } from './query-template.js';
import { relationByOid, SCHEMA, type PgRelation } from './relations.js';
import { rowsAnswer, T, type Cell, type Col } from './text-result.js';

interface DescribeQuery {
  template: QueryTemplate;
  columns: Col[];
  rows(r: PgRelation, ctx: CatalogContext): Cell[][];
}

const RELATION_INFO = (reloptions: string): string => `
SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, ${reloptions}, c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, c.relpersistence, c.relreplident, am.amname
FROM pg_catalog.pg_class c
 LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
WHERE c.oid = '{oid}'`;

const RELATION_INFO_COLUMNS = (reloptions: string): Col[] => [
  ['relchecks', T.int2], ['relkind', T.char], ['relhasindex', T.bool], ['relhasrules', T.bool], ['relhastriggers', T.bool],
  ['relrowsecurity', T.bool], ['relforcerowsecurity', T.bool], ['relhasoids', T.bool], ['relispartition', T.bool],
  [reloptions, T.text], ['reltablespace', T.oid], ['reloftype', T.text], ['relpersistence', T.char], ['relreplident', T.char], ['amname', T.name],
];

function relationInfo(r: PgRelation): Cell[][] {
  const table = r.kind === 'r';
  return [[0, r.kind, r.primaryKey.length > 0, false, false, false, false, false, false, '', 0, '', 'p', table ? 'd' : 'n', table ? 'kafka' : null]];
}

const ATTRIBUTES = (extra: string): string => `
SELECT a.attname,
  pg_catalog.format_type(a.atttypid, a.atttypmod),
  (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)
   FROM pg_catalog.pg_attrdef d
   WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),
  a.attnotnull,
  (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t
   WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,
  a.attidentity,
  a.attgenerated${extra}
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = '{oid}' AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum`;

const ATTRIBUTE_COLUMNS: Col[] = [
  ['attname', T.name], ['format_type', T.text], ['pg_get_expr', T.text], ['attnotnull', T.bool],
  ['attcollation', T.name], ['attidentity', T.char], ['attgenerated', T.char],
];

const attributes = (r: PgRelation): Cell[][] => r.columns.map((c) => [c.name, c.type.name, null, c.notNull, null, '', '']);

const QUERIES: DescribeQuery[] = [
  { template: new QueryTemplate(RELATION_INFO("''")), columns: RELATION_INFO_COLUMNS('?column?'), rows: relationInfo },
  {
    template: new QueryTemplate(RELATION_INFO("pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')\n")),
    columns: RELATION_INFO_COLUMNS('array_to_string'), rows: relationInfo,
  },
  { template: new QueryTemplate(ATTRIBUTES('')), columns: ATTRIBUTE_COLUMNS, rows: attributes },
  {
    // \d+ of a table.
    template: new QueryTemplate(ATTRIBUTES(`,
  a.attstorage,
  a.attcompression AS attcompression,
  CASE WHEN a.attstattarget=-1 THEN NULL ELSE a.attstattarget END AS attstattarget,
  pg_catalog.col_description(a.attrelid, a.attnum)`)),
    columns: [...ATTRIBUTE_COLUMNS, ['attstorage', T.char], ['attcompression', T.char], ['attstattarget', T.int4], ['col_description', T.text]],
    rows: (r) => attributes(r).map((row, i) => [...row, r.columns[i].type.storage, '', null, null]),
  },
  {
    // \d+ of a view (a stream).
    template: new QueryTemplate(ATTRIBUTES(`,
  a.attstorage,
  pg_catalog.col_description(a.attrelid, a.attnum)`)),
    columns: [...ATTRIBUTE_COLUMNS, ['attstorage', T.char], ['col_description', T.text]],
    rows: (r) => attributes(r).map((row, i) => [...row, r.columns[i].type.storage, null]),
  },
  {
    template: new QueryTemplate(`
SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
  pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace
FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))
WHERE c.oid = '{oid}' AND c.oid = i.indrelid AND i.indexrelid = c2.oid
ORDER BY i.indisprimary DESC, c2.relname`),
    columns: [
      ['relname', T.name], ['indisprimary', T.bool], ['indisunique', T.bool], ['indisclustered', T.bool], ['indisvalid', T.bool],
      ['pg_get_indexdef', T.text], ['pg_get_constraintdef', T.text], ['contype', T.char], ['condeferrable', T.bool],
      ['condeferred', T.bool], ['indisreplident', T.bool], ['reltablespace', T.oid],
    ],
    // psql prints what follows USING: `"ORDERS_pkey" PRIMARY KEY, kafka (ID)` (the Kafka message key).
    rows: (r) => r.primaryKey.length === 0 ? [] : [[
      `${r.name}_pkey`, true, true, false, true,
      `CREATE UNIQUE INDEX "${r.name}_pkey" ON ${SCHEMA}."${r.name}" USING kafka (${r.primaryKey.join(', ')})`,
      `PRIMARY KEY (${r.primaryKey.join(', ')})`, 'p', false, false, false, 0,
    ]],
  },
  {
    template: new QueryTemplate(`
SELECT pol.polname, pol.polpermissive,
  CASE WHEN pol.polroles = '{0}' THEN NULL ELSE pg_catalog.array_to_string(array(select rolname from pg_catalog.pg_roles where oid = any (pol.polroles) order by 1),',') END,
  pg_catalog.pg_get_expr(pol.polqual, pol.polrelid),
  pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid),
  CASE pol.polcmd
    WHEN 'r' THEN 'SELECT'
    WHEN 'a' THEN 'INSERT'
    WHEN 'w' THEN 'UPDATE'
    WHEN 'd' THEN 'DELETE'
    END AS cmd
FROM pg_catalog.pg_policy pol
WHERE pol.polrelid = '{oid}' ORDER BY 1`),
    columns: [['polname', T.name], ['polpermissive', T.bool], ['array_to_string', T.text], ['pg_get_expr', T.text], ['pg_get_expr', T.text], ['cmd', T.text]],
    rows: () => [],
  },
  {
    template: new QueryTemplate(`
SELECT oid, stxrelid::pg_catalog.regclass, stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname,
pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns,
  'd' = any(stxkind) AS ndist_enabled,
  'f' = any(stxkind) AS deps_enabled,
  'm' = any(stxkind) AS mcv_enabled,
stxstattarget
FROM pg_catalog.pg_statistic_ext
WHERE stxrelid = '{oid}'
ORDER BY nsp, stxname`),
    columns: [
      ['oid', T.oid], ['stxrelid', T.regclass], ['nsp', T.text], ['stxname', T.name], ['columns', T.text],
      ['ndist_enabled', T.bool], ['deps_enabled', T.bool], ['mcv_enabled', T.bool], ['stxstattarget', T.int4],
    ],
    rows: () => [],
  },
  {
    template: new QueryTemplate(`
SELECT pubname
     , NULL
     , NULL
FROM pg_catalog.pg_publication p
     JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid
     JOIN pg_catalog.pg_class pc ON pc.relnamespace = pn.pnnspid
WHERE pc.oid ='{oid}' and pg_catalog.pg_relation_is_publishable('{oid}')
UNION
SELECT pubname
     , pg_get_expr(pr.prqual, c.oid)
     , (CASE WHEN pr.prattrs IS NOT NULL THEN
         (SELECT string_agg(attname, ', ')
           FROM pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s,
                pg_catalog.pg_attribute
          WHERE attrelid = pr.prrelid AND attnum = prattrs[s])
        ELSE NULL END) FROM pg_catalog.pg_publication p
     JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid
     JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
WHERE pr.prrelid = '{oid}'
UNION
SELECT pubname
     , NULL
     , NULL
FROM pg_catalog.pg_publication p
WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable('{oid}')
ORDER BY 1`),
    columns: [['pubname', T.name], ['?column?', T.text], ['?column?', T.text]],
    rows: () => [],
  },
  {
    template: new QueryTemplate(`
SELECT c.oid::pg_catalog.regclass
FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
WHERE c.oid = i.inhparent AND i.inhrelid = '{oid}'
  AND c.relkind != 'p' AND c.relkind != 'I'
ORDER BY inhseqno`),
    columns: [['oid', T.regclass]],
    rows: () => [],
  },
  {
    template: new QueryTemplate(`
SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
WHERE c.oid = i.inhrelid AND i.inhparent = '{oid}'
ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::pg_catalog.regclass::pg_catalog.text`),
    columns: [['oid', T.regclass], ['relkind', T.char], ['inhdetachpending', T.bool], ['pg_get_expr', T.text]],
    rows: () => [],
  },
  {
    // \d+ of a view: psql prints it under "View definition:"; a stream's is the statement that made it.
    template: new QueryTemplate(`SELECT pg_catalog.pg_get_viewdef('{oid}'::pg_catalog.oid, true)`),
    columns: [['pg_get_viewdef', T.text]],
    rows: (r) => [[r.def.sql]],
  },
  {
    template: new QueryTemplate(`
SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true))
FROM pg_catalog.pg_rewrite r
WHERE r.ev_class = '{oid}' AND r.rulename != '_RETURN' ORDER BY 1`),
    columns: [['rulename', T.name], ['rtrim', T.text]],
    rows: () => [],
  },
];

/** The answer to one of \d NAME's per-relation queries; an unknown oid has no rows, as in Postgres. */
export function answerDescribeRelation(normalized: string, ctx: CatalogContext): CatalogAnswer | undefined {
  for (const q of QUERIES) {
    const holes = q.template.match(normalized);
    if (!holes) continue;
    // Every hole of a template is the same oid.
    const r = relationByOid(ctx.engine, Number(holes[0]));
    return rowsAnswer(q.columns, r ? q.rows(r, ctx) : []);
  }
  return undefined;
}
