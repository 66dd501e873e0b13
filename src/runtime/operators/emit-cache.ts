// The record cache of a caching table query (ksql.streams.cache.max.bytes.buffering above 0), in
// front of its aggregate as Kafka Streams keeps it in front of the store: an update marks its
// group or window, and only a flush emits each marked one, once, with its latest result, in the
// order of their last updates. The sink then writes what the runner's latestPerKey would have
// kept of one emit per update, without projecting and serializing every superseded update.
export class EmitCache<T> {
  private readonly marked = new Set<T>();

  constructor(private readonly emit: (item: T) => void) {}

  /** `item` changed: it goes out at the next flush, after the others changed before it. */
  mark(item: T): void {
    this.marked.delete(item);
    this.marked.add(item);
  }

  /** Emits every marked item, in the order of their last marks. */
  flush(): void {
    if (this.marked.size === 0) return;
    const items = [...this.marked];
    this.marked.clear();
    for (const item of items) this.emit(item);
  }

  /** Forgets the marks (the runner starts over from its changelogs). */
  clear(): void {
    this.marked.clear();
  }
}
