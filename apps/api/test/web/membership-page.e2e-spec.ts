import { countItems, describeInBrowser, openBrowser, openStory, showAxis, signIn, startWebServer, STORY, waitForCount, type BrowserSession, type WebServer } from './browser';

jest.setTimeout(120_000);

describeInBrowser('the web page: membership history, split and merge', () => {
  let server: WebServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.api.close();
  });

  it('splits a report out into a new story, which the history then shows', async () => {
    const { page } = browser;
    await signIn(page, server.baseUrl);
    await openStory(page, 'reported time');
    const before = await countItems(page, 'report');
    // The panel fills in once the story is drawn; open it then.
    await page.locator('.split-reports input[name=report]').first().waitFor({ state: 'attached' });
    await page.locator('.membership summary').click();
    await page.getByText('No membership changes').waitFor();
    await page.locator('.split-reports input[name=report]').first().check();
    await page.getByLabel('New story slug').fill('split-strand');
    await page.getByLabel('New story title').fill('Split strand');
    await page.getByLabel('Reason for the split').fill('a strand of its own');
    await page.getByRole('button', { name: 'Split' }).click();
    await page.getByText('Split into split-strand').waitFor();
    await waitForCount(page, 'report', before - 1);
    await page.locator('.membership-history li', { hasText: 'split from' }).waitFor();
    expect(await page.locator('.membership-history li').first().textContent()).toMatch(/1 report split from .* into split-strand — .*: a strand of its own/);
    const split = await server.api.http().get('/stories/split-strand/timeline').expect(200);
    expect(split.body.entries.filter((entry: { kind: string }) => entry.kind === 'report')).toHaveLength(1);
  });

  it('merges the new story back; the page follows to the story it went into, whole again', async () => {
    const { page } = browser;
    const whole = (await server.api.http().get(`/stories/${STORY}/timeline`).expect(200)).body.entries.filter((entry: { kind: string }) => entry.kind === 'report').length + 1;
    await page.goto(`${server.baseUrl}/#/stories/split-strand`);
    await page.locator('.chart .vis-item').first().waitFor();
    await page.locator('.split-reports input[name=report]').first().waitFor({ state: 'attached' });
    await page.locator('.membership summary').click();
    await page.getByLabel('Into story').fill(STORY);
    await page.getByLabel('Reason for the merge').fill('one story after all');
    await page.getByRole('button', { name: 'Merge' }).click();
    await page.waitForURL(`**/#/stories/${STORY}`);
    await page.locator('.crumbs', { hasText: STORY }).waitFor();
    await page.locator('.chart .vis-item').first().waitFor();
    await showAxis(page, 'reported time');
    await waitForCount(page, 'report', whole);
    await page.locator('.membership-history li', { hasText: 'merged into' }).waitFor({ state: 'attached' });
    await page.locator('.membership summary').click();
    await page.locator('.membership-history li', { hasText: 'merged into' }).waitFor();
    expect(await page.locator('.membership-history li').allTextContents()).toEqual([expect.stringMatching(/split from/), expect.stringMatching(new RegExp(`split-strand merged into ${STORY} \\(1 report\\) — .*: one story after all`))]);
  });

  it('shows an old slug as the story it went into, saying so', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/#/stories/split-strand`);
    await page.locator('.merged-note').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('null');
    expect(await page.locator('.merged-note').textContent()).toContain('“split-strand” was merged into this story');
    expect(browser.problems).toEqual([]);
  });
});
