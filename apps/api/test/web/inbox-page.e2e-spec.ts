import { describeInBrowser, fitsWidth, openBrowser, signIn, startWebServer, type BrowserSession, type WebServer } from './browser';

jest.setTimeout(120_000);

// Written for these tests: a report close to the founding story, and one about nothing in it.
const CLOSE = 'Steve Witkoff met Kirill Dmitriev again, Kremlin officials said; the back-channel talks on the Ukraine peace plan continued in Miami.';
const UNRELATED = 'Astronomers at Kessel Observatory photographed the comet Ferro-Kel passing Jupiter.';

describeInBrowser('the inbox page: reports waiting for an analyst, with the router\u2019s proposals', () => {
  let server: WebServer;
  let browser: BrowserSession;
  let close: string;
  let unrelated: string;

  beforeAll(async () => {
    server = await startWebServer();
    // Nothing joins at once and nothing opens a story at once: both reports wait.
    await server.api.http().put('/inbox/policy').send({ threshold: null, autoOpen: false }).expect(201);
    close = (await server.api.http().post('/reports').send({ text: CLOSE, headline: 'Witkoff and Dmitriev meet again' }).expect(202)).body.reportId;
    unrelated = (await server.api.http().post('/reports').send({ text: UNRELATED, headline: 'Comet passes Jupiter' }).expect(202)).body.reportId;
    browser = await openBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.api.close();
  });

  it('lists the waiting reports with their proposals, the founding story first for the close one', async () => {
    const { page } = browser;
    await signIn(page, server.baseUrl);
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Inbox default' }).waitFor();
    const card = page.locator(`[data-report="${close}"]`);
    await card.waitFor();
    expect(await card.locator('.proposal-story').first().textContent()).toMatch(/Witkoff/);
    expect(await page.locator(`[data-report="${unrelated}"]`).count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    expect(browser.problems).toEqual([]);
    await browser.screenshot('phone-inbox.png');
  });

  it('accepts one into the proposed story and rejects the other; both leave the waiting list', async () => {
    const { page } = browser;
    await page.locator(`[data-report="${close}"] .proposal button`).first().click();
    await page.locator(`[data-report="${close}"]`).waitFor({ state: 'detached' });
    const reject = page.locator(`[data-report="${unrelated}"]`);
    await reject.getByLabel('Why reject it').fill('not about any story');
    await reject.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('Nothing waits for an analyst.').waitFor();
    const accepted = (await server.api.http().get('/inbox?status=accepted').expect(200)).body.reports;
    expect(accepted).toEqual([expect.objectContaining({ reportId: close, storyId: expect.any(String) })]);
    const rejected = (await server.api.http().get('/inbox?status=rejected').expect(200)).body.reports;
    expect(rejected.map((report: { reportId: string }) => report.reportId)).toEqual([unrelated]);
    expect(browser.problems).toEqual([]);
  });
});
