// The message shapes between the benchmark and its node workers (eddy-worker.ts,
// passthrough-worker.ts), and the worker's side: answer each call, report failures that happen
// between calls (a query gone to ERROR, a crashed consumer) as events.

export interface Call { id: number; cmd: string; args?: unknown }
export type Reply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: string };
export interface Failure { event: 'failure'; message: string }

type Handlers = Record<string, (args: never) => Promise<unknown>>;

/** Serves calls on the IPC channel; exits when the parent goes (its channel closes). */
export function serve(handlers: Handlers): void {
  if (!process.send) throw new Error('a bench worker must be started with an IPC channel (child_process.fork)');
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: Call) => {
    const handler = handlers[m.cmd];
    const answer = handler ? handler(m.args as never) : Promise.reject(new Error(`unknown command ${m.cmd}`));
    answer.then(
      (result) => send({ id: m.id, ok: true, result }),
      (e: Error) => send({ id: m.id, ok: false, error: e.stack ?? String(e) }),
    );
  });
}

export function reportFailure(message: string): void {
  send({ event: 'failure', message } satisfies Failure);
}

function send(m: Reply | Failure): void {
  process.send?.(m);
}
