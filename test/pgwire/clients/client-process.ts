// Runs a client program (Python, Java, Go) as a child process for the Postgres-wire client tests:
// installs it with the project's own script, then talks to it in JSON lines (stdout) and commands (stdin).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs scripts/pg-clients/<name>.sh (installs from the registries on a new machine) and returns the
 * last line it prints. Fails with the script's own message, so an unreachable registry reads clearly.
 */
export function installClient(name: 'python' | 'java' | 'go', timeoutMs = 280_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [`${root}scripts/pg-clients/${name}.sh`], { timeout: timeoutMs, cwd: root }, (err, stdout, stderr) => {
      if (err) {
        const why = err.killed ? `timed out after ${timeoutMs / 1000} s` : `exit code ${String(err.code)}`;
        reject(new Error(`scripts/pg-clients/${name}.sh failed (${why}); the ${name} client tests cannot run:\n${stderr}`));
      } else {
        resolve(stdout.trim().split('\n').pop() ?? '');
      }
    });
  });
}

export type ClientLine = Record<string, unknown> & { event: string };

/** A client program: its JSON lines in order, a way to send it commands, and its exit. */
export class ClientProcess {
  private static readonly running = new Set<ClientProcess>();

  /** Kills the programs still running (after a failed test), so the next test starts clean. */
  static async killAll(): Promise<void> {
    const left = [...ClientProcess.running];
    for (const p of left) p.kill();
    await Promise.all(left.map((p) => p.exited));
  }

  private readonly lines: ClientLine[] = [];
  private waiter: (() => void) | undefined;
  private readonly child: ChildProcess;
  private stderr = '';
  readonly exited: Promise<number | null>;

  constructor(command: string, args: string[], private readonly limitMs = 30_000) {
    this.child = spawn(command, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    ClientProcess.running.add(this);
    // Every wait has a limit: a client stuck on a server that never answers is killed.
    const killer = setTimeout(() => this.child.kill('SIGKILL'), limitMs);
    this.exited = new Promise((resolve) => this.child.on('close', (code) => {
      clearTimeout(killer);
      ClientProcess.running.delete(this);
      this.wake();
      resolve(code);
    }));
    this.child.on('error', (e) => { this.stderr += `cannot start ${command}: ${e.message}\n`; });
    this.child.stdin!.on('error', () => undefined); // the program may have exited already
    this.child.stderr!.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    createInterface({ input: this.child.stdout! }).on('line', (text) => {
      try { this.lines.push(JSON.parse(text) as ClientLine); } catch { this.lines.push({ event: 'non-json', text }); }
      this.wake();
    });
  }

  private wake(): void { const w = this.waiter; this.waiter = undefined; w?.(); }

  /** Sends one command line to the program's stdin. */
  send(command: string): void { this.child.stdin!.write(`${command}\n`); }

  /** Waits for the next line with this event (skipping none: lines come in order), or fails after `ms`. */
  async next(event: string, ms = 15_000): Promise<ClientLine> {
    const deadline = Date.now() + ms;
    for (;;) {
      const line = this.lines.shift();
      if (line) {
        if (line.event === event) return line;
        throw new Error(`expected "${event}" from the client, got ${JSON.stringify(line)}\nstderr: ${this.stderr}`);
      }
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`the client exited (${this.child.exitCode ?? this.child.signalCode}) before "${event}"\nstderr: ${this.stderr}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${event}" from the client within ${ms} ms\nstderr: ${this.stderr}`);
      await new Promise<void>((resolve) => { const t = setTimeout(resolve, left); this.waiter = () => { clearTimeout(t); resolve(); }; });
    }
  }

  /** Waits for the program to end and checks it ended well; all its lines must have been read. */
  async finish(): Promise<void> {
    const code = await this.exited;
    if (this.lines.length > 0) throw new Error(`unread lines from the client: ${JSON.stringify(this.lines)}`);
    if (code !== 0) throw new Error(`the client exited with ${String(code)}\nstderr: ${this.stderr}`);
  }

  kill(): void { this.child.kill('SIGKILL'); }
}
