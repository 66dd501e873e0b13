// The commands (CREATE, DROP, TERMINATE, ...) this server ran: their ids and statuses for
// /status, and their sequence numbers for commandSequenceNumber. In memory: a restart, or
// another instance of a durable service, starts its own sequence (see the report of issue 9).

export type CommandState = 'QUEUED' | 'PARSING' | 'EXECUTING' | 'SUCCESS' | 'ERROR' | 'TERMINATED';

export interface CommandStatus { status: CommandState; message: string; queryId: string | null }

export class CommandStore {
  private last = -1;
  private readonly statuses = new Map<string, CommandStatus>();
  private waiters: (() => void)[] = [];

  /** Records a command that ran; its sequence number. */
  record(commandId: string, status: CommandStatus): number {
    this.statuses.delete(commandId); // the latest run of an id goes last
    this.statuses.set(commandId, status);
    this.last++;
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
    return this.last;
  }

  get(commandId: string): CommandStatus | undefined { return this.statuses.get(commandId); }

  all(): Record<string, CommandState> {
    return Object.fromEntries([...this.statuses].map(([id, s]) => [id, s.status]));
  }

  /** Resolves true once command `n` has run, false after `timeoutMs`. */
  async waitFor(n: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.last < n) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
    return true;
  }
}
