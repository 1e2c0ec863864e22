import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { TEST_ADMIN_KEY } from '../harness';
import { countItems, describeInBrowser, laneNames, openBrowser, openStory, showAxis, signIn, startWebServer, storedKey, STORY, waitForCount, type BrowserSession, type WebServer } from './browser';

jest.setTimeout(120_000);

const KYIV = 'Kyiv-datelined web report (outlet unnamed)';
const NEWSHUB = 'Newshub Editorial in Europe';
const KREMLIN_EVIDENCE = 'Steve Witkoff reportedly advised a senior Kremlin official on parts of a possible Ukraine peace deal';
const README_SCREENSHOT = resolve(__dirname, '../../../../docs/images/timeline.png');

interface Entry {
  id: string;
  kind: string;
  statement?: string;
}

/** The labels the time axis shows: they change when the chart zooms or pans, and only then. */
async function axisLabels(page: Page): Promise<string> {
  return (await page.locator('.chart .vis-time-axis .vis-text').allTextContents()).join('|');
}

async function waitForAxisChange(page: Page, before: string): Promise<void> {
  await page.waitForFunction(
    ([css, old]) => [...(globalThis as unknown as InPage).document.querySelectorAll(css)].map((label) => label.textContent).join('|') !== old,
    ['.chart .vis-time-axis .vis-text', before] as const,
  );
}

interface InPage {
  document: { querySelectorAll(selector: string): Iterable<{ textContent: string | null }> };
}

async function moveAsOfTo(page: Page, label: string): Promise<void> {
  const slider = page.locator('#as-of');
  await slider.focus();
  await page.keyboard.press('Home');
  for (let step = 0; step < 30 && !(await page.locator('#as-of-value').textContent())?.includes(label); step++) await page.keyboard.press('ArrowRight');
  expect(await page.locator('#as-of-value').textContent()).toBe(label);
}

