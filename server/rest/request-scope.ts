// A request's own properties and variables: streamsProperties (or properties) and
// sessionVariables from the body, then SET/UNSET/DEFINE/UNDEFINE statements of the request
// itself. As in ksqlDB, they last for the request only and never reach the engine's session.
import type { Statement } from '../../grammar/ast.js';
import { BAD_REQUEST, genericError, RestError } from './errors.js';

export class RequestScope {
  readonly properties: Record<string, string>;
  readonly variables: Map<string, string>;

  constructor(properties: unknown, variables: unknown) {
    this.properties = stringMap(properties, 'streamsProperties');
    this.variables = new Map(Object.entries(stringMap(variables, 'sessionVariables')));
  }

  /** Applies a SET, UNSET, DEFINE or UNDEFINE to this request; false for other statements. */
  apply(s: Statement): boolean {
    switch (s.kind) {
      case 'SetProperty': this.properties[s.name] = s.value; return true;
      case 'UnsetProperty': delete this.properties[s.name]; return true;
      case 'DefineVariable': this.variables.set(s.name, s.value); return true;
      case 'UndefineVariable': this.variables.delete(s.name); return true;
      default: return false;
    }
  }
}

/** A JSON object of names to values, the values as strings (ksqlDB accepts numbers and booleans). */
function stringMap(v: unknown, field: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new RestError(400, genericError(BAD_REQUEST, `${field} must be a JSON object.`));
  }
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = typeof x === 'string' ? x : JSON.stringify(x);
  return out;
}
