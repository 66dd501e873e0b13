// Printing statements back to SQL (one line, upper-case keywords, no trailing semicolon).
// The output parses to the same AST, spans and source text aside.
import { formatType } from '../src/types/sql-type.js';
import type {
  Expr, JoinType, Properties, PropertyValue, Query, Relation, SelectItem, Statement, TableElement, WindowSpec, WithinSpec,
} from './ast.js';
import { formatDuration } from './literals.js';
import { formatAt, formatExpression, PREC } from './printer-expressions.js';
import { isPlainName, quoteIdentifier, quoteString } from './quote.js';

export { formatExpression } from './printer-expressions.js';

export function formatStatement(s: Statement): string {
  switch (s.kind) {
    case 'CreateSource': {
      const elements = s.elements.length > 0 ? ` (${s.elements.map(formatElement).join(', ')})` : '';
      return `CREATE ${orReplace(s.orReplace)}${s.readOnly ? 'SOURCE ' : ''}${s.sourceType} ${ifNotExists(s.ifNotExists)}`
        + `${quoteIdentifier(s.name)}${elements}${withProperties(s.properties)}`;
    }
    case 'CreateAsSelect':
      return `CREATE ${orReplace(s.orReplace)}${s.sourceType} ${ifNotExists(s.ifNotExists)}${quoteIdentifier(s.name)}`
        + `${withProperties(s.properties)} AS ${formatQuery(s.query)}`;
    case 'CreateModel':
      return `CREATE ${orReplace(s.orReplace)}MODEL ${ifNotExists(s.ifNotExists)}${quoteIdentifier(s.name)}`
        + `${withProperties(s.properties)}`
        + (s.query ? ` AS ${formatQuery(s.query)} TRAIN ONLINE${s.trainFrom ? ` FROM ${s.trainFrom}` : ''}` : '');
    case 'CreateConnector':
      return `CREATE ${orReplace(s.orReplace)}${s.connectorType} CONNECTOR ${ifNotExists(s.ifNotExists)}${quoteIdentifier(s.name)}`
        + `${withProperties(s.properties)}`;
    case 'DescribeConnector': return `DESCRIBE CONNECTOR ${quoteIdentifier(s.name)}`;
    case 'DropConnector': return `DROP CONNECTOR ${s.ifExists ? 'IF EXISTS ' : ''}${quoteIdentifier(s.name)}`;
    case 'CreateType': return `CREATE TYPE ${ifNotExists(s.ifNotExists)}${quoteIdentifier(s.name)} AS ${formatType(s.type)}`;
    case 'DropType': return `DROP TYPE ${s.ifExists ? 'IF EXISTS ' : ''}${quoteIdentifier(s.name)}`;
    case 'InsertInto': return `INSERT INTO ${quoteIdentifier(s.target)}${withProperties(s.properties)} ${formatQuery(s.query)}`;
    case 'InsertValues': {
      const columns = s.columns ? ` (${s.columns.map(quoteIdentifier).join(', ')})` : '';
      return `INSERT INTO ${quoteIdentifier(s.target)}${columns} VALUES (${s.values.map((v) => formatAt(v, PREC.CONCAT)).join(', ')})`;
    }
    case 'Query': return formatQuery(s.query);
    case 'DropSource':
      return `DROP ${s.sourceType} ${s.ifExists ? 'IF EXISTS ' : ''}${quoteIdentifier(s.name)}${s.deleteTopic ? ' DELETE TOPIC' : ''}`;
    case 'DropModel': return `DROP MODEL ${s.ifExists ? 'IF EXISTS ' : ''}${quoteIdentifier(s.name)}`;
    case 'Terminate': return s.all || s.queryId === undefined ? 'TERMINATE ALL' : `TERMINATE ${quoteIdentifier(s.queryId)}`;
    case 'Show': {
      const extendable = s.what !== 'PROPERTIES' && s.what !== 'FUNCTIONS' && s.what !== 'TYPES' && s.what !== 'VARIABLES';
      const kind = s.connectorType ? `${s.connectorType} ` : '';
      return `SHOW ${s.all ? 'ALL ' : ''}${kind}${s.what}${s.extended && extendable ? ' EXTENDED' : ''}`;
    }
    case 'Describe': return `DESCRIBE ${quoteIdentifier(s.name)}${s.extended ? ' EXTENDED' : ''}`;
    case 'DescribeFunction': return `DESCRIBE FUNCTION ${quoteIdentifier(s.name)}`;
    case 'DescribeModel': return `DESCRIBE MODEL ${quoteIdentifier(s.name)}`;
    case 'Explain': return s.statement ? `EXPLAIN ${formatStatement(s.statement)}` : `EXPLAIN ${quoteIdentifier(s.queryId ?? '')}`;
    case 'Print': {
      const parts = [`PRINT ${quoteString(s.topic)}`];
      if (s.fromBeginning) parts.push('FROM BEGINNING');
      if (s.interval !== undefined) parts.push(`INTERVAL ${s.interval}`);
      if (s.limit !== undefined) parts.push(`LIMIT ${s.limit}`);
      return parts.join(' ');
    }
    case 'SetProperty': return `SET ${quoteString(s.name)} = ${quoteString(s.value)}`;
    case 'UnsetProperty': return `UNSET ${quoteString(s.name)}`;
    case 'DefineVariable': return `DEFINE ${s.name} = ${quoteString(s.value)}`;
    case 'UndefineVariable': return `UNDEFINE ${s.name}`;
    case 'Copy': return `COPY ${quoteIdentifier(s.target)} FROM ${quoteString(s.file)}${withProperties(s.properties)}`;
  }
}

