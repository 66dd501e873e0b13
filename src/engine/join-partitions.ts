// ksqlDB refuses a join of sources whose topics have different partition counts (other than on
// a foreign key): its tasks pair partition p of one side with partition p of the other, so a
// key's rows would not meet. Checked for new queries, before anything is created; a stored plan
// that ran already is not refused on replay.
import type { Log } from '../log/log.js';
import type { Step } from '../plan/physical-plan.js';
import { leftmostSource } from '../plan/plan-helpers.js';
import { SqlError, type Position } from '../types/sql-error.js';

export async function checkJoinPartitions(log: Log, root: Step, position?: Position): Promise<void> {
  for (const j of joinsOf(root)) {
    if (j.foreignKey) continue;
    const [l, r] = await Promise.all([partitionsOf(log, j.left), partitionsOf(log, j.right)]);
    if (l === undefined || r === undefined || l === r) continue;
    // Named by their leftmost sources' aliases, as ksqlDB names them.
    const left = leftmostSource(j.left).alias;
    const right = leftmostSource(j.right).alias;
    throw new SqlError('INVALID_STATEMENT', `Can't join \`${left}\` with \`${right}\` since the number of partitions don't match. `
      + `\`${left}\` partitions = ${l}; \`${right}\` partitions = ${r}. Please repartition either one so that the number of partitions match.`, { position });
  }
}

/** A side's partition count as ksqlDB takes it: a source's topic's; a join's, its right side's. */
async function partitionsOf(log: Log, s: Step): Promise<number | undefined> {
  while (s.kind !== 'source') s = s.kind === 'join' ? s.right : s.input;
  return (await log.describeTopic(s.topic))?.partitions;
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
