// Who applies a version when two deploys run at once. Each marks the version RUNNING with its own
// run id, then reads the version's events back: they are in one partition, so every reader sees
// them in one order, and the first RUNNING since the version last failed wins. The loser stops
// (or skips the version if it was already MIGRATED). So no version is applied twice, provided
// the server has written an INSERT before it answers and a pull query reads to the end
// (both hold for Eddy). A deploy killed while RUNNING leaves its version RUNNING: `eddy migrate
// info` shows who and when; nothing retries it (as ksql-migrations).
import type { MigrationEvent } from './migration-state.js';

export type Claim = { won: true } | { won: false; migrated: boolean; owner?: MigrationEvent };

/** Whether `runId`'s RUNNING event is the one that counts among a version's events. */
export function claimOf(events: readonly MigrationEvent[], runId: string): Claim {
  let owner: MigrationEvent | undefined;
  for (const e of events) {
    if (e.state === 'RUNNING') {
      if (!owner) owner = e;
      if (e.runId === runId) return owner === e ? { won: true } : { won: false, migrated: false, owner };
    } else if (owner && e.runId === owner.runId) {
      if (e.state === 'MIGRATED') return { won: false, migrated: true, owner };
      if (e.state === 'ERROR') owner = undefined; // a failed version may be applied again
    }
  }
  return { won: false, migrated: false, owner };
}
