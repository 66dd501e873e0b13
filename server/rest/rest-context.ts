// What the endpoints of one REST server share: the engine, the commands it ran, and the push
// queries its clients are streaming (so /close-query and shutdown can end them).
import type { Engine } from '../../src/engine/engine.js';
import { CommandStore } from './command-store.js';

/** A push query streaming to a client: close() ends it and its response. */
export interface StreamingQuery { close(): Promise<void> }

export class RestContext {
  readonly commands = new CommandStore();
  readonly streaming = new Map<string, StreamingQuery>();

  constructor(readonly engine: Engine) {}

  /** An engine property (the server's configuration), or its default. */
  property(name: string, fallback: string): string {
    return this.engine.state.properties[name] ?? fallback;
  }

  /** Ends the streaming query with this id (any case), or all of them. */
  async closeStreaming(queryId?: string): Promise<void> {
    for (const [id, q] of this.streaming) {
      if (queryId === undefined || id.toUpperCase() === queryId.toUpperCase()) await q.close().catch(() => undefined);
    }
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.streaming.values()].map((q) => q.close().catch(() => undefined)));
    this.streaming.clear();
  }
}
