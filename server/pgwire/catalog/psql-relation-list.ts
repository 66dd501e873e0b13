// psql's \d, \dt, \dv, \dm, \ds, \dE, \di (with + and S, with or without a name pattern) and the
// first query of \d NAME (the lookup of matching relations): pg_class read with its namespace.
// Streams are views (relkind 'v') that \d labels "stream"; tables are tables.
import type { CatalogScan } from './catalog-scan.js';
import { inList } from './catalog-scan.js';
import { relations, SCHEMA, type PgRelation } from './relations.js';
import { T } from './text-result.js';

const CLASS_AND_NAMESPACE = 'pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace';
const ACCESS_METHOD = ' LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam';
const INDEX_TABLE = ' LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid';

const RELKIND_LABEL = "CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as \"Type\"";

/** What \d+ says about a relation: where its rows live. */
export function describeStorage(r: PgRelation): string {
  return `Kafka topic ${r.def.topic} (${r.def.keyFormat.format} key, ${r.def.valueFormat.format} value)`;
}

export const relationScan: CatalogScan<PgRelation> = {
  from: [CLASS_AND_NAMESPACE, CLASS_AND_NAMESPACE + ACCESS_METHOD, CLASS_AND_NAMESPACE + ACCESS_METHOD + INDEX_TABLE],
  rows: (ctx) => relations(ctx.engine),
  columns: {
    // The listings.
    'n.nspname as "Schema"': { name: 'Schema', oid: T.name, value: () => SCHEMA },
    'c.relname as "Name"': { name: 'Name', oid: T.name, value: (r) => r.name },
    [RELKIND_LABEL]: { name: 'Type', oid: T.text, value: (r) => r.typeLabel },
    'pg_catalog.pg_get_userbyid(c.relowner) as "Owner"': { name: 'Owner', oid: T.name, value: (_, ctx) => ctx.session.user },
    "CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' WHEN 'u' THEN 'unlogged' END as \"Persistence\"":
      { name: 'Persistence', oid: T.text, value: () => 'permanent' },
    'am.amname as "Access method"': { name: 'Access method', oid: T.name, value: () => 'kafka' },
    'pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as "Size"': { name: 'Size', oid: T.text, value: () => null },
    "pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\"": { name: 'Description', oid: T.text, value: describeStorage },
    'c2.relname as "Table"': { name: 'Table', oid: T.name, value: () => null },
    // \d NAME's lookup.
    'c.oid': { name: 'oid', oid: T.oid, value: (r) => r.oid },
    'n.nspname': { name: 'nspname', oid: T.name, value: () => SCHEMA },
    'c.relname': { name: 'relname', oid: T.name, value: (r) => r.name },
  },
  alwaysTrue: [
    "n.nspname <> 'pg_catalog'", "n.nspname !~ '^pg_toast'", "n.nspname <> 'information_schema'",
    'pg_catalog.pg_table_is_visible(c.oid)',
  ],
  patternColumns: { 'c.relname': (r) => r.name, 'n.nspname': () => SCHEMA },
  condition(cond) {
    const kinds = inList(cond, 'c.relkind');
    return kinds && ((r) => kinds.includes(r.kind));
  },
};
