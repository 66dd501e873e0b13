// The typed AST the parser produces. Plain data (JSON-serializable): plans embed expressions
// from it, and the printer turns any node back into SQL. Every node carries its source span.
// Identifiers are already normalized: unquoted names upper-cased, quoted names kept as written.
import type { SqlType } from '../src/types/sql-type.js';
import type { Span } from '../src/types/sql-error.js';

// ---------- expressions ----------

export type Expr =
  | NullLit | BoolLit | NumberLit | StringLit
  | ColumnRef | Dereference | Subscript
  | Unary | Arithmetic | Concat | Comparison | IsDistinctFrom | Logical
  | Between | InList | Like | IsNull | Case | Cast
  | FunctionCall | Lambda | ArrayCtor | MapCtor | StructCtor;

export type ExprKind = Expr['kind'];

interface Node { span: Span }

export interface NullLit extends Node { kind: 'NullLit' }
export interface BoolLit extends Node { kind: 'BoolLit'; value: boolean }
/**
 * A numeric literal as written ("12", "1.50", "1.5E0"). Its type follows ksqlDB: an integer that
 * fits 32 bits is INTEGER, a larger one BIGINT; with a point, DECIMAL(p,s); with an exponent, DOUBLE.
 */
export interface NumberLit extends Node { kind: 'NumberLit'; text: string }
export interface StringLit extends Node { kind: 'StringLit'; value: string }

/** `name` or `qualifier.name` (a source name or alias). */
export interface ColumnRef extends Node { kind: 'ColumnRef'; qualifier?: string; name: string }
/** Struct field access `base->field`. */
export interface Dereference extends Node { kind: 'Dereference'; base: Expr; field: string }
/** `base[index]`: arrays (1-based, negative from the end) and maps. */
export interface Subscript extends Node { kind: 'Subscript'; base: Expr; index: Expr }

export interface Unary extends Node { kind: 'Unary'; op: '-' | '+' | 'NOT'; operand: Expr }
export interface Arithmetic extends Node { kind: 'Arithmetic'; op: '+' | '-' | '*' | '/' | '%'; left: Expr; right: Expr }
/** String concatenation `left || right`. */
export interface Concat extends Node { kind: 'Concat'; left: Expr; right: Expr }
/** `!=` is normalized to `<>`. */
export interface Comparison extends Node { kind: 'Comparison'; op: '=' | '<>' | '<' | '<=' | '>' | '>='; left: Expr; right: Expr }
export interface IsDistinctFrom extends Node { kind: 'IsDistinctFrom'; not: boolean; left: Expr; right: Expr }
export interface Logical extends Node { kind: 'Logical'; op: 'AND' | 'OR'; left: Expr; right: Expr }
export interface Between extends Node { kind: 'Between'; not: boolean; value: Expr; low: Expr; high: Expr }
export interface InList extends Node { kind: 'InList'; not: boolean; value: Expr; list: Expr[] }
export interface Like extends Node { kind: 'Like'; not: boolean; value: Expr; pattern: Expr; escape?: Expr }
export interface IsNull extends Node { kind: 'IsNull'; not: boolean; value: Expr }
/** Searched CASE (no operand) or simple CASE (with operand). */
export interface Case extends Node { kind: 'Case'; operand?: Expr; whens: { when: Expr; then: Expr }[]; else?: Expr }
export interface Cast extends Node { kind: 'Cast'; value: Expr; type: SqlType }
/** `COUNT(*)` has star=true and no args. Names are upper-cased. */
export interface FunctionCall extends Node { kind: 'FunctionCall'; name: string; args: Expr[]; star?: boolean; distinct?: boolean }
/** `x => expr` or `(x, y) => expr`, only as a function argument. */
export interface Lambda extends Node { kind: 'Lambda'; params: string[]; body: Expr }
export interface ArrayCtor extends Node { kind: 'ArrayCtor'; items: Expr[] }
/** MAP(k := v, ...) */
export interface MapCtor extends Node { kind: 'MapCtor'; entries: { key: Expr; value: Expr }[] }
/** STRUCT(name := v, ...) */
export interface StructCtor extends Node { kind: 'StructCtor'; fields: { name: string; value: Expr }[] }

