// One timed run of one phase, the same for every contender: untimed setup, then the clock and the
// worker process's CPU counter read, the work started, the broker polled until the work is done,
// both read again, and an untimed tear-down. CPU is utime + stime of the contender's process from
// /proc (and, for the JVM, of its stream threads alone as a second figure).
import { processCpuSeconds, threadCpuSeconds } from './proc-cpu.js';
import { waitUntil } from './kafka-client.js';

export interface Work {
  /** The process doing the work (a worker kept warm across runs). */
  pid: number;
  /** Threads of `pid` whose CPU is also reported alone (a thread-name prefix). */
  threadPrefix?: string;
  /** Untimed setup. */
  prepare(): Promise<void>;
  /** Starts the work (timed from the call). */
  start(): Promise<void>;
  /** True once the work's output is all there; throws when the work has failed. */
  done(): Promise<boolean>;
  /** What the work has done so far, for a timeout's message. */
  progress(): Promise<string>;
  /** Untimed tear-down; called once, whatever happened. */
  stop(): Promise<void>;
  /** Figures read after the tear-down of a run that finished (records produced, processing-log entries). */
  outcome?(): Promise<Record<string, number>>;
}

export interface Timing { seconds: number; cpuSeconds: number; threadCpuSeconds?: number; extra: Record<string, number> }

export async function timedRun(what: string, work: Work, timeoutMs: number): Promise<Timing> {
  try {
    await work.prepare();
    const cpu0 = processCpuSeconds(work.pid);
    const thread0 = work.threadPrefix ? threadCpuSeconds(work.pid, work.threadPrefix) : 0;
    const t0 = performance.now();
    await work.start();
    const seconds = await waitUntil(what, t0, timeoutMs, () => work.done(), () => work.progress());
    const cpuSeconds = processCpuSeconds(work.pid) - cpu0;
    const threadCpu = work.threadPrefix ? threadCpuSeconds(work.pid, work.threadPrefix) - thread0 : undefined;
    await work.stop();
    return { seconds, cpuSeconds, threadCpuSeconds: threadCpu, extra: (await work.outcome?.()) ?? {} };
  } catch (e) {
    // The run's own failure is the one to report, not a tear-down's that follows from it.
    await work.stop().catch(() => {});
    throw e;
  }
}
