// --profile DIR: a V8 CPU profile of each timed stage (node:inspector in this process), written
// as DIR/<stage>.cpuprofile, so a profile shows one stage and not the data generation around it.
// Summarize with: node dist/bench-pgwire/bench/pgwire/profile-summary.js DIR/<stage>.cpuprofile
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class StageProfiler {
  private session: Session | undefined;

  constructor(private readonly dir: string | undefined) {}

  async start(): Promise<void> {
    if (!this.dir) return;
    mkdirSync(this.dir, { recursive: true });
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.start');
  }

  /** Writes the profile since start() as `name`, and starts the next one. */
  async lap(name: string): Promise<void> {
    if (!this.session) return;
    const { profile } = await this.session.post('Profiler.stop');
    writeFileSync(join(this.dir!, `${name}.cpuprofile`), JSON.stringify(profile));
    await this.session.post('Profiler.start');
  }

  async stop(): Promise<void> {
    if (!this.session) return;
    await this.session.post('Profiler.stop');
    this.session.disconnect();
    this.session = undefined;
  }
}
