// A live time chart on uPlot: points arrive by series name, at most `keep` kept, redrawn at most
// four times a second; optional vertical markers (drift events) and a horizontal threshold line.
// Points are drawn in time order (rows of several partitions arrive a little out of it). Where
// their times are too close to tell apart (a file loaded with COPY gets one time per batch of
// thousands of rows), the x axis counts rows in arrival order instead (data-axis="row").
// The element's data-points attribute counts the points of the last draw (for tests and people
// wondering whether a chart is empty), data-draws how many draws there were.
import uPlot from 'uplot';

const REDRAW_MS = 250;
/** More points than this per millisecond of their time span: plot them by row, not by time. */
const ROWS_PER_MS = 10;
const COLORS = ['#0b6bcb', '#e07b00', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#6d4c41', '#546e7a'];

export interface ChartOptions {
  /** Dashed series (e.g. the recent window of a metric) by name. */
  dashed?: (name: string) => boolean;
  /** A horizontal line at this value, and points above it marked. */
  threshold?: number;
  keep?: number;
  height?: number;
}

export class TimeChart {
  private plot: uPlot | undefined;
  private names: string[] = [];
  private xs: number[] = [];
  private ys: (number | null)[][] = [];
  private markers: number[] = [];
  /** Points dropped from the front (so row numbers count from the first point added). */
  private dropped = 0;
  private timer: number | undefined;
  private shape = '';

  constructor(private readonly el: HTMLElement, private readonly opts: ChartOptions = {}) {
    el.classList.add('chart');
    el.dataset.points = '0';
    el.dataset.draws = '0';
  }

  /** A point at time `t` (epoch ms) for each named series (null: no value then). */
  add(t: number, values: Record<string, number | null>): void {
    for (const name of Object.keys(values)) {
      if (!this.names.includes(name)) {
        this.names.push(name);
        this.ys.push(this.xs.map(() => null));
      }
    }
    this.xs.push(t / 1000);
    this.names.forEach((name, i) => {
      const v = values[name];
      this.ys[i].push(typeof v === 'number' && Number.isFinite(v) ? v : null);
    });
    const keep = this.opts.keep ?? 2000;
    if (this.xs.length > keep * 2) {
      this.dropped += this.xs.length - keep;
      this.xs = this.xs.slice(-keep);
      this.ys = this.ys.map((s) => s.slice(-keep));
    }
    this.schedule();
  }

  /** A vertical marker at time `t` (epoch ms). */
  mark(t: number): void {
    this.markers.push(t / 1000);
    this.schedule();
  }

  setThreshold(v: number | undefined): void {
    this.opts.threshold = v;
    this.shape = ''; // rebuild: the threshold is part of the series
    this.schedule();
  }

  clear(): void {
    this.names = [];
    this.xs = [];
    this.ys = [];
    this.markers = [];
    this.dropped = 0;
    this.plot?.destroy();
    this.plot = undefined;
    this.shape = '';
    this.el.dataset.points = '0';
  }

  destroy(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.plot?.destroy();
    this.plot = undefined;
  }

  private schedule(): void {
    this.timer ??= window.setTimeout(() => { this.timer = undefined; this.draw(); }, REDRAW_MS);
  }

  private draw(): void {
    const keep = this.opts.keep ?? 2000;
    let xs = this.xs.slice(-keep);
    let ys = this.ys.map((s) => s.slice(-keep));
    const first = this.dropped + this.xs.length - xs.length; // the first drawn point's row
    const byRow = xs.length > 1 && spanOf(xs) * 1000 * ROWS_PER_MS < xs.length;
    if (byRow) xs = xs.map((_, i) => first + i + 1);
    else if (!ascending(xs)) ({ xs, ys } = sortedByTime(xs, ys));
    const data: uPlot.AlignedData = [xs, ...ys];
    const threshold = this.opts.threshold;
    if (threshold !== undefined) (data as (number | null)[][]).push(xs.map(() => threshold));
    const shape = `${this.names.join('\u0000')}|${threshold}|${byRow}`;
    const width = Math.max(300, this.el.clientWidth || 600);
    this.el.dataset.axis = byRow ? 'row' : 'time';
    if (!this.plot || shape !== this.shape) {
      this.plot?.destroy();
      this.shape = shape;
      this.plot = new uPlot(this.options(width, byRow), data, this.el);
    } else {
      this.plot.setData(data);
    }
  }

  private options(width: number, byRow: boolean): uPlot.Options {
    const series: uPlot.Series[] = [{}];
    this.names.forEach((name, i) => {
      const stroke = COLORS[i % COLORS.length];
      series.push({ label: name, stroke, width: 2, dash: this.opts.dashed?.(name) ? [6, 4] : undefined, spanGaps: true, points: { show: false } });
    });
    if (this.opts.threshold !== undefined) series.push({ label: 'threshold', stroke: '#c62828', width: 1, dash: [3, 3], points: { show: false } });
    return {
      width,
      height: this.opts.height ?? 220,
      series,
      scales: { x: { time: !byRow } },
      axes: [byRow ? { label: 'row (their times are too close together to plot by time)' } : {}, { size: 70 }], // room for "30,000" on the y axis
      hooks: {
        draw: [(u: uPlot) => {
          if (!byRow) this.drawMarkers(u); // markers are times
          this.drawAbove(u);
          let points = 0;
          for (let s = 1; s <= this.names.length; s++) for (const v of u.data[s]) if (v !== null && v !== undefined) points++;
          this.el.dataset.points = String(points);
          this.el.dataset.draws = String(Number(this.el.dataset.draws) + 1);
        }],
      },
    };
  }

  /** Drift events: a vertical line each, across the plot. */
  private drawMarkers(u: uPlot): void {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.strokeStyle = '#c62828';
    ctx.lineWidth = 2;
    ctx.setLineDash([4, 4]);
    for (const t of this.markers) {
      const x = u.valToPos(t, 'x', true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
    }
    ctx.restore();
  }

  /** Points of the first series above the threshold: a red dot each. */
  private drawAbove(u: uPlot): void {
    const th = this.opts.threshold;
    if (th === undefined || this.names.length === 0) return;
    const ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = '#c62828';
    const ys = u.data[1];
    for (let i = 0; i < ys.length; i++) {
      const v = ys[i];
      if (v === null || v === undefined || v <= th) continue;
      ctx.beginPath();
      ctx.arc(u.valToPos(u.data[0][i], 'x', true), u.valToPos(v, 'y', true), 4 * devicePixelRatio, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
  }
}

function ascending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i] < xs[i - 1]) return false;
  return true;
}

/** The range of the times (they may be out of order). */
function spanOf(xs: readonly number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) { if (x < lo) lo = x; if (x > hi) hi = x; }
  return hi - lo;
}

/** The points in time order (uPlot needs ascending x), ties in arrival order. */
function sortedByTime(xs: number[], ys: (number | null)[][]): { xs: number[]; ys: (number | null)[][] } {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b] || a - b);
  return { xs: order.map((i) => xs[i]), ys: ys.map((s) => order.map((i) => s[i])) };
}
