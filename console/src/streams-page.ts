// The Streams and tables page: every stream and table (SHOW STREAMS, SHOW TABLES); for the one
// picked, its columns, formats, topic, partitions and the queries writing and reading it
// (DESCRIBE ... EXTENDED), its first records as PRINT shows them, and its new records live.
import { runStatement, streamQuery, type RunningQuery } from './rest-client.js';
import { el, tableOf } from './dom.js';
import { ResultsTable } from './results-table.js';

const PRINT_WAIT_MS = 2000;
const SAMPLE = 10;

interface Listed { name: string; topic: string; keyFormat: string; valueFormat: string; isWindowed: boolean; type: string }
interface Description {
  name: string; type: string; topic: string; keyFormat: string; valueFormat: string; partitions: number; replication: number;
  windowType: string | null; statement: string;
  fields: { name: string; schema: { type: string }; type?: string }[];
  readQueries: { id: string }[]; writeQueries: { id: string }[];
}

export class StreamsPage {
  private query: RunningQuery | undefined;
  private print: AbortController | undefined;

  constructor(private readonly root: HTMLElement) {}

  async leave(): Promise<void> {
    this.print?.abort();
    this.print = undefined;
    const q = this.query;
    this.query = undefined;
    await q?.stop();
  }

  async show(name?: string): Promise<void> {
    await this.leave();
    try {
      if (name === undefined) await this.list(); else await this.source(name);
    } catch (e) {
      this.root.replaceChildren(el('pre', { className: 'page-error', textContent: (e as Error).message }));
    }
  }

  private async list(): Promise<void> {
    const [s] = await runStatement('SHOW STREAMS;', {}) as { streams: Listed[] }[];
    const [t] = await runStatement('SHOW TABLES;', {}) as { tables: Listed[] }[];
    const all = [...s.streams, ...t.tables].sort((a, b) => a.name.localeCompare(b.name));
    const table = tableOf(['name', 'type', 'topic', 'key format', 'value format', 'windowed'],
      all.map((x) => [x.name, x.type, x.topic, x.keyFormat, x.valueFormat, x.isWindowed ? 'yes' : 'no']));
    table.id = 'source-list';
    table.tBodies[0].querySelectorAll('tr').forEach((tr, i) => {
      tr.cells[0].replaceChildren(el('a', { href: `#streams/${encodeURIComponent(all[i].name)}`, textContent: all[i].name }));
    });
    this.root.replaceChildren(el('h2', { textContent: 'Streams and tables' }), table);
  }

  private async source(name: string): Promise<void> {
    const [d] = await runStatement(`DESCRIBE ${name} EXTENDED;`, {}) as { sourceDescription: Description }[];
    const s = d.sourceDescription;
    const facts: [string, string][] = [
      ['Type', s.type + (s.windowType ? ` (windowed: ${s.windowType})` : '')],
      ['Topic', `${s.topic} (${s.partitions} partition${s.partitions === 1 ? '' : 's'}, replication ${s.replication})`],
      ['Formats', `key ${s.keyFormat}, value ${s.valueFormat}`],
      ['Written by', s.writeQueries.map((q) => q.id).join(', ') || '-'],
      ['Read by', s.readQueries.map((q) => q.id).join(', ') || '-'],
      ['Statement', s.statement],
    ];
    const first = el('div', { id: 'source-first' }, el('p', { className: 'summary', textContent: 'reading…' }));
    const liveStatus = el('span', { className: 'summary' });
    const live = el('div', { id: 'source-live' });
    this.root.replaceChildren(
      el('p', {}, el('a', { href: '#streams', textContent: '← Streams and tables' })),
      el('h2', { textContent: `${s.type === 'TABLE' ? 'Table' : 'Stream'} ${s.name}` }),
      tableOf(['Property', 'Value'], facts, 'rows source-facts'),
      el('h3', { textContent: 'Columns' }),
      tableOf(['column', 'type', ''], s.fields.map((f) => [f.name, f.schema.type, f.type === 'KEY' ? 'KEY' : f.type === 'PRIMARY_KEY' ? 'PRIMARY KEY' : '']), 'rows source-columns'),
      el('h3', { textContent: `First records of the topic (PRINT '${s.topic}' FROM BEGINNING LIMIT ${SAMPLE})` }), first,
      el('h3', {}, 'New records, as they arrive ', liveStatus), live,
    );
    void this.printFirst(s.topic, first);
    const table = new ResultsTable(live, liveStatus, 20);
    this.query = await streamQuery(`SELECT * FROM ${name} EMIT CHANGES;`, { 'auto.offset.reset': 'latest' },
      (h) => table.reset(h.columnNames, h.columnTypes), (row) => table.add(row));
  }

  /** PRINT's lines for the first records; a topic with fewer than SAMPLE shows what it has. */
  private async printFirst(topic: string, into: HTMLElement): Promise<void> {
    const abort = new AbortController();
    this.print = abort;
    const lines: string[] = [];
    const timer = window.setTimeout(() => abort.abort(), PRINT_WAIT_MS);
    try {
      const res = await fetch('/query', {
        method: 'POST', signal: abort.signal,
        headers: { 'content-type': 'application/vnd.ksql.v1+json', accept: 'application/vnd.ksql.v1+json' },
        body: JSON.stringify({ ksql: `PRINT '${topic.replace(/'/g, "''")}' FROM BEGINNING LIMIT ${SAMPLE};`, streamsProperties: {} }),
      });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
        // Rows are {"row":{"columns":["rowtime: ..., key: ..., value: ..."]}}, one per line.
        for (const m of text.matchAll(/\{"row":\{"columns":\[("(?:[^"\\]|\\.)*")\]\}\}/g)) lines.push(JSON.parse(m[1]) as string);
        text = text.slice(text.lastIndexOf('\n') + 1);
        into.replaceChildren(el('pre', { className: 'print', textContent: lines.join('\n') }));
      }
    } catch {
      // Stopped waiting: the topic has fewer records.
    } finally {
      clearTimeout(timer);
    }
    into.replaceChildren(el('pre', { className: 'print', textContent: lines.length > 0 ? lines.join('\n') : '(no records)' }));
  }
}
