// The console's Models page in a real browser: a model trained through SQL, its page's live
// charts of the prequential metrics and learning rate from EDDY_MODEL_METRICS (checked to have
// drawn points, in the canvas pixels too), a drift event marked after the labels flip, the
// features' statistics and the definition. A screenshot goes to .cache/artifacts/console/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Fixture } from '../rest/rest-fixture.js';
import { openConsole, pixels as pixelsOf, screenshot as save, type ConsoleSession } from './browser.js';

let fx: Fixture;
let session: ConsoleSession;
let page: Page;

/** Rows whose label is x + y > 10 (or its opposite once `flipped`). */
function inserts(from: number, n: number, flipped: boolean): string {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    const x = (i * 37) % 100 / 10;
    const y = (i * 53) % 100 / 10;
    out.push(`INSERT INTO pts (x, y, kind, busy) VALUES (${x}, ${y}, '${i % 3 === 0 ? 'a' : 'b'}', ${(x + y > 10) !== flipped});`);
  }
  return out.join('\n');
}

beforeAll(async () => {
  session = await openConsole({ 'eddy.model.metrics.interval.ms': '150' }, 1100, '#models');
  ({ fx, page } = session);
}, 600_000);

afterAll(async () => {
  await session?.close();
});

describe('web console: the Models page', () => {
  it('lists no models, then the model created', async () => {
    expect(await page.$eval('#page-models', (e) => e.textContent)).toMatch(/No models yet/);
    await fx.engine.executeScript(`
      CREATE STREAM pts (x DOUBLE, y DOUBLE, kind STRING, busy BOOLEAN) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL m WITH (TYPE='logistic_regression', LABEL='busy', METRICS_WINDOW=100) AS SELECT x, y, kind, busy FROM pts TRAIN ONLINE;`);
    await page.goto(`${fx.url}/#sql`);
    await page.goto(`${fx.url}/#models`);
    await page.waitForSelector('#model-list a');
    expect(await page.$$eval('#model-list tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent))).toEqual(['M']);
  });

  it('charts the model\'s metrics live, marks a drift, and shows its features and definition', async () => {
    await page.click('#model-list a');
    await page.waitForSelector('#metrics-chart');
    // Rows arrive in steps while the page is open: the charts grow as metrics rows come.
    for (let step = 0; step < 4; step++) {
      await fx.engine.executeScript(inserts(step * 150, 150, false));
      await new Promise((r) => setTimeout(r, 250));
    }
    await page.waitForFunction(() => Number(document.getElementById('metric-chart-accuracy')?.dataset.points) >= 6, { timeout: 20_000 });
    await page.waitForFunction(() => Number(document.getElementById('rate-chart')!.dataset.points) >= 3, { timeout: 20_000 });
    // The world changes: the labels flip, accuracy falls, ADWIN calls a drift.
    for (let step = 4; step < 8; step++) {
      await fx.engine.executeScript(inserts(step * 150, 150, true));
      await new Promise((r) => setTimeout(r, 250));
    }
    await page.waitForFunction(() => /[1-9]\d* drift event/.test(document.getElementById('model-summary')!.textContent ?? ''), { timeout: 20_000 });
    await page.waitForFunction(() => /^1,200 rows learned/.test(document.getElementById('model-summary')!.textContent ?? ''), { timeout: 20_000 });
    expect(fx.engine.state.models.get('M')!.drifts.length).toBeGreaterThan(0);
    // The series: accuracy over the whole stream and the recent window (legend labels).
    const legend = await page.$$eval('#metric-chart-accuracy .u-legend .u-series .u-label', (ls) => ls.map((l) => l.textContent));
    expect(legend).toEqual(expect.arrayContaining(['accuracy', 'accuracy (recent)']));
    // Drawn, not only laid out: pixels of the first series' colour (#0b6bcb) in the canvas.
    const blue = await pixelsOf(page, '#metric-chart-accuracy canvas', [11, 107, 203]);
    expect(blue).toBeGreaterThan(100);
    // The drift events: red dashed lines (#c62828) across the accuracy chart.
    const red = await pixelsOf(page, '#metric-chart-accuracy canvas', [198, 40, 40]);
    expect(red).toBeGreaterThan(50);
    // Features: count, mean, stddev, min, max of X over the 1,200 rows; KIND counted only.
    const stats = await page.$$eval('#feature-stats tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    expect(stats.find((r) => r[0] === 'X')?.slice(0, 2)).toEqual(['X', '1,200']);
    expect(stats.find((r) => r[0] === 'X')?.[4]).toBe('0');
    expect(stats.find((r) => r[0] === 'KIND')).toEqual(['KIND', '1,200', '-', '-', '-', '-']);
    const definition = await page.$$eval('table.definition tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    expect(definition.find((r) => r[0] === 'Type')?.[1]).toBe('logistic_regression (classification)');
    await save(page, 'model-page.png');
  }, 90_000);

  it('stops the metrics query when another page is shown', async () => {
    await page.click('nav a[href="#sql"]');
    await page.waitForFunction(() => document.body.dataset.shown === '#sql');
    expect(await page.$eval('#page-models', (e) => (e as HTMLElement).hidden)).toBe(true);
  });
});
