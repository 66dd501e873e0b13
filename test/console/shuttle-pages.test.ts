// The console on the shuttle anomaly-detection example, in a real browser: the example's whole
// script typed into the editor and run (SET, CREATE MODEL x3, the scoring CSAS, COPY of 20,000
// rows, SHOW/DESCRIBE MODEL, a pull query, and a push query whose rows arrive in the table);
// then the Anomalies page (score chart with the threshold, points above it marked, the alerts
// matching the example's own count), a model page's charts, the processing log with a bad record,
// and the Server page. Screenshots go to .cache/artifacts/console/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { Fixture } from '../rest/rest-fixture.js';
import { openConsole, pixels as pixelsOf, screenshot as save, widthShare, type ConsoleSession } from './browser.js';

const example = (f: string): string => fileURLToPath(new URL(`../../examples/shuttle-anomaly/${f}`, import.meta.url));

let fx: Fixture;
let session: ConsoleSession;
let page: Page;

const screenshot = (name: string): Promise<void> => save(page, name, true);

const pixels = (selector: string, rgb: [number, number, number]): Promise<number> => pixelsOf(page, selector, rgb);

beforeAll(async () => {
  session = await openConsole({ 'eddy.model.metrics.interval.ms': '200' }, 900);
  ({ fx, page } = session);
}, 600_000);

afterAll(async () => {
  await session?.close();
});

