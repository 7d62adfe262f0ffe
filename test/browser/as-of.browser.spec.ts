import { browserTestbed, devSignIn, screenshot } from '../support/browser';
import { postGraphQL } from '../support/graphql-client';
import { bearer } from '../support/tokens';

const AS_OF = `query ($asOf: Date) {
  cityDashboard(city: "paris", asOf: $asOf) { enrolled exited }
  timeToOutcome(city: "paris", asOf: $asOf) { medianDays points { day stillSearching } }
}`;

type Point = { day: number; stillSearching: number };

describe('a coordinator looks back to a past date in a real browser (Chromium, the built demo service)', () => {
  const testbed = browserTestbed();

  it('shows the figures and the Kaplan-Meier curve of that date, both the API’s for it, not today’s', async () => {
    const coordinator = { authorization: await bearer('coordinator', '*') };
    const answer = async (asOf: string | null) => (await postGraphQL(testbed.service.url, AS_OF, { asOf }, coordinator)).data!;
    // The first month end with half of today's participants enrolled: both dates have jobs and open cases.
    const series = (await postGraphQL(testbed.service.url, '{ dashboardSeries(city: "paris") { points { asOf enrolled } } }', {}, coordinator)).data!.dashboardSeries.points;
    const { asOf } = series.find((point: { enrolled: number }) => point.enrolled >= series.at(-1).enrolled / 2);
    const [past, live] = [await answer(asOf), await answer(null)];
    expect(past.timeToOutcome.points).not.toEqual(live.timeToOutcome.points);

    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'coordinator');
    await page.locator('select[name=city]').selectOption('paris');
    await page.locator('input[name=asOf]').fill(asOf);
    const detail = page.locator('.detail[data-scope="paris/"]');
    await detail.locator('tr[data-figure="enrolled"] td.value', { hasText: new RegExp(`^${past.cityDashboard.enrolled}$`) }).waitFor();
    const rows = detail.locator('.survival-table tbody tr');
    await page.waitForFunction(`document.querySelectorAll('.detail .survival-table tbody tr').length === ${past.timeToOutcome.points.length}`);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({ day: Number(tr.getAttribute('data-day')), stillSearching: Number(tr.getAttribute('data-still-searching')) })));
    expect(shown).toEqual(past.timeToOutcome.points.map(({ day, stillSearching }: Point) => ({ day, stillSearching })));
    expect(await detail.locator('.survival > p').innerText()).toContain(String(past.timeToOutcome.medianDays));
    await screenshot(page, 'coordinator-as-of');
  }, 60_000);
});
