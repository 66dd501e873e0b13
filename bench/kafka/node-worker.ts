// The benchmark's side of a node worker: a child process forked once and kept warm across runs,
// so the CPU it uses is the work's alone and readable from /proc/PID/stat.
import { fork, type ChildProcess } from 'node:child_process';
import { guardChild } from './child-guard.js';
import type { Call, Failure, Reply } from './worker-ipc.js';

export class NodeWorker {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private gone?: string;
  /** The last failure the worker reported between calls (cleared by takeFailure). */
  private failure?: string;

  constructor(readonly name: string, script: URL) {
    // EDDY_BENCH_PROFILE_DIR: each worker writes a CPU profile there when it exits.
    const profile = process.env.EDDY_BENCH_PROFILE_DIR;
    const execArgv = profile ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${profile}`] : process.execArgv;
    this.child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
    guardChild(this.child);
    this.child.on('message', (m: Reply | Failure) => {
      if ('event' in m) {
        this.failure ??= m.message;
        return;
      }
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) p?.resolve(m.result);
      else p?.reject(new Error(`${name}: ${m.error}`));
    });
    this.child.once('exit', (code, signal) => {
      this.gone = `${name} exited (${signal ?? `code ${code}`})`;
      for (const p of this.pending.values()) p.reject(new Error(this.gone));
      this.pending.clear();
    });
  }

  get pid(): number {
    if (this.gone || this.child.pid === undefined) throw new Error(this.gone ?? `${this.name} has no pid`);
    return this.child.pid;
  }

  call<T>(cmd: string, args?: unknown): Promise<T> {
    if (this.gone) return Promise.reject(new Error(this.gone));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, args } satisfies Call);
    });
  }

  /** Throws what went wrong in the worker since the last check (or that it is gone). */
  checkHealthy(): void {
    const f = this.failure ?? this.gone;
    this.failure = undefined;
    if (f) throw new Error(`${this.name}: ${f}`);
  }

  async close(): Promise<void> {
    if (this.gone) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.disconnect(); // the worker exits when its channel closes
    const late = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(late);
  }
}
