// The Anomalies page: a stream, one of its numeric columns (a score: ANOMALY_SCORE's output, say)
// and a threshold; a time chart of the score with the threshold line and the points above it
// marked, and the latest alerts (rows above the threshold), newest first. The choice is in the
// URL (#anomalies/STREAM/COLUMN/THRESHOLD), so a view can be linked to.
import { runStatement, streamQuery, type RunningQuery } from './rest-client.js';
import { el, num } from './dom.js';
import { ResultsTable } from './results-table.js';
import { TimeChart } from './time-chart.js';

const NUMERIC = new Set(['DOUBLE', 'INTEGER', 'BIGINT', 'DECIMAL']);
const PROPS = { 'auto.offset.reset': 'earliest' };

interface Field { name: string; schema: { type: string } }

export class AnomaliesPage {
  private query: RunningQuery | undefined;
  private chart: TimeChart | undefined;

  constructor(private readonly root: HTMLElement) {}

  async leave(): Promise<void> {
    const q = this.query;
    this.query = undefined;
    this.chart?.destroy();
    this.chart = undefined;
    await q?.stop();
  }

  /** `args`: stream, column and threshold from the URL, when chosen. */
  async show(args: string[]): Promise<void> {
    await this.leave();
    const [stream, column, thresholdText] = args.map(decodeURIComponent);
    try {
      const [s] = await runStatement('SHOW STREAMS;', PROPS) as { streams: { name: string }[] }[];
      const names = s.streams.map((x) => x.name).filter((n) => !n.startsWith('EDDY_'));
      const streamPick = el('select', { id: 'anomaly-stream' }, el('option', { value: '', textContent: 'stream…' }),
        ...names.map((n) => el('option', { value: n, textContent: n, selected: n === stream })));
      const columnPick = el('select', { id: 'anomaly-column' });
      const threshold = el('input', { id: 'anomaly-threshold', type: 'number', step: 'any', value: thresholdText ?? '', placeholder: 'threshold' });
      const watch = el('button', { id: 'anomaly-watch', textContent: 'Watch' });
      const fillColumns = async (name: string): Promise<void> => {
        columnPick.replaceChildren();
        if (!name) return;
        const [d] = await runStatement(`DESCRIBE ${name};`, PROPS) as { sourceDescription: { fields: Field[] } }[];
        for (const f of d.sourceDescription.fields.filter((x) => NUMERIC.has(x.schema.type))) {
          columnPick.append(el('option', { value: f.name, textContent: f.name, selected: f.name === column }));
        }
      };
      streamPick.onchange = () => void fillColumns(streamPick.value);
      watch.onclick = () => {
        if (!streamPick.value || !columnPick.value || threshold.value === '') return;
        location.hash = `#anomalies/${[streamPick.value, columnPick.value, threshold.value].map(encodeURIComponent).join('/')}`;
      };
      await fillColumns(stream ?? '');
      const controls = el('p', { className: 'controls' }, streamPick, columnPick, threshold, watch);
      this.root.replaceChildren(el('h2', { textContent: 'Anomalies' }), controls);
      if (stream && column && thresholdText !== undefined && thresholdText !== '') await this.watch(stream, column, Number(thresholdText));
    } catch (e) {
      this.root.append(el('pre', { className: 'page-error', textContent: (e as Error).message }));
    }
  }

  private async watch(stream: string, column: string, threshold: number): Promise<void> {
    const summary = el('p', { id: 'anomaly-summary', className: 'summary' });
    const chartEl = el('div', { id: 'anomaly-chart' });
    const alertsStatus = el('span');
    const alertsEl = el('div', { id: 'anomaly-alerts' });
    this.root.append(summary, chartEl, el('h3', {}, 'Latest alerts (', `${column} > ${threshold}`, ') ', alertsStatus), alertsEl);
    const chart = new TimeChart(chartEl, { threshold, keep: 5000, height: 260 });
    this.chart = chart;
    const alerts = new ResultsTable(alertsEl, alertsStatus, 50);
    let at = -1;
    let score = -1;
    let seen = 0;
    let above = 0;
    this.query = await streamQuery(`SELECT ROWTIME AS EDDY_ROWTIME, * FROM ${stream} EMIT CHANGES;`, PROPS, (h) => {
      at = h.columnNames.indexOf('EDDY_ROWTIME');
      score = h.columnNames.indexOf(column);
      alerts.reset(h.columnNames.slice(1), h.columnTypes.slice(1));
    }, (row) => {
      const v = row[score];
      const t = row[at] as number;
      seen++;
      chart.add(t, { [column]: typeof v === 'number' ? v : null });
      if (typeof v === 'number' && v > threshold) {
        above++;
        alerts.add(row.slice(1));
      }
      if (seen % 100 === 1 || above === 1) summary.textContent = `${num(seen)} rows, ${num(above)} above ${threshold}`;
    });
    // The summary of the last rows of a burst.
    const tick = window.setInterval(() => { summary.textContent = `${num(seen)} rows, ${num(above)} above ${threshold}`; }, 500);
    void this.query.done.finally(() => clearInterval(tick));
  }
}
