import { postGraphQL } from '../support/graphql-client';
import { browserTestbed, devSignIn, downloadedText, requestsElsewhere, screenshot } from '../support/browser';
import { apiFigures, enrolAndExit, overviewFigure, waitForShown } from '../support/live-figures';
import { bearer } from '../support/tokens';

const CURVE = '{ timeToOutcome(city: "paris") { medianDays points { day stillSearching atRisk events } } }';
const SERIES = `{ dashboardSeries(city: "paris") { points {
  asOf positiveExitRate positiveExitTarget jobReturnRate jobReturnTarget businessCreationRate businessCreationTarget
  enrolled active exited sustainedOutcomes6m
} } }`;
/** A count as the page shows it to a coordinator ("1,234"), back to a number. */
const countOf = (text: string) => Number(text.replace(/\D/g, ''));

describe('coordinators in a real browser (Chromium, the built demo service)', () => {
  const testbed = browserTestbed();

  it('sees the three cities’ dashboards with the demo data, every figure beside its target, from the service’s own origin only', async () => {
    const { page } = await testbed.newPage();
    const elsewhere = requestsElsewhere(page, testbed.origin);
    await devSignIn(page, testbed.origin, 'coordinator');
    for (const city of ['paris', 'frankfurt', 'stockholm']) {
      await page.locator(overviewFigure(city, 'enrolled')).waitFor();
      expect(Number((await page.locator(overviewFigure(city, 'enrolled')).innerText()).replace(/\D/g, ''))).toBeGreaterThan(50);
      expect(await page.locator(`.cards article[data-city="${city}"] tr[data-figure="positiveExitRate"] td.target`).innerText()).toMatch(/60\s?%/);
    }
    await page.locator('.survival table').waitFor({ state: 'attached' });
    // Each card's time of its last change is shown, not announced at every push (the live status line says pauses).
    expect(await page.locator('.cards [aria-live]').count()).toBe(0);
    await screenshot(page, 'coordinator-dashboards');
    expect(elsewhere).toEqual([]);
  }, 60_000);

  it('shows an exit recorded through the API as soon as the page shows its figures, without a reload: the API’s figures', async () => {
    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'coordinator');
    await page.locator(overviewFigure('paris', 'exited')).waitFor();
    let navigations = 0;
    page.on('framenavigated', () => navigations++);

    // At once: the page may not have subscribed yet, and must not miss it all the same.
    await enrolAndExit(testbed.service.url, () => bearer('adviser', 'paris'));
    const api = await apiFigures(testbed.service.url, 'paris', await bearer('coordinator', '*'));

    await waitForShown(page, overviewFigure('paris', 'exited'), api.exited);
    await waitForShown(page, overviewFigure('paris', 'enrolled'), api.enrolled);
    await waitForShown(page, '.detail tr[data-figure="exited"] td.value', api.exited);
    expect(navigations).toBe(0);
  }, 60_000);

  it('has a table beside the Kaplan-Meier curve holding the API’s values', async () => {
    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'coordinator');
    await page.locator('select[name=city]').selectOption('paris');
    const rows = page.locator('.survival-table tbody tr');
    await rows.first().waitFor({ state: 'attached' });
    const api = (await postGraphQL(testbed.service.url, CURVE, {}, { authorization: await bearer('coordinator', '*') })).data!.timeToOutcome;
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        day: Number(tr.getAttribute('data-day')),
        cells: [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''),
        stillSearching: Number(tr.getAttribute('data-still-searching')),
      })),
    );
    expect(shown.map(({ day, cells: [dayText, , atRisk, events], stillSearching }) => ({ day, dayText: countOf(dayText!), stillSearching, atRisk: countOf(atRisk!), events: countOf(events!) }))).toEqual(
      api.points.map(({ day, stillSearching, atRisk, events }: { day: number; stillSearching: number; atRisk: number; events: number }) => ({ day, dayText: day, stillSearching, atRisk, events })),
    );
    const summary = await page.locator('.survival > p').innerText();
    expect(summary).toContain(String(api.medianDays));
  }, 60_000);

  it('has a table beside the trend chart holding the API’s monthly series', async () => {
    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'coordinator');
    await page.getByRole('link', { name: 'Trends' }).click();
    const rows = page.locator('.trend-table tbody tr');
    await rows.first().waitFor();
    const api = (await postGraphQL(testbed.service.url, SERIES, {}, { authorization: await bearer('coordinator', '*') })).data!.dashboardSeries;
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        asOf: tr.getAttribute('data-month-end'),
        ...Object.fromEntries([...tr.querySelectorAll('td[data-field]')].map((td) => [td.getAttribute('data-field'), JSON.parse(td.getAttribute('data-value')!)])),
        ...Object.fromEntries([...tr.querySelectorAll('td[data-target]')].map((td) => [td.getAttribute('data-target'), JSON.parse(td.getAttribute('data-value')!)])),
        ...Object.fromEntries([...tr.querySelectorAll('td[data-count]')].map((td) => [td.getAttribute('data-count'), td.textContent ?? ''])),
      })),
    );
    expect(shown.map((row) => ({ ...row, enrolled: countOf(row.enrolled), active: countOf(row.active), exited: countOf(row.exited), sustainedOutcomes6m: countOf(row.sustainedOutcomes6m) }))).toEqual(api.points);
    // A static picture: uPlot's clickable legend is off; the page's own legend names each line, as the table's columns.
    expect(await page.locator('.chart .u-legend').count()).toBe(0);
    const columns = await page.locator('.trend-table thead th').allInnerTexts();
    expect(await page.locator('.chart-legend li').count()).toBe(3);
    expect(await page.locator('.chart-legend .legend-entry').allInnerTexts()).toEqual(columns.slice(1, 7));
    await screenshot(page, 'coordinator-trends');
  }, 60_000);

  it('downloads a CSV of the figures shown', async () => {
    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'coordinator');
    await page.locator('.detail button.primary:not([disabled])').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.detail button.primary').click()]);
    const text = await downloadedText(download);
    expect(text.split('\r\n')[0]).toBe('section,city,programme,asOf,item,value,target,protected');
    expect(text).toMatch(/^figure,paris,,,positiveExitRate,[\d.]+,0\.6,$/m);
  }, 60_000);

  it('sends a browser at /graphql to GraphiQL, bundled: it runs a query with the session’s token, nothing from another origin', async () => {
    const { page } = await testbed.newPage();
    const elsewhere = requestsElsewhere(page, testbed.origin);
    await devSignIn(page, testbed.origin, 'coordinator');
    await page.goto(`${testbed.origin}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/graphiql');
    // The editor shows its example query once it is ready to run it.
    await page.locator('.graphiql-query-editor', { hasText: 'cities' }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response', { hasText: 'paris' }).waitFor();
    await screenshot(page, 'graphiql');
    expect(elsewhere).toEqual([]);
  }, 60_000);

  it('answers a missing asset with 404 and the service’s JSON error, and serves the page with its CSP and caching', async () => {
    const missing = await fetch(`${testbed.origin}/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: [{ message: 'Cannot GET /assets/nope.js', extensions: { code: 'NOT_FOUND' } }] });
    expect((await fetch(`${testbed.origin}/favicon-missing.png`)).status).toBe(404);

    const page = await fetch(`${testbed.origin}/life-paths`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+;/);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1];
    const asset = await fetch(`${testbed.origin}${script}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
