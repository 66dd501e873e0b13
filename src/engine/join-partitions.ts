// ksqlDB refuses a join of sources whose topics have different partition counts (other than on
// a foreign key): its tasks pair partition p of one side with partition p of the other, so a
// key's rows would not meet. Checked for new queries, before anything is created; a stored plan
// that ran already is not refused on replay.
import type { Log } from '../log/log.js';
import type { SourceStep, Step } from '../plan/physical-plan.js';
import { SqlError, type Position } from '../types/sql-error.js';

export async function checkJoinPartitions(log: Log, root: Step, position?: Position): Promise<void> {
  for (const j of joinsOf(root)) {
    if (j.foreignKey) continue;
    const left = leftmostSource(j.left);
    const right = leftmostSource(j.right);
    const [l, r] = await Promise.all([log.describeTopic(left.topic), log.describeTopic(right.topic)]);
    if (!l || !r || l.partitions === r.partitions) continue;
    throw new SqlError('INVALID_STATEMENT', `Can't join \`${left.sourceName}\` with \`${right.sourceName}\` since the number of partitions don't match. `
      + `\`${left.sourceName}\` partitions = ${l.partitions}; \`${right.sourceName}\` partitions = ${r.partitions}. `
      + 'Please repartition either one so that the number of partitions match.', { position });
  }
}

function joinsOf(root: Step): (Step & { kind: 'join' })[] {
  const out: (Step & { kind: 'join' })[] = [];
  const walk = (s: Step): void => {
    if (s.kind === 'source') return;
    if (s.kind === 'join') { out.push(s); walk(s.left); walk(s.right); return; }
    walk(s.input);
  };
  walk(root);
  return out;
}

/** The source whose partitioning a side keeps (a join's: its left side's), as ksqlDB names it. */
function leftmostSource(s: Step): SourceStep {
  while (s.kind !== 'source') s = s.kind === 'join' ? s.left : s.input;
  return s;
}
