// The Models page: the models (SHOW MODELS), and for the one picked, live: its prequential
// metrics over time (whole stream solid, recent window dashed) and rows learned per second, both
// from the EDDY_MODEL_METRICS system stream, drift events as markers on the time axis; its
// definition and hyper-parameters (DESCRIBE MODEL); its features' statistics (FEATURE_STATS).
import { runStatement, streamQuery, type RunningQuery } from './rest-client.js';
import { el, num, tableOf } from './dom.js';
import { TimeChart } from './time-chart.js';

interface RowsEntity { '@type': string; columns: { name: string }[]; rows: unknown[][] }
type Stats = Record<string, { COUNT: number; MEAN: number | null; STDDEV: number | null; MIN: number | null; MAX: number | null }>;

/** Metrics history from the start of the stream, then live. */
const PROPS = { 'auto.offset.reset': 'earliest' };
const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const DESCRIBE_EVERY_MS = 5000;

export class ModelsPage {
  private query: RunningQuery | undefined;
  private charts: TimeChart[] = [];

  constructor(private readonly root: HTMLElement) {}

  async show(name?: string): Promise<void> {
    await this.leave();
    try {
      if (name === undefined) await this.list(); else await this.model(name);
    } catch (e) {
      this.root.replaceChildren(el('pre', { className: 'page-error', textContent: (e as Error).message }));
    }
  }

  /** Stops the page's query and charts (another page is shown). */
  async leave(): Promise<void> {
    const q = this.query;
    this.query = undefined;
    for (const c of this.charts) c.destroy();
    this.charts = [];
    await q?.stop();
  }

  private async list(): Promise<void> {
    const [e] = await runStatement('SHOW MODELS;', PROPS) as RowsEntity[];
    if (e.rows.length === 0) {
      this.root.replaceChildren(el('h2', { textContent: 'Models' }), el('p', { textContent: 'No models yet: CREATE MODEL ... AS SELECT ... TRAIN ONLINE in the SQL page.' }));
      return;
    }
    const table = tableOf(e.columns.map((c) => c.name), e.rows);
    table.id = 'model-list';
    // The name links to the model's page.
    table.tBodies[0].querySelectorAll('tr').forEach((tr, i) => {
      const name = String(e.rows[i][0]);
      tr.cells[0].replaceChildren(el('a', { href: `#models/${encodeURIComponent(name)}`, textContent: name }));
    });
    this.root.replaceChildren(el('h2', { textContent: 'Models' }), table);
  }

  private async model(name: string): Promise<void> {
    const describe = async (): Promise<HTMLTableElement> => {
      const [d] = await runStatement(`DESCRIBE MODEL ${name};`, PROPS) as RowsEntity[];
      return tableOf(d.columns.map((c) => c.name), d.rows, 'rows definition');
    };
    const definition = el('div', { id: 'definition' }, await describe());
    let described = Date.now();
    const summary = el('p', { id: 'model-summary', className: 'summary' });
    const metricsEl = el('div', { id: 'metrics-chart' });
    const rateEl = el('div', { id: 'rate-chart' });
    const features = el('div', { id: 'feature-stats' });
    this.root.replaceChildren(
      el('p', {}, el('a', { href: '#models', textContent: '← Models' })),
      el('h2', { textContent: `Model ${name}` }), summary,
      el('h3', { textContent: 'Prequential metrics (solid: whole stream, dashed: recent window; red lines: drift events)' }), metricsEl,
      el('h3', { textContent: 'Rows learned per second' }), rateEl,
      el('h3', { textContent: 'Features' }), features,
      el('h3', { textContent: 'Definition' }), definition,
    );
    // One chart per metric (their scales differ: a ROC AUC below 1, a mean score in the tens),
    // each with its whole-stream and recent-window series.
    const perMetric = new Map<string, TimeChart>();
    const metricChart = (metric: string): TimeChart => {
      let c = perMetric.get(metric);
      if (!c) {
        const box = el('div', { id: `metric-chart-${metric}`, className: 'metric-chart' });
        metricsEl.append(el('h4', { textContent: metric }), box);
        c = new TimeChart(box, { dashed: (s) => s.endsWith('(recent)'), height: 180 });
        perMetric.set(metric, c);
        this.charts.push(c);
      }
      return c;
    };
    const rate = new TimeChart(rateEl, { height: 160 });
    this.charts = [rate];
    let drifts: number | undefined;
    this.query = await streamQuery(
      `SELECT ROWTIME, ROWS, ROWS_PER_SEC, METRICS, RECENT_METRICS, DRIFTS, FEATURE_STATS FROM EDDY_MODEL_METRICS WHERE MODEL = ${sqlString(name)} EMIT CHANGES;`,
      PROPS, () => undefined, (row) => {
        const [t, rows, perSec, whole, recent, driftCount, stats] = row as [number, number, number, Record<string, number | null>, Record<string, number | null>, number, Stats];
        const drifted = drifts !== undefined && driftCount > drifts;
        for (const [k, v] of Object.entries(whole ?? {})) {
          const c = metricChart(k);
          c.add(t, { [k]: v, [`${k} (recent)`]: recent?.[k] ?? null });
          if (drifted) c.mark(t);
        }
        rate.add(t, { 'rows/s': perSec });
        drifts = driftCount;
        summary.textContent = `${num(rows)} rows learned · ${num(perSec)} rows/s · ${driftCount} drift event${driftCount === 1 ? '' : 's'} · as of ${new Date(t).toLocaleTimeString()}`;
        // DESCRIBE MODEL again now and then: its counts move too.
        if (Date.now() - described > DESCRIBE_EVERY_MS) {
          described = Date.now();
          void describe().then((t) => definition.replaceChildren(t), () => undefined);
        }
        features.replaceChildren(tableOf(['feature', 'count', 'mean', 'stddev', 'min', 'max'],
          Object.entries(stats ?? {}).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
            .map(([f, s]) => [f, num(s.COUNT), num(s.MEAN), num(s.STDDEV), num(s.MIN), num(s.MAX)])));
      });
    void this.query.done.catch((e: Error) => { summary.textContent = `The metrics query stopped: ${e.message}`; });
  }
}
