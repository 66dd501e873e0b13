// A MemoryLog group's committed offsets for one topic, by partition.
import type { MemoryGroup } from './memory-group.js';

export function memoryCommittedOffsets(group: MemoryGroup | undefined, topic: string): Map<number, number> {
  const out = new Map<number, number>();
  if (!group) return out;
  const prefix = `${topic}/`;
  for (const [key, offset] of group.committed) {
    if (key.startsWith(prefix)) out.set(Number(key.slice(prefix.length)), offset);
  }
  return out;
}
