// The console tests' harness: Debian's Chromium driven by puppeteer-core, installed by
// scripts/browser/chromium.sh (apt, the first time) and started headless with the flags this
// machine's closed network needs (no background connections), in a fresh profile; the console
// built from its current sources and opened against a REST server on an embedded engine.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFixture, type Fixture } from '../rest/rest-fixture.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/browser/chromium.sh', import.meta.url));

export interface TestBrowser { browser: Browser; close(): Promise<void> }

export async function startBrowser(): Promise<TestBrowser> {
  const { stdout } = await run(SCRIPT, [], { timeout: 600_000 });
  const profile = mkdtempSync(join(tmpdir(), 'eddy-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: stdout.trim(),
    headless: true,
    protocolTimeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', `--user-data-dir=${profile}`],
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A server, a browser and a page showing the console at `hash`, ready. */
export interface ConsoleSession { fx: Fixture; page: Page; close(): Promise<void> }

export async function openConsole(properties: Record<string, string>, height: number, hash = ''): Promise<ConsoleSession> {
  // The bundle the server serves, from the console's current sources.
  execFileSync(process.execPath, [fileURLToPath(new URL('../../console/build.mjs', import.meta.url))]);
  const fx = await startFixture(properties);
  const tb = await startBrowser();
  const page = await tb.browser.newPage();
  await page.setViewport({ width: 1280, height });
  await page.goto(`${fx.url}/${hash}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]');
  return { fx, page, close: async () => { await tb.close(); await fx.close(); } };
}

/** Saves a screenshot where tests keep them for people to look at (.cache/artifacts/console/, git-ignored). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  const path = fileURLToPath(new URL(`../../.cache/artifacts/console/${name}`, import.meta.url));
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path: path as `${string}.png`, fullPage });
}

/** Pixels of about this colour in a canvas: a chart drew, not only laid out. */
export function pixels(page: Page, selector: string, rgb: [number, number, number]): Promise<number> {
  return page.$eval(selector, (c, [r, g, b]) => {
    const canvas = c as HTMLCanvasElement;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - r) < 30 && Math.abs(px[i + 1] - g) < 30 && Math.abs(px[i + 2] - b) < 30 && px[i + 3] > 200) n++;
    return n;
  }, rgb);
}

/** The share of the canvas's pixel columns holding at least one pixel of the colour (how wide a line runs). */
export function widthShare(page: Page, selector: string, rgb: [number, number, number]): Promise<number> {
  return page.$eval(selector, (c, [r, g, b]) => {
    const canvas = c as HTMLCanvasElement;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const cols = new Set<number>();
    for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - r) < 30 && Math.abs(px[i + 1] - g) < 30 && Math.abs(px[i + 2] - b) < 30 && px[i + 3] > 200) cols.add((i / 4) % canvas.width);
    return cols.size / canvas.width;
  }, rgb);
}
