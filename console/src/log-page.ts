// The Processing log page: the EDDY_PROCESSING_LOG stream from its start, then live, newest
// first: when, which query, the reason (DESERIALIZATION, EVALUATION, ...), the message and where
// the record was (topic, partition, offset).
import { streamQuery, type RunningQuery } from './rest-client.js';
import { el } from './dom.js';
import { ResultsTable } from './results-table.js';

export class LogPage {
  private query: RunningQuery | undefined;

  constructor(private readonly root: HTMLElement) {}

  async show(): Promise<void> {
    await this.leave();
    const status = el('span', { className: 'summary' });
    const rows = el('div', { id: 'log-rows' });
    this.root.replaceChildren(el('h2', { textContent: 'Processing log' }), el('p', {}, status), rows);
    const table = new ResultsTable(rows, status, 500);
    try {
      this.query = await streamQuery(
        'SELECT TIMESTAMPTOSTRING(ROWTIME, \'yyyy-MM-dd HH:mm:ss.SSS\') AS LOGGED_AT, QUERY_ID, `TYPE`, MESSAGE, `TOPIC`, `PARTITION`, `OFFSET` FROM EDDY_PROCESSING_LOG EMIT CHANGES;',
        { 'auto.offset.reset': 'earliest' }, (h) => table.reset(h.columnNames, h.columnTypes), (row) => table.add(row));
    } catch (e) {
      this.root.append(el('pre', { className: 'page-error', textContent: (e as Error).message }));
    }
  }

  async leave(): Promise<void> {
    const q = this.query;
    this.query = undefined;
    await q?.stop();
  }
}
