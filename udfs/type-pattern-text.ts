// A function parameter's type pattern as DESCRIBE FUNCTION (and the REST API's
// describe_function entity) shows it.
import type { AggregatePattern } from './types.js';
import { formatType } from '../src/types/sql-type.js';

export function patternText(p: AggregatePattern): string {
  switch (p.kind) {
    case 'ANY': return 'ANY';
    case 'GENERIC': return p.name;
    case 'ARRAY': return `ARRAY<${patternText(p.item)}>`;
    case 'MAP': return `MAP<${patternText(p.key)}, ${patternText(p.value)}>`;
    case 'ANY_STRUCT': return 'STRUCT';
    case 'LAMBDA': return `LAMBDA(${p.params.map(patternText).join(', ')}) => ${patternText(p.returns)}`;
    case 'DECIMAL': return 'DECIMAL';
    case 'STRUCT': return formatType(p);
    default: return p.kind;
  }
}