// ---------- queries ----------

export type SelectItem =
  /** `*`, `source.*`, or `base->*` (all fields of the struct `base`, ksqlDB's selectStructAll). */
  | { kind: 'AllColumns'; qualifier?: string; structBase?: Expr; span: Span }
  | { kind: 'SingleColumn'; expr: Expr; alias?: string; span: Span };

export interface SourceRef { kind: 'SourceRef'; name: string; alias?: string; span: Span }

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

/** WITHIN 10 SECONDS, or WITHIN (1 SECOND, 2 SECONDS), with an optional GRACE PERIOD. */
export interface WithinSpec { beforeMs: number; afterMs: number; graceMs?: number; span: Span }

export interface JoinRelation {
  kind: 'Join';
  joinType: JoinType;
  left: Relation;
  right: SourceRef;
  within?: WithinSpec;
  on: Expr;
  span: Span;
}

export type Relation = SourceRef | JoinRelation;

export type WindowSpec =
  | { kind: 'TUMBLING'; sizeMs: number; retentionMs?: number; graceMs?: number; span: Span }
  | { kind: 'HOPPING'; sizeMs: number; advanceMs: number; retentionMs?: number; graceMs?: number; span: Span }
  | { kind: 'SESSION'; gapMs: number; retentionMs?: number; graceMs?: number; span: Span };

export interface Query {
  select: SelectItem[];
  from: Relation;
  window?: WindowSpec;
  where?: Expr;
  groupBy?: Expr[];
  partitionBy?: Expr[];
  having?: Expr;
  /** EMIT CHANGES / EMIT FINAL; absent for a pull query. */
  emit?: 'CHANGES' | 'FINAL';
  limit?: number;
  span: Span;
}

// ---------- statements ----------

/** A WITH property value. Keys of the properties record are upper-cased. */
export interface PropertyValue { value: string | number | boolean | null; span: Span }
export type Properties = Record<string, PropertyValue>;

export interface TableElement {
  name: string;
  type: SqlType;
  /** KEY (streams), PRIMARY KEY (tables), HEADERS, or HEADER('key'). */
  constraint?: 'KEY' | 'PRIMARY KEY' | 'HEADERS' | 'HEADER';
  headerKey?: string;
  span: Span;
}

export type SourceType = 'STREAM' | 'TABLE';

export type Statement =
  | CreateSource | CreateAsSelect | InsertInto | InsertValues | QueryStatement
  | DropSource | Terminate | Show | Describe | DescribeFunction | Explain | Print
  | SetProperty | UnsetProperty | DefineVariable | UndefineVariable | Copy
  | CreateModel | DescribeModel | DropModel
  | CreateConnector | DescribeConnector | DropConnector
  | CreateType | DropType;

export type StatementKind = Statement['kind'];

interface StatementNode {
  span: Span;
  /** The statement's source text as written (without the trailing semicolon). */
  text: string;
}

export interface CreateSource extends StatementNode {
  kind: 'CreateSource';
  sourceType: SourceType;
  name: string;
  orReplace: boolean;
  ifNotExists: boolean;
  /** CREATE SOURCE STREAM|TABLE: read-only source. */
  readOnly: boolean;
  /** Empty when the columns come from a schema registry. */
  elements: TableElement[];
  properties: Properties;
}

export interface CreateAsSelect extends StatementNode {
  kind: 'CreateAsSelect';
  sourceType: SourceType;
  name: string;
  orReplace: boolean;
  ifNotExists: boolean;
  properties: Properties;
  query: Query;
}

export interface InsertInto extends StatementNode {
  kind: 'InsertInto';
  target: string;
  query: Query;
  properties: Properties;
}