describe('web console on the shuttle example', () => {
  it('runs the example\'s script from the editor; the last query\'s rows arrive in the table', async () => {
    // The script as it is, but for the data file's path (the server's directory is not the example's).
    const script = readFileSync(example('shuttle-anomaly.sql'), 'utf8').replace("'shuttle-odds-first-20000.csv'", `'${example('shuttle-odds-first-20000.csv')}'`);
    await page.$eval('#editor', (el, t) => { (el as HTMLTextAreaElement).value = t; }, script);
    await page.click('#run');
    // The push query at the end: ten rows flagged by two detectors, from row 15,000 on.
    await page.waitForFunction(() => document.getElementById('status')!.textContent === '10 rows', { timeout: 120_000 });
    expect(await page.$eval('#error', (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(await page.$$eval('#results th', (ths) => ths.map((th) => th.textContent))).toEqual(['ROW_NO', 'OUTLIER', 'MAHA', 'RANKS', 'HST']);
    const rowNos = await page.$$eval('#results tbody tr', (trs) => trs.map((tr) => Number(tr.cells[0].textContent)));
    expect(rowNos.every((n) => n >= 15000)).toBe(true);
    expect(fx.engine.state.models.get('MAHA')!.rows).toBe(20000);
    await screenshot('shuttle-sql.png');
  }, 180_000);

  it('the Anomalies page charts a score against its threshold and lists the alerts', async () => {
    // What the example's own table counts: rows after row 0 with maha_score > 3.5.
    let expected = 0;
    const counts = await fx.engine.executeScript('SELECT outlier, maha_alerts FROM alert_counts;');
    const last = counts[counts.length - 1] as { kind: string; rows?: unknown[][] };
    if (last.kind === 'rows') for (const r of last.rows!) expected += r[1] as number;
    expect(expected).toBeGreaterThan(0);
    await page.goto(`${fx.url}/#anomalies`);
    await page.waitForSelector('#anomaly-stream');
    await page.select('#anomaly-stream', 'SCORED');
    await page.waitForSelector('#anomaly-column option[value="MAHA_SCORE"]');
    await page.select('#anomaly-column', 'MAHA_SCORE');
    await page.type('#anomaly-threshold', '3.5');
    await page.click('#anomaly-watch');
    await page.waitForFunction((n) => document.getElementById('anomaly-summary')?.textContent === `20,000 rows, ${n.toLocaleString('en-US')} above 3.5`, { timeout: 30_000 }, expected);
    expect(await page.evaluate(() => location.hash)).toBe('#anomalies/SCORED/MAHA_SCORE/3.5');
    await page.waitForFunction(() => Number(document.getElementById('anomaly-chart')!.dataset.points) >= 4999, { timeout: 20_000 });
    expect(await pixels('#anomaly-chart canvas', [11, 107, 203])).toBeGreaterThan(200); // the score line
    // COPY gave the rows nearly one time: they are plotted by row, across the chart's width.
    expect(await widthShare(page, '#anomaly-chart canvas', [11, 107, 203])).toBeGreaterThan(0.6);
    expect(await page.$eval('#anomaly-chart', (e) => (e as HTMLElement).dataset.axis)).toBe('row');
    expect(await pixels('#anomaly-chart canvas', [198, 40, 40])).toBeGreaterThan(50); // threshold and points above it
    const alerts = await page.$$eval('#anomaly-alerts tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    expect(alerts.length).toBe(50); // the latest 50
    const header = await page.$$eval('#anomaly-alerts th', (ths) => ths.map((th) => th.textContent));
    const at = header.indexOf('MAHA_SCORE');
    expect(alerts.every((r) => Number(r[at]) > 3.5)).toBe(true);
    await screenshot('anomalies.png');
  }, 60_000);

  it('a model page of the example charts its metrics', async () => {
    await page.goto(`${fx.url}/#models/MAHA`);
    await page.waitForFunction(() => Number(document.getElementById('metric-chart-roc_auc')?.dataset.points) >= 2, { timeout: 20_000 });
    await page.waitForFunction(() => /^20,000 rows learned/.test(document.getElementById('model-summary')?.textContent ?? ''), { timeout: 20_000 });
    const legend = await page.$$eval('#metric-chart-roc_auc .u-legend .u-series .u-label', (ls) => ls.map((l) => l.textContent));
    expect(legend).toEqual(expect.arrayContaining(['roc_auc', 'roc_auc (recent)']));
    expect(await pixels('#metric-chart-roc_auc canvas', [11, 107, 203])).toBeGreaterThan(20);
    expect(await page.$$eval('.metric-chart', (cs) => cs.map((c) => c.id))).toEqual(['metric-chart-mean_score', 'metric-chart-roc_auc']);
    const stats = await page.$$eval('#feature-stats tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent));
    expect(stats).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9']);
    await screenshot('model-maha.png');
  }, 60_000);

  it('the Streams and tables page lists the sources and shows one: columns, topic, first and new records', async () => {
    await page.goto(`${fx.url}/#streams`);
    await page.waitForSelector('#source-list');
    const names = await page.$$eval('#source-list tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent));
    expect(names).toEqual(expect.arrayContaining(['ALERT_COUNTS', 'SCORED', 'SHUTTLE']));
    await page.click('#source-list a[href="#streams/SHUTTLE"]');
    await page.waitForSelector('table.source-columns');
    const columns = await page.$$eval('table.source-columns tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent));
    expect(columns).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'OUTLIER']);
    const facts = Object.fromEntries(await page.$$eval('table.source-facts tbody tr', (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent])));
    expect(facts.Topic).toBe('shuttle (1 partition, replication 1)');
    expect(facts['Read by']).toMatch(/CSAS_SCORED_\d+/);
    // PRINT's first ten records of the topic.
    await page.waitForFunction(() => (document.querySelector('#source-first pre')?.textContent ?? '').split('\n').length === 10, { timeout: 20_000 });
    expect(await page.$eval('#source-first pre', (p) => p.textContent!.split('\n')[0])).toMatch(/^rowtime: .*, key: <null>, value: \{"V1":50\.0,/);
    // New records arrive in the live table.
    await page.waitForSelector('#source-live table');
    await fx.engine.executeScript('INSERT INTO shuttle (v1, v2, v3, v4, v5, v6, v7, v8, v9, outlier) VALUES (1, 2, 3, 4, 5, 6, 7, 8, 9, 0);');
    await page.waitForFunction(() => document.querySelectorAll('#source-live tbody tr').length === 1, { timeout: 20_000 });
    expect(await page.$$eval('#source-live tbody td', (tds) => tds.map((td) => td.textContent))).toEqual(['1.0', '2.0', '3.0', '4.0', '5.0', '6.0', '7.0', '8.0', '9.0', '0']);
    await screenshot('streams.png');
  });

  it('the Processing log page shows a record that could not be read, with where it was', async () => {
    await fx.engine.log.produce('shuttle', [{ key: null, value: Buffer.from('{"V1": oops}') }]);
    await page.goto(`${fx.url}/#log`);
    await page.waitForFunction(() => [...document.querySelectorAll('#log-rows tbody tr')].some((tr) => tr.textContent!.includes('DESERIALIZATION')), { timeout: 20_000 });
    const header = await page.$$eval('#log-rows th', (ths) => ths.map((th) => th.textContent));
    expect(header).toEqual(['LOGGED_AT', 'QUERY_ID', 'TYPE', 'MESSAGE', 'TOPIC', 'PARTITION', 'OFFSET']);
    const row = await page.$$eval('#log-rows tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)).find((r) => r[2] === 'DESERIALIZATION'));
    expect(row!.slice(4)).toEqual(['shuttle', '0', '20001']); // after the 20,000 copied and the one inserted
    await screenshot('log.png');
  });

  it('the Queries page shows the running queries with their counts and lag, and a query\'s plan as a graph', async () => {
    await page.goto(`${fx.url}/#queries`);
    await page.waitForSelector('#query-list');
    const list = await page.$$eval('#query-list tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    const header = await page.$$eval('#query-list th', (ths) => ths.map((th) => th.textContent));
    expect(header).toEqual(['query', 'type', 'state', 'sink', 'records in', 'in/s', 'records out', 'out/s', 'lag']);
    const scored = list.find((r) => /^CSAS_SCORED_/.test(r[0]!))!;
    expect(scored[2]).toBe('RUNNING');
    expect(Number(scored[4]!.replace(/,/g, ''))).toBeGreaterThanOrEqual(20_000);
    expect(Number(scored[6]!.replace(/,/g, ''))).toBeGreaterThanOrEqual(20_000);
    expect(scored[8]).toBe('0');
    expect(list.filter((r) => /^TRAIN_/.test(r[0]!))).toHaveLength(3);
    // The aggregation's page: its plan drawn step above step, down to its source.
    const agg = list.find((r) => /^CTAS_ALERT_COUNTS_/.test(r[0]!))![0]!;
    await page.goto(`${fx.url}/#queries/${agg}`);
    await page.waitForSelector('#plan-graph');
    expect(await page.$$eval('#plan-graph .plan-step b', (bs) => bs.map((b) => b.textContent))).toEqual(['SINK', 'PROJECT', 'AGGREGATE', 'FILTER', 'SOURCE']);
    expect(await page.$$eval('table.query-partitions tbody tr', (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[4].textContent]))).toEqual([['SCORED', '0']]);
    await screenshot('query-plan.png');
  });

  it('the Server page says what the server is and runs on', async () => {
    await page.goto(`${fx.url}/#server`);
    await page.waitForSelector('table.server-info');
    const info = Object.fromEntries(await page.$$eval('table.server-info tbody tr', (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent])));
    expect(info['Runs on']).toBe('the embedded log');
    expect(info['ksqlDB REST API version']).toBe('0.29.0');
    expect(info['Eddy version']).toMatch(/^\d+\.\d+\.\d+/);
    expect(Number(info['Persistent queries'])).toBe(fx.engine.state.queries.size);
    expect(info.Models).toBe('3');
    const instances = await page.$$eval('table.instances tbody tr', (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent, tr.cells[2].textContent]));
    expect(instances).toEqual([[`${new URL(fx.url).host} (this one)`, fx.engine.state.instanceId, 'yes']]);
    await screenshot('server.png');
  });
});
