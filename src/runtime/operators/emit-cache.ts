// The record cache of a caching table query (ksql.streams.cache.max.bytes.buffering above 0), in
// front of its aggregate as Kafka Streams keeps it in front of the store: an update marks its
// group or window, and only a flush emits each marked one, once, with its latest result, in the
// order of their last updates. The sink then writes what the runner's latestPerKey would have
// kept of one emit per update, without projecting and serializing every superseded update.
// As Kafka Streams' cache keeps each entry's record context, an item goes out with the headers
// of the record that marked it last.
import type { Header } from '../../log/log.js';
import type { RecordContext } from '../processing-log.js';

export class EmitCache<T> {
  /** Marked items, in the order of their last marks, with that record's headers. */
  private readonly marked = new Map<T, Header[] | undefined>();

  constructor(private readonly emit: (item: T) => void, private readonly current: RecordContext) {}

  /** `item` changed: it goes out at the next flush, after the others changed before it. */
  mark(item: T): void {
    this.marked.delete(item);
    this.marked.set(item, this.current.headers);
  }

  /** Emits every marked item, in the order of their last marks. */
  flush(): void {
    if (this.marked.size === 0) return;
    const items = [...this.marked];
    this.marked.clear();
    const c = this.current;
    const was = c.headers;
    try {
      for (const [item, headers] of items) {
        c.headers = headers;
        this.emit(item);
      }
    } finally {
      c.headers = was;
    }
  }

  /** Forgets the marks (the runner starts over from its changelogs). */
  clear(): void {
    this.marked.clear();
  }
}