export interface InsertValues extends StatementNode {
  kind: 'InsertValues';
  target: string;
  /** Absent: all columns in schema order (key columns first). */
  columns?: string[];
  values: Expr[];
}

export interface QueryStatement extends StatementNode { kind: 'Query'; query: Query }

export interface DropSource extends StatementNode {
  kind: 'DropSource';
  sourceType: SourceType;
  name: string;
  ifExists: boolean;
  deleteTopic: boolean;
}

export interface Terminate extends StatementNode { kind: 'Terminate'; queryId?: string; all: boolean }

export type ShowWhat =
  | 'STREAMS' | 'TABLES' | 'TOPICS' | 'QUERIES' | 'FUNCTIONS' | 'PROPERTIES' | 'VARIABLES' | 'MODELS' | 'TYPES' | 'CONNECTORS';

/** SHOW and LIST are synonyms; ALL TOPICS lists internal topics too. */
export interface Show extends StatementNode {
  kind: 'Show'; what: ShowWhat; extended: boolean; all?: boolean;
  /** SHOW SOURCE|SINK CONNECTORS lists one kind only. */
  connectorType?: ConnectorType;
}

export interface Describe extends StatementNode { kind: 'Describe'; name: string; extended: boolean }
export interface DescribeFunction extends StatementNode { kind: 'DescribeFunction'; name: string }

export interface Explain extends StatementNode { kind: 'Explain'; statement?: Statement; queryId?: string }

export interface Print extends StatementNode {
  kind: 'Print';
  topic: string;
  fromBeginning: boolean;
  limit?: number;
  interval?: number;
}

export interface SetProperty extends StatementNode { kind: 'SetProperty'; name: string; value: string }
export interface UnsetProperty extends StatementNode { kind: 'UnsetProperty'; name: string }
export interface DefineVariable extends StatementNode { kind: 'DefineVariable'; name: string; value: string }
export interface UndefineVariable extends StatementNode { kind: 'UndefineVariable'; name: string }

/** Eddy's own: COPY stream FROM 'file' [WITH (FORMAT='CSV'|'JSON', HEADER=true)]. */
export interface Copy extends StatementNode { kind: 'Copy'; target: string; file: string; properties: Properties }

/** CREATE MODEL name WITH (...) AS SELECT ... TRAIN ONLINE [FROM EARLIEST|LATEST]. */
export interface CreateModel extends StatementNode {
  kind: 'CreateModel';
  name: string;
  orReplace: boolean;
  ifNotExists: boolean;
  properties: Properties;
  /** The rows it learns from; absent for a model trained elsewhere (TYPE='onnx'), which only scores. */
  query?: Query;
  trainFrom?: 'EARLIEST' | 'LATEST';
}
export interface DescribeModel extends StatementNode { kind: 'DescribeModel'; name: string }
export interface DropModel extends StatementNode { kind: 'DropModel'; name: string; ifExists: boolean }

// ---------- connectors (ksqlDB's syntax; Eddy runs its built-in ones itself) ----------

export type ConnectorType = 'SOURCE' | 'SINK';
/** CREATE SOURCE|SINK CONNECTOR [IF NOT EXISTS] name WITH ('connector.class'=..., ...). */
export interface CreateConnector extends StatementNode {
  kind: 'CreateConnector';
  connectorType: ConnectorType;
  name: string;
  orReplace: boolean;
  ifNotExists: boolean;
  /** The WITH list; keys upper-cased like every WITH list ('connector.class' → CONNECTOR.CLASS). */
  properties: Properties;
}
export interface DescribeConnector extends StatementNode { kind: 'DescribeConnector'; name: string }
export interface DropConnector extends StatementNode { kind: 'DropConnector'; name: string; ifExists: boolean }

/** CREATE TYPE [IF NOT EXISTS] name AS type: a name for a type (ksqlDB's custom types). */
export interface CreateType extends StatementNode { kind: 'CreateType'; name: string; type: SqlType; ifNotExists: boolean }
export interface DropType extends StatementNode { kind: 'DropType'; name: string; ifExists: boolean }
