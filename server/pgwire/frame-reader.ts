// Cuts the client's byte stream into messages. The first messages of a connection (startup,
// SSLRequest, GSSENCRequest, CancelRequest) have no type byte; every later one has.
export interface StartupFrame { kind: 'startup'; body: Buffer }
export interface TypedFrame { kind: 'typed'; code: string; body: Buffer }
export type Frame = StartupFrame | TypedFrame;

/** Largest message accepted: a bigger length is a broken or hostile client. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);
  /** True until the startup message proper has been read. */
  startupPhase = true;

  /** Bytes received but not yet a whole frame. */
  get pendingBytes(): number { return this.pending.length; }

  /** Adds bytes; returns every complete frame they finish. Throws on an impossible length. */
  push(chunk: Buffer): Frame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Frame[] = [];
    let at = 0;
    for (;;) {
      const header = this.startupPhase ? 4 : 5;
      if (this.pending.length - at < header) break;
      const len = this.pending.readInt32BE(at + header - 4);
      if (len < 4 || len > MAX_MESSAGE_BYTES) throw new Error(`invalid message length ${len}`);
      const total = header - 4 + len;
      if (this.pending.length - at < total) break;
      const body = this.pending.subarray(at + header, at + total);
      frames.push(this.startupPhase ? { kind: 'startup', body } : { kind: 'typed', code: String.fromCharCode(this.pending[at]), body });
      at += total;
      // The caller switches phases after a startup message; frames after it are typed.
      if (this.startupPhase && body.length >= 4 && body.readInt32BE(0) >>> 16 === 3) this.startupPhase = false;
    }
    this.pending = this.pending.subarray(at);
    return frames;
  }
}
