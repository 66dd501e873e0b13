// Children of the benchmark (the Eddy and passthrough workers, the Kafka Streams JVM) must not
// outlive it: on a normal exit, on process.exit after Ctrl-C, and — for a child that would not
// notice on its own — even when this process is killed outright.
import { spawn, type ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let hooked = false;

/**
 * Kills `child` when this process exits. With `watchdog`, a detached shell also kills it once
 * this process is gone (a JVM with running stream threads ignores its stdin closing); node
 * workers need none, they exit when their IPC channel closes.
 */
export function guardChild(child: ChildProcess, watchdog = false): void {
  if (!hooked) {
    hooked = true;
    // 'exit' handlers run synchronously, so only a signal can be sent; SIGKILL cannot be ignored.
    process.once('exit', () => { for (const c of live) c.kill('SIGKILL'); });
  }
  live.add(child);
  let dog: ChildProcess | undefined;
  if (watchdog && child.pid) {
    dog = spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -9 ${child.pid} 2>/dev/null`],
      { detached: true, stdio: 'ignore' });
    dog.unref();
  }
  child.once('exit', () => {
    live.delete(child);
    dog?.kill();
  });
}
