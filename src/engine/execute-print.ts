// PRINT topic [FROM BEGINNING] [INTERVAL n] [LIMIT n]: the topic's records as text, ksqlDB style.
import type { Print } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import { STRING } from '../types/sql-type.js';
import { SqlError } from '../types/sql-error.js';
import { describeBytes } from './describe-bytes.js';

export async function executePrint(state: EngineState, s: Print): Promise<StatementResult> {
  const topic = (await state.log.describeTopic(s.topic)) ? s.topic
    : (await state.log.listTopics()).find((t) => t.name.toUpperCase() === s.topic.toUpperCase())?.name;
  if (!topic) throw new SqlError('UNKNOWN_TOPIC', `Could not find topic '${s.topic}', or the KSQL user does not have permissions to list the topic. Topic names are case-sensitive.`, { position: s.span });
  const ends = await state.log.endOffsets(topic);
  const rows: unknown[][] = [];
  const limit = s.limit ?? Infinity;
  const every = s.interval ?? 1;
  let seen = 0;
  if (s.fromBeginning) {
    for (let p = 0; p < ends.length && rows.length < limit; p++) {
      let off = 0;
      while (off < ends[p] && rows.length < limit) {
        const batch = await state.log.read(topic, p, off, 1000);
        if (batch.length === 0) break;
        for (const r of batch) {
          if (seen++ % every !== 0) continue;
          rows.push([`rowtime: ${printTime(r.timestamp)}, key: ${describeBytes(r.key)}, value: ${describeBytes(r.value)}, partition: ${r.partition}`]);
          if (rows.length >= limit) break;
        }
        off = batch[batch.length - 1].offset + 1;
      }
    }
  }
  return { kind: 'rows', statement: s.text, columns: [{ name: 'Record', type: STRING }], rows };
}

/** A record time as PRINT shows it; one no Date can hold (Kafka allows any int64) as its number. */
function printTime(ts: number): string {
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? String(ts) : d.toISOString().replace('T', ' ').replace('Z', ' Z');
}