const orReplace = (flag: boolean) => (flag ? 'OR REPLACE ' : '');
const ifNotExists = (flag: boolean) => (flag ? 'IF NOT EXISTS ' : '');

function formatElement(e: TableElement): string {
  const constraint = e.constraint === 'HEADER' ? ` HEADER(${quoteString(e.headerKey ?? '')})` : e.constraint ? ` ${e.constraint}` : '';
  return `${quoteIdentifier(e.name)} ${formatType(e.type)}${constraint}`;
}

function withProperties(props: Properties): string {
  const entries = Object.entries(props);
  if (entries.length === 0) return '';
  return ` WITH (${entries.map(([k, v]) => `${isPlainName(k) ? k : quoteString(k)}=${formatPropertyValue(v)}`).join(', ')})`;
}

function formatPropertyValue(v: PropertyValue): string {
  if (v.value === null) return 'NULL';
  if (typeof v.value === 'string') return quoteString(v.value);
  if (typeof v.value === 'boolean') return v.value ? 'TRUE' : 'FALSE';
  return String(v.value);
}

export function formatQuery(q: Query): string {
  const parts = [`SELECT ${q.select.map(formatSelectItem).join(', ')}`, `FROM ${formatRelation(q.from)}`];
  if (q.window) parts.push(`WINDOW ${formatWindow(q.window)}`);
  if (q.where) parts.push(`WHERE ${formatExpression(q.where)}`);
  if (q.groupBy) parts.push(`GROUP BY ${formatList(q.groupBy)}`);
  if (q.partitionBy) parts.push(`PARTITION BY ${formatList(q.partitionBy)}`);
  if (q.having) parts.push(`HAVING ${formatExpression(q.having)}`);
  if (q.emit) parts.push(`EMIT ${q.emit}`);
  if (q.limit !== undefined) parts.push(`LIMIT ${q.limit}`);
  return parts.join(' ');
}

function formatSelectItem(item: SelectItem): string {
  if (item.kind === 'AllColumns') {
    if (item.structBase) return `${formatAt(item.structBase, PREC.PRIMARY)}->*`;
    return item.qualifier !== undefined ? `${quoteIdentifier(item.qualifier)}.*` : '*';
  }
  const expr = formatAt(item.expr, PREC.OR);
  return item.alias !== undefined ? `${expr} AS ${quoteIdentifier(item.alias)}` : expr;
}

/** GROUP BY / PARTITION BY items are value expressions; an empty list is `()`. */
function formatList(list: Expr[]): string {
  return list.length === 0 ? '()' : list.map((e) => formatAt(e, PREC.CONCAT)).join(', ');
}

const JOIN_WORDS: Record<JoinType, string> = { INNER: 'JOIN', LEFT: 'LEFT JOIN', RIGHT: 'RIGHT JOIN', FULL: 'FULL OUTER JOIN' };

function formatRelation(r: Relation): string {
  if (r.kind === 'SourceRef') return quoteIdentifier(r.name) + (r.alias !== undefined ? ` ${quoteIdentifier(r.alias)}` : '');
  const within = r.within ? ` ${formatWithin(r.within)}` : '';
  return `${formatRelation(r.left)} ${JOIN_WORDS[r.joinType]} ${formatRelation(r.right)}${within} ON ${formatExpression(r.on)}`;
}

function formatWithin(w: WithinSpec): string {
  const size = w.beforeMs === w.afterMs ? formatDuration(w.beforeMs) : `(${formatDuration(w.beforeMs)}, ${formatDuration(w.afterMs)})`;
  return `WITHIN ${size}${w.graceMs !== undefined ? ` GRACE PERIOD ${formatDuration(w.graceMs)}` : ''}`;
}

function formatWindow(w: WindowSpec): string {
  const parts: string[] = [];
  if (w.kind === 'TUMBLING') parts.push(`SIZE ${formatDuration(w.sizeMs)}`);
  if (w.kind === 'HOPPING') parts.push(`SIZE ${formatDuration(w.sizeMs)}`, `ADVANCE BY ${formatDuration(w.advanceMs)}`);
  if (w.kind === 'SESSION') parts.push(formatDuration(w.gapMs));
  if (w.retentionMs !== undefined) parts.push(`RETENTION ${formatDuration(w.retentionMs)}`);
  if (w.graceMs !== undefined) parts.push(`GRACE PERIOD ${formatDuration(w.graceMs)}`);
  return `${w.kind} (${parts.join(', ')})`;
}
