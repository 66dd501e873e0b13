// The web console in a real browser (Debian's Chromium, puppeteer-core) against `eddy server`'s
// REST port on an embedded engine: statements typed in the editor and run with Ctrl+Enter, a push
// query's rows arriving in the table while records are inserted, Stop, a bad statement's error
// marked at its line and column, and the history. Screenshots go to .cache/artifacts/console/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Fixture } from '../rest/rest-fixture.js';
import { openConsole, pixels as pixelsOf, screenshot as save, type ConsoleSession } from './browser.js';

let fx: Fixture;
let session: ConsoleSession;
let page: Page;

/** Replaces the editor's text and runs it with Ctrl+Enter. */
async function runInEditor(text: string): Promise<void> {
  await page.click('#editor');
  await page.$eval('#editor', (el, t) => { (el as HTMLTextAreaElement).value = t; }, text);
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
}

const cells = (): Promise<string[][]> => page.$$eval('#results table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

const screenshot = (name: string): Promise<void> => save(page, name, false);

beforeAll(async () => {
  session = await openConsole({}, 800);
  ({ fx, page } = session);
}, 600_000);

afterAll(async () => {
  await session?.close();
});

describe('web console: the SQL editor', () => {
  it('runs a script with Ctrl+Enter and streams a push query\'s rows as they arrive', async () => {
    await runInEditor(`-- sensors
CREATE STREAM readings (sensor STRING KEY, temp DOUBLE) WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);
INSERT INTO readings (sensor, temp) VALUES ('a', 20.5);
SELECT sensor, temp FROM readings EMIT CHANGES LIMIT 3;`);
    await page.waitForFunction(() => document.querySelectorAll('#results tbody tr').length === 1, { timeout: 20_000 });
    expect(await page.$$eval('#results th', (ths) => ths.map((th) => th.textContent))).toEqual(['SENSOR', 'TEMP']);
    // Rows inserted while the query runs appear in the table (newest first).
    await fx.engine.executeScript(`INSERT INTO readings (sensor, temp) VALUES ('b', 31.0); INSERT INTO readings (sensor, temp) VALUES ('c', -4.25);`);
    await page.waitForFunction(() => document.querySelectorAll('#results tbody tr').length === 3, { timeout: 20_000 });
    expect(await cells()).toEqual([['c', '-4.25'], ['b', '31.0'], ['a', '20.5']]);
    // The LIMIT ended the query: Run is back, Stop is off.
    await page.waitForFunction(() => !(document.getElementById('run') as HTMLButtonElement).disabled);
    expect(await page.$eval('#stop', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await page.$eval('#status', (s) => s.textContent)).toBe('3 rows');
    await screenshot('sql-editor-push-query.png');
  });

  it('Stop ends a push query without a LIMIT', async () => {
    await runInEditor('SELECT * FROM readings EMIT CHANGES;');
    // Stop turns on once the query has started (the last test's 3 rows are on show until then:
    // waiting for 3 rows alone passed at once, and under load Stop was still off).
    await page.waitForFunction(() => !(document.getElementById('stop') as HTMLButtonElement).disabled
      && document.querySelectorAll('#results tbody tr').length === 3, { timeout: 20_000 });
    await page.click('#stop');
    await page.waitForFunction(() => !(document.getElementById('run') as HTMLButtonElement).disabled, { timeout: 20_000 });
    // Closed on the server too: rows inserted now do not arrive.
    await fx.engine.executeScript(`INSERT INTO readings (sensor, temp) VALUES ('d', 1.0);`);
    await new Promise((r) => setTimeout(r, 500));
    expect((await cells()).length).toBe(3);
  });

  it('stays responsive with 10k+ rows/s arriving: every row counted, the table redrawn a few times a second', async () => {
    await fx.engine.executeScript(`CREATE STREAM flood (n INT, note STRING) WITH (KAFKA_TOPIC='flood', VALUE_FORMAT='JSON', PARTITIONS=1);`);
    await runInEditor('SELECT * FROM flood EMIT CHANGES;');
    await page.waitForFunction(() => document.querySelector('#results table') !== null);
    const drawsBefore = Number(await page.$eval('#results', (e) => (e as HTMLElement).dataset.draws ?? 0));
    // 60,000 rows in batches of 3,000 as fast as the engine takes them, while the page is asked
    // for an answer every 50 ms.
    let slowest = 0;
    let flooding = true;
    const probe = (async () => {
      while (flooding) {
        const t0 = Date.now();
        await page.evaluate(() => 1);
        slowest = Math.max(slowest, Date.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const t0 = Date.now();
    for (let b = 0; b < 20; b++) {
      await fx.engine.log.produce('flood', Array.from({ length: 3000 }, (_, i) => ({ key: null, value: Buffer.from(JSON.stringify({ N: b * 3000 + i, NOTE: 'x'.repeat(40) })) })));
    }
    await page.waitForFunction(() => document.getElementById('status')!.textContent === '60,000 rows (the last 500 shown)', { timeout: 60_000 });
    const seconds = (Date.now() - t0) / 1000;
    flooding = false;
    await probe;
    expect(60_000 / seconds).toBeGreaterThan(10_000); // the rate the page kept up with
    const draws = Number(await page.$eval('#results', (e) => (e as HTMLElement).dataset.draws)) - drawsBefore;
    expect(draws).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2); // at most four a second
    expect(slowest).toBeLessThan(1000); // the page answered throughout
    expect((await cells())[0]).toEqual(['59999', 'x'.repeat(40)]); // newest first
    await page.click('#stop');
    await page.waitForFunction(() => !(document.getElementById('run') as HTMLButtonElement).disabled, { timeout: 20_000 });
  }, 120_000);

  it('marks a bad statement\'s error at its line and column, after the statements before it ran', async () => {
    await runInEditor(`CREATE STREAM hot AS SELECT * FROM readings WHERE temp > 30;
SELECT sensor,
       nosuch FROM readings EMIT CHANGES;`);
    await page.waitForSelector('#error:not([hidden])', { timeout: 20_000 });
    const error = await page.$eval('#error', (e) => ({ text: e.textContent ?? '', line: (e as HTMLElement).dataset.line, column: (e as HTMLElement).dataset.column }));
    expect(error.text).toMatch(/^line 3, column 8: Column 'NOSUCH' cannot be resolved/);
    expect([error.line, error.column]).toEqual(['3', '8']);
    // The editor selects the word the error points at.
    expect(await page.$eval('#editor', (el) => {
      const t = el as HTMLTextAreaElement;
      return t.value.slice(t.selectionStart, t.selectionEnd);
    })).toBe('nosuch');
    expect(await page.$eval('#editor', (el) => el.classList.contains('has-error'))).toBe(true);
    await screenshot('sql-editor-error.png');
    // The CREATE before it ran.
    expect(fx.engine.state.catalog.get('HOT')).toBeDefined();
  });

  it('keeps a history; a click puts a script back in the editor', async () => {
    const items = await page.$$eval('#history li', (lis) => lis.map((li) => li.getAttribute('title')));
    expect(items[0]).toMatch(/^CREATE STREAM hot AS/);
    expect(items.slice(1, 3)).toEqual(['SELECT * FROM flood EMIT CHANGES;', 'SELECT * FROM readings EMIT CHANGES;']);
    await page.click('#history li:nth-child(3)');
    expect(await page.$eval('#editor', (el) => (el as HTMLTextAreaElement).value)).toBe('SELECT * FROM readings EMIT CHANGES;');
  });

  it('shows the connector statements as ksqlDB\'s CLI does: a message, a list, a description', async () => {
    const resultText = (): Promise<string> => page.$eval('#results', (e) => e.textContent ?? '');
    // Port 1 refuses connections: the connector is created and says why it cannot run.
    await runInEditor("CREATE SOURCE CONNECTOR cars WITH ('connector.class'='MqttSource', 'mqtt.server.uri'='tcp://127.0.0.1:1', 'mqtt.topics'='cars/+/vibration', 'kafka.topic'='car_sensors');");
    await page.waitForFunction(() => (document.getElementById('results')?.textContent ?? '').includes('Created connector CARS'), { timeout: 20_000 });
    await runInEditor('SHOW CONNECTORS;');
    await page.waitForFunction(() => document.querySelectorAll('#results tbody tr').length === 1, { timeout: 20_000 });
    expect(await page.$$eval('#results th', (ths) => ths.map((th) => th.textContent))).toEqual(['name', 'type', 'className', 'state']);
    expect((await cells())[0].slice(0, 3)).toEqual(['CARS', 'source', 'MqttSource']);
    await runInEditor('DESCRIBE CONNECTOR cars;');
    await page.waitForFunction(() => (document.getElementById('results')?.textContent ?? '').includes('Config mqtt.server.uri'), { timeout: 20_000 });
    const rows = Object.fromEntries((await cells()).map(([k, v]) => [k, v]));
    expect(rows.Class).toBe('MqttSource');
    expect(rows.Topics).toBe('car_sensors');
    expect(rows['Config mqtt.topics']).toBe('cars/+/vibration');
    await runInEditor('DROP CONNECTOR cars;');
    await page.waitForFunction(() => (document.getElementById('results')?.textContent ?? '').includes('Dropped connector CARS'), { timeout: 20_000 });
    expect(await resultText()).not.toContain('"@type"');
  });
});
