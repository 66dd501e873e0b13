// Which of two deploys applies a version: the first RUNNING event since the version last failed,
// in the events' one order that every reader sees.
import { describe, it, expect } from 'vitest';
import { claimOf } from '../../server/cli/migrate/claim-version.js';
import type { MigrationEvent, MigrationState } from '../../server/cli/migrate/migration-state.js';

const ev = (runId: string, state: MigrationState): MigrationEvent => ({
  version: 'V000001', name: 'a', state, checksum: 'c', startedOn: '', completedOn: '', appliedBy: runId, errorReason: '', runId,
});

describe('claiming a version', () => {
  it('of two deploys marking a version RUNNING, only the first to be written applies it', () => {
    const events = [ev('a', 'RUNNING'), ev('b', 'RUNNING')];
    expect(claimOf(events, 'a')).toEqual({ won: true });
    expect(claimOf(events, 'b')).toMatchObject({ won: false, migrated: false, owner: { runId: 'a' } });
  });

  it('a deploy that comes after the version was applied skips it', () => {
    expect(claimOf([ev('a', 'RUNNING'), ev('a', 'MIGRATED'), ev('b', 'RUNNING')], 'b')).toMatchObject({ won: false, migrated: true });
  });

  it('a version that failed may be applied again by the next deploy', () => {
    const events = [ev('a', 'RUNNING'), ev('a', 'ERROR'), ev('b', 'RUNNING'), ev('c', 'RUNNING')];
    expect(claimOf(events, 'b')).toEqual({ won: true });
    expect(claimOf(events, 'c')).toMatchObject({ won: false, owner: { runId: 'b' } });
  });
});
