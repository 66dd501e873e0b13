// Catalog queries drivers send on their own, answered as Postgres 15 does for a database
// without user-defined types.
import type { CatalogAnswer } from './postgres-query.js';
import { QueryTemplate } from './query-template.js';
import { rowsAnswer, T } from './text-result.js';

/**
 * postgres.js 3.x at connect: each built-in type with its array type, to parse arrays. Postgres
 * 15's rows for the types below oid 10000 (pg_type where typcategory = 'A', by element).
 */
const POSTGRES_JS_3_ARRAY_TYPES = new QueryTemplate(
  "select b.oid, b.typarray from pg_catalog.pg_type a left join pg_catalog.pg_type b on b.oid = a.typelem where a.typcategory = 'A' group by b.oid, b.typarray order by b.oid");

const ARRAY_TYPES = (
  '16:1000 17:1001 18:1002 19:1003 20:1016 21:1005 22:1006 23:1007 24:1008 25:1009 26:1028 27:1010 28:1011 29:1012 30:1013 ' +
  '71:210 75:270 81:272 83:273 114:199 142:143 600:1017 601:1018 602:1019 603:1020 604:1027 628:629 650:651 700:1021 701:1022 ' +
  '718:719 774:775 790:791 829:1040 869:1041 1033:1034 1042:1014 1043:1015 1082:1182 1083:1183 1114:1115 1184:1185 1186:1187 ' +
  '1248:10052 1266:1270 1560:1561 1562:1563 1700:1231 1790:2201 2202:2207 2203:2208 2204:2209 2205:2210 2206:2211 2275:1263 ' +
  '2842:10057 2843:10058 2950:2951 2970:2949 3220:3221 3614:3643 3615:3645 3642:3644 3734:3735 3769:3770 3802:3807 3904:3905 ' +
  '3906:3907 3908:3909 3910:3911 3912:3913 3926:3927 4066:10093 4072:4073 4089:4090 4096:4097 4191:4192 4451:6150 4532:6151 ' +
  '4533:6152 4534:6153 4535:6155 4536:6157 5038:5039 5069:271 6101:10112'
).split(' ').map((pair) => pair.split(':').map(Number));

/** postgres.js 4.x at connect: domains and user-defined array types; Eddy has neither. */
const POSTGRES_JS_4_TYPES = new QueryTemplate(
  "select oid::int, typelem::int as element, typdelim as delimiter, typbasetype::int as base, typtype as kind from pg_catalog.pg_type where typtype = 'd' or (typcategory = 'A' and oid >= 16384)");

/** psycopg2's HstoreAdapter.get_oids (SQLAlchemy runs it at connect): no hstore type here. */
const PSYCOPG2_HSTORE = new QueryTemplate(`SELECT t.oid, typarray
FROM pg_type t JOIN pg_namespace ns
    ON typnamespace = ns.oid
WHERE typname = 'hstore'`);

export function answerDriverQuery(normalized: string): CatalogAnswer | undefined {
  if (POSTGRES_JS_3_ARRAY_TYPES.match(normalized)) return rowsAnswer([['oid', T.oid], ['typarray', T.oid]], ARRAY_TYPES);
  if (PSYCOPG2_HSTORE.match(normalized)) return rowsAnswer([['oid', T.oid], ['typarray', T.oid]], []);
  if (POSTGRES_JS_4_TYPES.match(normalized)) {
    return rowsAnswer([['oid', T.int4], ['element', T.int4], ['delimiter', T.char], ['base', T.int4], ['kind', T.char]], []);
  }
  return undefined;
}
