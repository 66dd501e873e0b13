// An Avro schema as a tree the AVRO format walks: named types resolved, logical types read.
// Built once per schema (at CREATE, or once per writer schema id), never per record.
import { SerdeError } from '../serde.js';

export interface AvroDecimal { precision: number; scale: number }

export interface AvroField { name: string; type: AvroNode; hasDefault: boolean; default?: unknown }

export type AvroNode =
  | { kind: 'null' | 'boolean' | 'float' | 'double' | 'string' }
  | { kind: 'int'; logical?: string }
  | { kind: 'long'; logical?: string }
  | { kind: 'bytes'; decimal?: AvroDecimal }
  | { kind: 'fixed'; name: string; size: number; decimal?: AvroDecimal }
  | { kind: 'enum'; name: string; symbols: string[] }
  | { kind: 'array'; items: AvroNode }
  | { kind: 'map'; values: AvroNode }
  | { kind: 'record'; name: string; fields: AvroField[] }
  | { kind: 'union'; branches: AvroNode[] };

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/** Avro's JSON schema text (or its parsed JSON) as a tree. Throws SerdeError on a malformed schema. */
export function avroNode(schema: unknown): AvroNode {
  const json = typeof schema === 'string' ? parseText(schema) : schema;
  const named = new Map<string, AvroNode>();
  return walk(json, '', named, 0);
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A bare primitive name ("int") is a schema too, though not JSON.
    if (PRIMITIVES.has(text.trim())) return text.trim();
    throw new SerdeError(`not an Avro schema: ${text.slice(0, 80)}`);
  }
}

function fullName(name: string, namespace: string): string {
  return name.includes('.') || !namespace ? name : `${namespace}.${name}`;
}

function walk(s: unknown, ns: string, named: Map<string, AvroNode>, depth: number): AvroNode {
  if (depth > 200) throw new SerdeError('Avro schema nests too deeply');
  if (typeof s === 'string') {
    if (PRIMITIVES.has(s)) return { kind: s } as AvroNode;
    const ref = named.get(fullName(s, ns)) ?? named.get(s);
    if (!ref) throw new SerdeError(`Avro schema refers to an undefined type: ${s}`);
    return ref;
  }
  if (Array.isArray(s)) return { kind: 'union', branches: s.map((b) => walk(b, ns, named, depth + 1)) };
  if (s === null || typeof s !== 'object') throw new SerdeError(`not an Avro schema: ${JSON.stringify(s)}`);
  const o = s as Record<string, unknown>;
  const type = o.type;
  const logical = typeof o.logicalType === 'string' ? o.logicalType : undefined;
  const decimal = logical === 'decimal' ? { precision: Number(o.precision ?? 64), scale: Number(o.scale ?? 0) } : undefined;
  switch (type) {
    case 'int': case 'long': return logical ? { kind: type, logical } : { kind: type };
    case 'bytes': return decimal ? { kind: 'bytes', decimal } : { kind: 'bytes' };
    case 'null': case 'boolean': case 'float': case 'double': case 'string': return { kind: type };
    case 'array': return { kind: 'array', items: walk(o.items, ns, named, depth + 1) };
    case 'map': return { kind: 'map', values: walk(o.values, ns, named, depth + 1) };
    case 'fixed': case 'enum': case 'record': case 'error': {
      const name = String(o.name ?? '');
      const space = typeof o.namespace === 'string' ? o.namespace : name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : ns;
      const full = fullName(name, space);
      if (type === 'fixed') {
        const n: AvroNode = { kind: 'fixed', name: full, size: Number(o.size), ...(decimal ? { decimal } : {}) };
        named.set(full, n);
        return n;
      }
      if (type === 'enum') {
        const n: AvroNode = { kind: 'enum', name: full, symbols: (o.symbols as string[]) ?? [] };
        named.set(full, n);
        return n;
      }
      const rec: AvroNode & { kind: 'record' } = { kind: 'record', name: full, fields: [] };
      named.set(full, rec); // before the fields: a record may refer to itself
      for (const f of (o.fields as Record<string, unknown>[]) ?? []) {
        rec.fields.push({ name: String(f.name), type: walk(f.type, space, named, depth + 1), hasDefault: 'default' in f, default: f.default });
      }
      return rec;
    }
    default:
      // {"type": "int"} and {"type": {...}} wrap a type.
      if (typeof type === 'string' || (type && typeof type === 'object')) return walk(type, ns, named, depth + 1);
      throw new SerdeError(`not an Avro schema: ${JSON.stringify(s).slice(0, 80)}`);
  }
}

/** The one non-null branch of ["null", T] (or T itself); undefined for other unions. */
export function nonNull(n: AvroNode): AvroNode | undefined {
  if (n.kind !== 'union') return n;
  const rest = n.branches.filter((b) => b.kind !== 'null');
  return rest.length === 1 ? rest[0] : undefined;
}

export function isNullable(n: AvroNode): boolean {
  return n.kind === 'null' || (n.kind === 'union' && n.branches.some((b) => b.kind === 'null'));
}
