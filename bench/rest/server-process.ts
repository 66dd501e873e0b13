// A server under test as a child process: started, found by the URL it prints on stderr,
// measured through /proc (resident memory, CPU seconds), stopped with SIGTERM.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory now, MiB. */
  rssMiB(): number;
  /** User + system CPU seconds used so far. */
  cpuSeconds(): number;
  /** What it wrote to stderr (the last few KB). */
  stderr(): string;
  stop(): Promise<void>;
}

export async function startServerProcess(script: string, args: string[]): Promise<ServerProcess> {
  // e.g. EDDY_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
  const nodeArgs = (process.env.EDDY_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => { err = (err + s).slice(-8192); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no URL on stderr within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onData = (): void => {
      const m = /REST API at (http:\/\/\S+)/.exec(err);
      if (m) { clearTimeout(timer); child.stderr!.off('data', onData); resolve(m[1]); }
    };
    const fail = (e: Error): void => { clearTimeout(timer); child.kill('SIGKILL'); reject(new Error(`${script}: ${e.message}\n${err}`)); };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`exited with ${code} before serving`)));
  });
  const pid = child.pid!;
  return {
    url, pid,
    rssMiB: () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    },
    cpuSeconds: () => {
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
    },
    stderr: () => err,
    stop: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}
