// EXPLAIN: the physical plan as an indented tree, one step per line.
import type { Step } from '../plan/physical-plan.js';
import { formatExpression } from '../../grammar/index.js';
import { formatSchema } from '../types/schema.js';

export function explainPlan(root: Step): string[] {
  const lines: string[] = [];
  const walk = (s: Step, depth: number): void => {
    const pad = '  '.repeat(depth) + '> ';
    const schema = ` | schema: ${formatSchema(s.schema)}`;
    switch (s.kind) {
      case 'source':
        lines.push(`${pad}[ SOURCE ] ${s.sourceName} (topic ${s.topic}, ${s.output}, key ${s.keyFormat.format}, value ${s.valueFormat.format})${schema}`);
        return;
      case 'filter': lines.push(`${pad}[ FILTER ] ${formatExpression(s.predicate)}${schema}`); return walk(s.input, depth + 1);
      case 'project':
        lines.push(`${pad}[ ${s.rekey ? 'REKEY' : 'PROJECT'} ] key: ${s.key.map((k) => `${formatExpression(k.expr)} AS ${k.name}`).join(', ') || '(none)'}; value: ${s.value.map((v) => `${formatExpression(v.expr)} AS ${v.name}`).join(', ')}${schema}`);
        return walk(s.input, depth + 1);
      case 'aggregate':
        lines.push(`${pad}[ AGGREGATE${s.windowSpec ? ` ${s.windowSpec.kind}` : ''} ] group by ${s.groupBy.map((g) => formatExpression(g)).join(', ')}; ${s.aggregates.map((a) => `${a.name}(${a.star ? '*' : a.args.map((x) => formatExpression(x)).join(', ')})`).join(', ')}${schema}`);
        return walk(s.input, depth + 1);
      case 'join':
        lines.push(`${pad}[ ${s.joinType} JOIN ] on ${formatExpression(s.leftKey)}${schema}`);
        walk(s.left, depth + 1); walk(s.right, depth + 1);
        return;
      case 'sink':
        lines.push(`${pad}[ SINK ] ${s.sinkName} (topic ${s.topic}, key ${s.keyFormat.format}, value ${s.valueFormat.format})${schema}`);
        return walk(s.input, depth + 1);
    }
  };
  walk(root, 0);
  return lines;
}
