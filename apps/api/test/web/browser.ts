import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadExampleIfEmpty } from '@storyline/server';
import { startApi, TEST_ADMIN_KEY, type ApiHarness } from '../harness';

/** Debian's chromium; CI installs it (.ci/run). */
export const CHROMIUM = process.env.STORYLINE_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const ARTIFACTS = resolve(__dirname, '../../../../test-artifacts/web');
export const STORY = 'witkoff-back-channel';

/** `describe` when chromium is installed; otherwise the suite is skipped and says why. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) return describe(name, body);
  console.log(`skipping "${name}": no chromium at ${CHROMIUM} (apt-get install -y chromium, or set STORYLINE_CHROMIUM)`);
  describe.skip(name, body);
}

export interface WebServer {
  readonly api: ApiHarness;
  readonly baseUrl: string;
}

/** The API on a fresh database with the founding example, listening on a loopback port. */
export async function startWebServer(): Promise<WebServer> {
  const api = await startApi();
  await loadExampleIfEmpty(api.app);
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  return { api, baseUrl: `http://127.0.0.1:${port}` };
}

export interface BrowserSession {
  readonly page: Page;
  /** Requests to anywhere but the app: there must be none. */
  readonly foreignRequests: string[];
  /** Page errors and console errors (a CSP violation among them); refusals the test asks for are not. */
  readonly problems: string[];
  /** Every API call the page made, with whether it carried the key. */
  readonly apiCalls: { url: string; authorization: string | undefined }[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function watch(context: BrowserContext, page: Page, session: Pick<BrowserSession, 'foreignRequests' | 'problems' | 'apiCalls'>): void {
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') session.foreignRequests.push(request.url());
    if (url.pathname !== '/' && !url.pathname.startsWith('/web/')) session.apiCalls.push({ url: request.url(), authorization: request.headers().authorization });
  });
  page.on('pageerror', (error) => session.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const expectedRefusal = /Failed to load resource: the server responded with a status of 40[134]/.test(message.text());
    if (message.type() === 'error' && !expectedRefusal) session.problems.push(`console: ${message.text()}`);
  });
}

/** A fresh chromium profile (its own user-data-dir) with one page. */
export async function openBrowser(viewport = { width: 1400, height: 1000 }): Promise<BrowserSession> {
  const profile = await mkdtemp(join(tmpdir(), 'storyline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const session = { foreignRequests: [] as string[], problems: [] as string[], apiCalls: [] as BrowserSession['apiCalls'] };
  watch(context, page, session);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    ...session,
    page,
    async screenshot(name) {
      const path = join(ARTIFACTS, name);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Enters a key in the page's form and waits for the story list. */
export async function signIn(page: Page, baseUrl: string, key = TEST_ADMIN_KEY, remember = false): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('#api-key').fill(key);
  if (remember) await page.locator('#remember-key').check();
  await page.getByRole('button', { name: 'Use this key' }).click();
  await page.getByRole('heading', { name: 'Stories' }).waitFor();
}

/** Opens the founding story and waits until its timeline is drawn (on key developments, or on the axis named). */
export async function openStory(page: Page, axis?: 'reported time' | 'occurred time' | 'recorded time'): Promise<void> {
  await page.getByRole('link', { name: /Witkoff's back-channel talks/ }).click();
  await page.locator('.chart .vis-item.vis-box').first().waitFor();
  if (axis) await showAxis(page, axis);
}

/** Switches the chart to reports and facts on one clock's axis, and waits for a report to be drawn. */
export async function showAxis(page: Page, axis: 'reported time' | 'occurred time' | 'recorded time'): Promise<void> {
  await page.getByLabel(axis).check();
  await page.locator('.chart .vis-item.report').first().waitFor();
}

/** Counts drawn items (vis-timeline also tags each box's dot and line with the item's classes). */
export function countItems(page: Page, kind: 'report' | 'fact', extra = ''): Promise<number> {
  return page.locator(`.chart .vis-item.${kind}${extra}:not(.vis-dot):not(.vis-line)`).count();
}

/** The page's globals that tests read; the project's TypeScript has no DOM library. */
interface InPage {
  document: { querySelectorAll(selector: string): { length: number } };
}

export async function waitForCount(page: Page, kind: 'report' | 'fact', expected: number): Promise<void> {
  const selector = `.chart .vis-item.${kind}:not(.vis-dot):not(.vis-line)`;
  // A function, not a string: the page's policy forbids eval, which a string predicate needs.
  await page.waitForFunction(([css, count]) => (globalThis as unknown as InPage).document.querySelectorAll(css).length === count, [selector, expected] as const);
}

/** Where the page keeps the key: this tab (sessionStorage) and this device (localStorage). */
export function storedKey(page: Page): Promise<{ tab: string | null; device: string | null }> {
  return page.evaluate(`({ tab: sessionStorage.getItem('storyline.apiKey'), device: localStorage.getItem('storyline.apiKey') })`);
}

export async function laneNames(page: Page): Promise<string[]> {
  return page.locator('.chart .vis-labelset .lane-label').allTextContents();
}

/** True when nothing on the page is wider than the viewport. */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
}