describeInBrowser('the web page: the founding example in chromium', () => {
  let server: WebServer;
  let browser: BrowserSession;
  let facts: Entry[];
  const fact = (pattern: RegExp): Entry => facts.find((entry) => pattern.test(entry.statement ?? '')) as Entry;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await openBrowser();
    const { body } = await server.api.http().get(`/stories/${STORY}/timeline`).expect(200);
    facts = body.entries.filter((entry: Entry) => entry.kind === 'fact');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.api.close();
  });

  it('serves the page without a key, asks for one, and says clearly when it is refused', async () => {
    const { page } = browser;
    const answer = await page.goto(`${server.baseUrl}/`);
    expect(answer?.status()).toBe(200);
    await page.locator('#api-key').fill('not-a-valid-key-000');
    await page.getByRole('button', { name: 'Use this key' }).click();
    await page.getByText(/The API key was refused: the API key is not valid/).waitFor();
    expect(await storedKey(page)).toEqual({ tab: null, device: null });
  });

  it('keeps the key for this tab only and sends it on every API call', async () => {
    const { page } = browser;
    await signIn(page, server.baseUrl);
    expect(await storedKey(page)).toEqual({ tab: TEST_ADMIN_KEY, device: null });
    await openStory(page);
    const withKey = browser.apiCalls.filter((call) => call.authorization === `Bearer ${TEST_ADMIN_KEY}`);
    expect(withKey.length).toBeGreaterThan(2);
    expect(browser.apiCalls.filter((call) => call.authorization === undefined).map((call) => new URL(call.url).pathname)).toEqual([]);
  });

  it('opens on key developments: one entry per claim, ranked by outlets, every outlet\'s lane in view', async () => {
    const { page } = browser;
    const { body } = await server.api.http().get(`/stories/${STORY}/developments`).expect(200);
    expect(await page.getByLabel('key developments').isChecked()).toBe(true);
    expect(await laneNames(page)).toEqual([KYIV, NEWSHUB]);
    expect(await page.locator('.chart .vis-item.development:not(.vis-dot):not(.vis-line)').count()).toBe(body.developments.length);
    expect(await page.locator('.view-caption').textContent()).toMatch(new RegExp(`^Latest: ${body.developments.length} key developments from 2 reports, 8 facts`));
    const [first] = await page.locator('.chart .vis-item.development .item-tag').allTextContents();
    expect(first).toMatch(/^#\d+ · \d+ outlets?$/);
    // Every lane is on screen, and the chart has no scrollbar of its own.
    const lanes: { top: number; bottom: number }[] = await page.evaluate(
      `[...document.querySelectorAll('.chart .vis-labelset .vis-label')].map((label) => { const box = label.getBoundingClientRect(); return { top: box.top, bottom: box.bottom }; })`,
    );
    const viewport = page.viewportSize()!;
    for (const lane of lanes) expect(lane.bottom).toBeLessThanOrEqual(viewport.height);
    expect(await page.evaluate(`(() => { const left = document.querySelector('.chart .vis-panel.vis-left'); return left.scrollHeight <= left.clientHeight + 1; })()`)).toBe(true);
  });

  it('scrolls the page with the mouse wheel, and zooms only with ctrl or the buttons', async () => {
    const { page } = browser;
    const box = (await page.locator('.chart .vis-panel.vis-center').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
    const before = await axisLabels(page);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => (globalThis as unknown as { scrollY: number }).scrollY > 0);
    expect(await axisLabels(page)).toBe(before);
    await page.evaluate('window.scrollTo(0, 0)');
    // A wheel turn with ctrl held (what a trackpad pinch sends too) zooms; sent as the browser would.
    await page.evaluate(`(() => {
      const panel = document.querySelector('.chart .vis-panel.vis-center');
      const box = panel.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + 20, bubbles: true, cancelable: true };
      panel.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -300, deltaMode: 0, ctrlKey: true }));
    })()`);
    await waitForAxisChange(page, before);
    await page.getByRole('button', { name: 'Fit' }).click();
    const fitted = await axisLabels(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await waitForAxisChange(page, fitted);
    await page.getByRole('button', { name: 'Fit' }).click();
  });

  it('opens a key development into its reports', async () => {
    const { page } = browser;
    await page.locator('.chart .vis-item.development:not(.vis-dot):not(.vis-line)', { has: page.locator('.item-tag', { hasText: /^#1 ·/ }) }).click();
    const details = page.locator('.details');
    await details.getByText(/^Key development #1$/).waitFor();
    expect(await details.textContent()).toMatch(/First reported by/);
    await details.getByRole('button', { name: new RegExp(`^${KYIV.replace(/[()]/g, '\\$&')}`) }).first().click();
    await details.locator('.kicker', { hasText: 'Report' }).waitFor();
    expect(await details.textContent()).toContain("Envoy's private talks");
  });

  it('draws one lane per outlet with its report and facts on the reported-time axis', async () => {
    const { page } = browser;
    await showAxis(page, 'reported time');
    expect(await laneNames(page)).toEqual([KYIV, NEWSHUB]);
    expect(await countItems(page, 'report')).toBe(2);
    expect(await countItems(page, 'fact')).toBe(8);
    expect(await page.locator('.view-caption').textContent()).toMatch(/^Latest: 2 reports, 8 facts/);
  });

  it('shows a contradiction link on the chart and in words', async () => {
    const { page } = browser;
    const reason = 'the counterpart changed: Ukrainian officials, then a Kremlin official';
    const link = { fromFactId: fact(/Ukrainian officials/).id, toFactId: fact(/Kremlin official/).id, kind: 'contradicts', reason };
    await server.api.http().post(`/stories/${STORY}/links`).send(link).expect(201);
    const { body } = await server.api.http().get(`/stories/${STORY}/timeline`).expect(200);
    await page.reload();
    await page.locator('.chart .vis-item.vis-box').first().waitFor();
    // On key developments: the two claims, each marked, joined by a line.
    expect(await page.locator('.chart .vis-item.development.contradicted:not(.vis-dot):not(.vis-line)').count()).toBe(2);
    await page.locator('.link-layer .link-contradicts path').waitFor({ state: 'attached' });
    await page.locator('.chart .vis-item.development.contradicted:not(.vis-dot):not(.vis-line)').first().click();
    await page.locator('.details').getByRole('heading', { name: 'Contradicted by' }).waitFor();
    await browser.screenshot('key-developments.png');
    // The README's picture is taken only when asked, so a test run never changes a committed file.
    if (process.env.STORYLINE_README_SCREENSHOT === '1') {
      mkdirSync(resolve(README_SCREENSHOT, '..'), { recursive: true });
      await page.mouse.move(1, 1);
      await page.locator('.vis-tooltip').first().waitFor({ state: 'hidden' });
      await page.screenshot({ path: README_SCREENSHOT, fullPage: true });
    }
    await showAxis(page, 'reported time');
    if (body.links === undefined) {
      console.log('the timeline API gives no links yet: checking that the page does without them');
      expect(await page.locator('.link-list').isHidden()).toBe(true);
      return;
    }
    expect(await countItems(page, 'fact', '.contradicted')).toBe(2);
    await page.locator('.link-layer .link-contradicts path').waitFor({ state: 'attached' });
    expect(await page.locator('.link-list').textContent()).toContain(reason);
    await browser.screenshot('timeline-desktop.png');
  });

  it('hides the 27 November report when the as-of slider is moved to 21 November on the reported clock', async () => {
    const { page } = browser;
    await moveAsOfTo(page, '21 Nov 2025');
    await waitForCount(page, 'report', 1);
    expect(await page.locator('.chart .vis-item.report .item-label').allTextContents()).toEqual([expect.stringContaining("Envoy's private talks")]);
    expect(await countItems(page, 'fact')).toBe(4);
    expect(await laneNames(page)).toEqual([KYIV]);
    expect(await page.locator('.view-caption').textContent()).toMatch(/^As of 21 Nov 2025 on the reported clock: 1 report, 4 facts/);
    await browser.screenshot('timeline-as-of-21-november.png');
    await page.keyboard.press('End');
    await waitForCount(page, 'report', 2);
  });

  it('opens a fact: statement, attribution, modality, lineage and the evidence highlighted in the report text', async () => {
    const { page } = browser;
    const kremlin = fact(/Kremlin official/);
    await page.locator(`.chart .vis-item [data-entry="${kremlin.id}"]`).click();
    const details = page.locator('.details');
    await details.getByRole('heading', { name: kremlin.statement }).waitFor();
    const text = await details.textContent();
    expect(text).toContain('Attributed tosources familiar with the discussions');
    expect(text).toContain('Modalityreportedly');
    expect(text).toContain('between 27 Aug 2025 and 27 Nov 2025 (fuzzy)');
    expect(await details.locator('mark.evidence').textContent()).toBe(KREMLIN_EVIDENCE);
    await details.locator('.lineage-steps li').first().waitFor();
    expect(await details.locator('.lineage-steps').textContent()).toMatch(/reported/);
    await browser.screenshot('fact-details.png');
  });

  it('can be used from the keyboard: the entries list opens a fact, with a visible focus ring', async () => {
    const { page } = browser;
    await page.locator('.entries summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused: { text: string; outline: string } = await page.evaluate(`({ text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle })`);
    expect(focused.text).toContain('Steve Witkoff held back-channel talks with Ukrainian officials');
    expect(focused.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.locator('.details mark.evidence', { hasText: 'Steve Witkoff allegedly held back-channel talks with Ukrainian officials' }).waitFor();
  });

  it('switches to the occurred axis, where fuzzy intervals are ranges', async () => {
    const { page } = browser;
    await page.getByLabel('occurred time').check();
    await page.locator('.chart .vis-item.vis-range.fuzzy').first().waitFor();
    expect(await page.locator('.chart .vis-item.vis-range.fuzzy').count()).toBe(1);
    await page.getByLabel('reported time').check();
    await page.locator('.chart .vis-item.vis-range').first().waitFor({ state: 'detached' });
    const kremlin = fact(/Kremlin official/);
    await page.locator(`.entry-button[data-entry="${kremlin.id}"]`).click();
    await page.locator(`.chart .vis-item.vis-selected [data-entry="${kremlin.id}"]`).waitFor();
  });

  it('plays the story back event by event, then returns to the latest view', async () => {
    const { page } = browser;
    const { body } = await server.api.http().get(`/stories/${STORY}/replay?state=none&limit=1000`).expect(200);
    const total = body.events.length;
    await page.getByRole('button', { name: 'Back to the first event' }).click();
    await page.getByText(`Event 1 of ${total} `, { exact: false }).waitFor();
    await waitForCount(page, 'report', 0);
    await page.getByRole('button', { name: 'Step forward one event' }).click();
    await waitForCount(page, 'report', 1);
    await page.getByLabel('Replay speed').selectOption('300');
    await page.getByRole('button', { name: 'Play the replay' }).click();
    await page.getByText(`Event ${total} of ${total} `, { exact: false }).waitFor();
    await waitForCount(page, 'fact', 8);
    await page.getByRole('button', { name: 'Leave the replay' }).click();
    await page.getByText(/^Latest: 2 reports, 8 facts/).waitFor();
  });

  it('asked nothing of any host but the app, and broke no content-security rule', () => {
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
