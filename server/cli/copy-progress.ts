// On a terminal, a COPY of a large file shows how far it got (rows, rows/s) on one stderr line,
// rewritten in place and erased when the COPY ends. Off a terminal nothing is printed.
import type { Engine } from '../../src/engine/engine.js';
import { onCopyProgress, type CopyProgress } from '../../src/engine/execute-copy.js';

export function copyProgressLine(p: CopyProgress): string {
  const rate = p.elapsedMs > 0 ? Math.round((p.rows * 1000) / p.elapsedMs) : 0;
  return `COPY: ${p.rows} rows (${rate} rows/s)${p.bad ? `, ${p.bad} bad` : ''}`;
}

export function showCopyProgress(engine: Engine, stream: NodeJS.WriteStream = process.stderr): void {
  if (!stream.isTTY) return;
  let shown = false;
  onCopyProgress(engine.state, (p) => {
    if (p.done) { if (shown) stream.write('\r\x1b[K'); shown = false; return; }
    stream.write('\r\x1b[K' + copyProgressLine(p));
    shown = true;
  });
}
