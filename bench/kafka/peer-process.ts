// The Kafka Streams peer's JVM (PeerWorker in the shared peers project, built by peer-build.ts),
// started once and kept warm across runs, as a ksqlDB server keeps its queries' JVM. It takes one
// command a line on stdin and answers on stdout (READY, T0, STARTED, RUNNING, ERROR, STOPPED);
// its own logging (stderr) is kept only to explain a failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { guardChild } from './child-guard.js';

const ANSWER_TIMEOUT_MS = 120_000;
const STDERR_LINES_KEPT = 40;

export class PeerProcess {
  private readonly child: ChildProcess;
  private waiter?: { want: string[]; resolve: (line: string) => void; reject: (e: Error) => void };
  private failure?: string;
  private gone?: string;
  private readonly stderrTail: string[] = [];

  private constructor(classpath: string, brokers: string[], stateDir: string) {
    this.child = spawn('java', ['-cp', classpath, 'dev.eddy.peers.PeerWorker', brokers.join(','), stateDir], { stdio: ['pipe', 'pipe', 'pipe'] });
    // Running stream threads keep a JVM alive after its stdin closes: a watchdog kills it if we die.
    guardChild(this.child, true);
    createInterface({ input: this.child.stdout! }).on('line', (line) => this.onLine(line));
    createInterface({ input: this.child.stderr! }).on('line', (line) => {
      this.stderrTail.push(line);
      if (this.stderrTail.length > STDERR_LINES_KEPT) this.stderrTail.shift();
    });
    this.child.once('exit', (code, signal) => {
      this.gone = `the Kafka Streams peer exited (${signal ?? `code ${code}`})`;
      this.waiter?.reject(new Error(`${this.gone}; its last log lines:\n${this.stderrTail.join('\n')}`));
      this.waiter = undefined;
    });
  }

  static async start(classpath: string, brokers: string[], stateDir: string): Promise<PeerProcess> {
    const peer = new PeerProcess(classpath, brokers, stateDir);
    await peer.answer(['READY']);
    return peer;
  }

  get pid(): number {
    if (this.gone || this.child.pid === undefined) throw new Error(this.gone ?? 'the Kafka Streams peer has no pid');
    return this.child.pid;
  }

  /** Starts a run; returns once KafkaStreams.start() has returned. */
  async run(query: 'filter' | 'aggregate', appId: string, input: string, sink: string, threads: number, cacheBytes: number): Promise<void> {
    this.failure = undefined;
    this.send(`run ${query} ${appId} ${input} ${sink} ${threads} ${cacheBytes}`);
    await this.answer(['STARTED']);
  }

  /** Throws an ERROR the peer reported since the run started (or that it is gone). */
  checkHealthy(): void {
    const f = this.failure ?? this.gone;
    if (f) throw new Error(`Kafka Streams peer: ${f}`);
  }

  /** Closes the running app and deletes its local state. */
  async stop(): Promise<void> {
    this.send('stop');
    await this.answer(['STOPPED']);
  }

  async quit(): Promise<void> {
    if (this.gone) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.send('quit');
    const late = setTimeout(() => this.child.kill('SIGKILL'), 70_000); // quit closes a running app (60 s at most)
    await exited;
    clearTimeout(late);
  }

  private send(line: string): void {
    if (this.gone) throw new Error(this.gone);
    this.child.stdin!.write(line + '\n');
  }

  private onLine(line: string): void {
    const word = line.split(' ', 1)[0];
    if (word === 'ERROR') this.failure ??= line.slice(6);
    const w = this.waiter;
    if (!w) return;
    if (w.want.includes(word)) {
      this.waiter = undefined;
      w.resolve(line);
    } else if (word === 'ERROR') {
      this.waiter = undefined;
      w.reject(new Error(`Kafka Streams peer: ${line}`));
    }
  }

  private answer(want: string[]): Promise<string> {
    if (this.gone) return Promise.reject(new Error(this.gone));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`Kafka Streams peer: no ${want.join('/')} within ${ANSWER_TIMEOUT_MS / 1000} s`));
      }, ANSWER_TIMEOUT_MS);
      this.waiter = {
        want,
        resolve: (l) => { clearTimeout(timer); resolve(l); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
    });
  }
}
