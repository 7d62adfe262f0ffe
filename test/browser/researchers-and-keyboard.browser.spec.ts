import type { Page } from 'playwright-core';
import { en } from '../../web/src/i18n/messages/en';
import { browserTestbed, devSignIn, downloadedText, screenshot, tabTo, violations } from '../support/browser';
import { postGraphQL } from '../support/graphql-client';
import { bearer } from '../support/tokens';

const PATHS_FACTS = '{ lifePaths(first: 1) { k suppressedCount totalCount releasedAsOf } }';
const PATHS_PAGE = `query ($filter: LifePathFilter, $after: String) {
  lifePaths(filter: $filter, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { pseudonym } } }
}`;
/** As the life paths' picture asks: its 8 most common sequences of the filter. */
const SEQUENCES = `query ($filter: LifePathFilter) {
  lifePathSequences(filter: $filter, first: 8) { totalCount sequences { kinds count share } }
}`;
const CITIES = '{ cities { code programmes { code } } }';
/** Every figure of the trend's table: the rates, their targets, the counts. */
const TREND_FIELDS = 'asOf positiveExitRate positiveExitTarget jobReturnRate jobReturnTarget businessCreationRate businessCreationTarget enrolled active exited sustainedOutcomes6m';
const SERIES = `query ($city: String!, $programme: String, $from: Date, $to: Date) {
  dashboardSeries(city: $city, programme: $programme, from: $from, to: $to) { points { ${TREND_FIELDS} } }
}`;
const COUNTS = ['enrolled', 'active', 'exited', 'sustainedOutcomes6m'];
const TARGET_OF: Record<string, string> = { positiveExitRate: 'positiveExitTarget', jobReturnRate: 'jobReturnTarget', businessCreationRate: 'businessCreationTarget' };

type Row = Record<string, string | number | null>;

/** The API's answer to a query, as the given caller. */
async function apiData(origin: string, document: string, variables: Record<string, unknown>, authorization: string): Promise<any> {
  const { data, errors } = await postGraphQL(origin, document, variables, { authorization });
  if (errors) throw new Error(JSON.stringify(errors));
  return data;
}

/** The trend's table as data: each month end with the value behind every cell (rates, targets, counts). */
const trendTable = (page: Page): Promise<Row[]> =>
  page.locator('.trend-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      asOf: tr.getAttribute('data-month-end'),
      ...Object.fromEntries(
        [...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-field') ?? td.getAttribute('data-target') ?? td.getAttribute('data-count'), JSON.parse(td.getAttribute('data-value')!)]),
      ),
    })),
  );

/** The paths of the table shown, by pseudonym, once its caption says page `pageNumber` and its first row is `first`. */
async function pathsShown(page: Page, pageNumber: number, first: string): Promise<string[]> {
  await page.locator(`table.life-paths tbody tr:first-child[data-pseudonym="${first}"]`).waitFor();
  await page.locator('table.life-paths caption', { hasText: String(pageNumber) }).waitFor();
  return page.locator('table.life-paths tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-pseudonym')!));
}

/** The sequences picture's table as data, once it counts `totalCount` paths. */
async function sequencesShown(page: Page, totalCount: number) {
  await page.locator(`[data-counted="${totalCount}"]`).waitFor();
  const sequences = await page.locator('table.sequences tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ kinds: tr.getAttribute('data-kinds')!.split(' ').filter(Boolean), count: Number(tr.getAttribute('data-count')), share: Number(tr.getAttribute('data-share')) })),
  );
  return { totalCount, sequences };
}

/** A CSV of figures (the app's: no quoted cell) as its rows, each by the header's names. */
function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\r\n').map((line) => line.split(','));
  return lines.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}

/** A business date as typed into Chromium's date field in English (mmddyyyy). */
const typedDate = (isoDate: string) => `${isoDate.slice(5, 7)}${isoDate.slice(8, 10)}${isoDate.slice(0, 4)}`;

describe('researchers, and every action from the keyboard (Chromium, the built demo service)', () => {
  const testbed = browserTestbed();

  it('shows researchers’ perturbed counts marked ≈ with the note, and a count the API withholds as “hidden”, never 0 (the demo API withholds none: its answer is altered in the browser to hold one)', async () => {
    const { page } = await testbed.newPage();
    let answered: any = null;
    /** The answer with the first city's enrolled and exited withheld. */
    const withHeld = (answer: any) => {
      const altered = structuredClone(answer);
      altered.data.dashboards[0].enrolled = null;
      altered.data.dashboards[0].exited = null;
      return altered;
    };
    await page.route(`${testbed.origin}/graphql`, async (route) => {
      if (!route.request().postData()?.includes('query Dashboards')) return route.continue();
      const response = await route.fetch();
      answered = await response.json();
      return route.fulfill({ response, json: withHeld(answered) });
    });
    // The page reads the same figures again over its WebSocket once its subscriptions are set up: altered alike.
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        const parsed = typeof message === 'string' ? JSON.parse(message) : null;
        socket.send(parsed?.type === 'next' && parsed.payload?.data?.dashboards ? JSON.stringify({ ...parsed, payload: withHeld(parsed.payload) }) : message);
      });
    });
    await devSignIn(page, testbed.origin, 'researcher');
    await page.locator('.cards article[data-city] tr[data-figure="enrolled"] td.value').first().waitFor();
    await expect(page.locator('.note').first().innerText()).resolves.toMatch(/≈/);
    const dashboards: Row[] = answered.data.dashboards;
    expect(dashboards.length).toBe(3);
    for (const [i, dashboard] of dashboards.entries()) {
      for (const field of COUNTS) {
        const shown = (await page.locator(`.cards article[data-city="${dashboard.city}"] tr[data-figure="${field}"] td.value`).innerText()).trim();
        if (i === 0 && (field === 'enrolled' || field === 'exited')) {
          expect(shown).toBe(en['protected.hidden']);
        } else {
          expect(dashboard[field]).not.toBeNull();
          expect(shown.replace(/\s+/g, ' ')).toBe(`≈ ${en['protected.perturbedLabel']} ${new Intl.NumberFormat('en').format(dashboard[field] as number)}`);
        }
      }
      // Rates are computed from the perturbed counts, not perturbed themselves: no mark.
      expect(await page.locator(`.cards article[data-city="${dashboard.city}"] tr[data-figure="positiveExitRate"] td.value`).innerText()).not.toMatch(/≈/);
    }
    const cells = await page.locator('td.value').allInnerTexts();
    expect(cells.filter((text) => text.trim() === '0')).toEqual([]);
    await screenshot(page, 'researcher-protected-dashboards');
  }, 60_000);

  it('shows a researcher’s trend as the API’s perturbed month ends, chosen in months, and downloads it as CSV equal to the table', async () => {
    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'researcher');
    await page.getByRole('link', { name: 'Trends' }).click();
    await page.locator('.trend-table tbody tr').first().waitFor();
    const researcher = await bearer('researcher');
    const [city] = (await apiData(testbed.service.url, CITIES, {}, researcher)).cities;
    const api: Row[] = (await apiData(testbed.service.url, SERIES, { city: city.code }, researcher)).dashboardSeries.points;
    expect(api.length).toBe(24);
    expect(await trendTable(page)).toEqual(api);
    // Protected figures shown as such: every count perturbed (≈), the note saying how rates come from them.
    for (const text of await page.locator('.trend-table td[data-count]').allInnerTexts()) expect(text).toMatch(/^≈/);
    await expect(page.locator('.note').innerText()).resolves.toMatch(/computed from these perturbed counts/);

    // The span in months only: the 6 month ends up to the last but 2.
    expect(await page.locator('input[name=from]').getAttribute('type')).toBe('month');
    const to = api.at(-3)!.asOf as string;
    const from = api.at(-8)!.asOf as string;
    await page.locator('input[name=from]').fill(from.slice(0, 7));
    await page.locator('input[name=to]').fill(to.slice(0, 7));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.locator(`.trend-table tbody tr:last-child[data-month-end="${to}"]`).waitFor();
    const span: Row[] = (await apiData(testbed.service.url, SERIES, { city: city.code, from: `${from.slice(0, 7)}-01`, to }, researcher)).dashboardSeries.points;
    expect(span.map((p) => p.asOf)).toEqual(api.slice(-8, -2).map((p) => p.asOf));
    const table = await trendTable(page);
    expect(table).toEqual(span);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe(`trends-${city.code}-${from}-${to}.csv`);
    const rows = csvRows(await downloadedText(download));
    const fromCsv = table.map(({ asOf }) => {
      const month = rows.filter((row) => row.asOf === asOf);
      const number = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));
      return {
        asOf,
        ...Object.fromEntries(month.flatMap((row) => [[row.item!, number(row.value)], ...(TARGET_OF[row.item!] ? [[TARGET_OF[row.item!]!, number(row.target)]] : [])])),
      };
    });
    expect(fromCsv).toEqual(table);
    for (const row of rows) expect(row.protected).toBe(COUNTS.includes(row.item!) ? 'perturbed' : 'computed from perturbed counts');
    await screenshot(page, 'researcher-trends');
  }, 60_000);

  it('explores the life paths with k and the suppressed count, and downloads their CSV with the bearer token', async () => {
    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'researcher');
    await page.getByRole('link', { name: 'Life paths' }).click();
    await page.locator('table.life-paths tbody tr').first().waitFor();
    const api = (await postGraphQL(testbed.service.url, PATHS_FACTS, {}, { authorization: await bearer('researcher') })).data!.lifePaths;
    await expect(page.locator('[data-fact=k]').innerText()).resolves.toBe(String(api.k));
    await expect(page.locator('[data-fact=suppressedCount]').innerText()).resolves.toBe(String(api.suppressedCount));
    expect(await page.locator('table.sequences tbody tr').count()).toBeGreaterThan(0);

    await page.locator('select[name=outcome]').selectOption('POSITIVE');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('table.life-paths tbody tr td:nth-child(8)', { hasNotText: 'Positive' }).first().waitFor({ state: 'detached' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe(`life-paths-${api.releasedAsOf}.csv`);
    const lines = (await downloadedText(download)).trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes('POSITIVE'))).toBe(true);
    await screenshot(page, 'researcher-life-paths');
  }, 60_000);

  it('pictures the most common sequences of steps of every path of the filter, the API’s, the same on every page', async () => {
    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'researcher');
    await page.getByRole('link', { name: 'Life paths' }).click();
    const researcher = await bearer('researcher');
    const whole = (await apiData(testbed.service.url, SEQUENCES, {}, researcher)).lifePathSequences;
    expect(whole.totalCount).toBeGreaterThan(100);
    expect(whole.sequences).toHaveLength(8);
    expect(await sequencesShown(page, whole.totalCount)).toEqual(whole);
    await expect(page.locator('[data-counted]').innerText()).resolves.toContain(new Intl.NumberFormat('en').format(whole.totalCount));
    const firstRow = page.locator('table.sequences tbody tr').first();
    await expect(firstRow.innerText()).resolves.toContain(new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(whole.sequences[0].share));

    const firstPage = await page.locator('table.life-paths tbody tr:first-child').getAttribute('data-pseudonym');
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.locator(`table.life-paths tbody tr:first-child:not([data-pseudonym="${firstPage}"])`).waitFor();
    expect(await sequencesShown(page, whole.totalCount)).toEqual(whole);

    await page.locator('select[name=outcome]').selectOption('POSITIVE');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const positive = (await apiData(testbed.service.url, SEQUENCES, { filter: { outcome: 'POSITIVE' } }, researcher)).lifePathSequences;
    expect(positive.totalCount).toBeLessThan(whole.totalCount);
    expect(await sequencesShown(page, positive.totalCount)).toEqual(positive);
    await page.locator('[data-fact=totalCount]', { hasText: String(positive.totalCount) }).waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'researcher-life-path-sequences');
  }, 60_000);

  it('offers a coordinator of one city that city only, in the trends’ and the life paths’ city choices', async () => {
    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'coordinator', 'frankfurt');
    await page.getByRole('link', { name: 'Trends' }).click();
    await page.locator('.trend-table tbody tr').first().waitFor();
    expect(await page.locator('select[name=city] option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toEqual(['frankfurt']);
    await page.getByRole('link', { name: 'Life paths' }).click();
    await page.locator('table.life-paths tbody tr').first().waitFor();
    expect(await page.locator('select[name=city] option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toEqual(['frankfurt']);
    expect(new Set(await page.locator('table.life-paths tbody td[data-city]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-city'))))).toEqual(new Set(['frankfurt']));
  }, 60_000);

  it('lets every action be done with the keyboard alone, focus always visible', async () => {
    const { page } = await testbed.newPage();
    const coordinator = await bearer('coordinator', '*');
    await page.goto(`${testbed.origin}/sign-in`);
    // Sign in: choose the role with the arrow keys, submit with Enter.
    await tabTo(page, 'select[name=role]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.locator('header nav').waitFor();
    await page.locator('.survival').waitFor();

    // The language switch, kept across visits; the focused control is outlined.
    await tabTo(page, 'select:not([name])');
    // (A string: it runs in the browser, whose DOM these tests are not compiled against.)
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    // The app sets the page's language once it has rendered in the new one: waited for, not read at once.
    await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });
    await page.reload();
    await page.locator('header nav').waitFor();
    await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });

    // A date for "as of", then back to live figures.
    await tabTo(page, 'input[name=asOf]');
    await page.keyboard.type('12312007');
    await page.locator('.status', { hasText: '2007' }).first().waitFor();
    await tabTo(page, '.toolbar button');
    await page.keyboard.press('Enter');
    await page.locator('.status', { hasText: /direct/ }).first().waitFor();

    // Another programme, the curve's table opened, the CSV downloaded.
    await tabTo(page, 'select[name=programme]');
    await page.keyboard.press('ArrowDown');
    await page.locator('.detail[data-scope$="/"]').waitFor({ state: 'detached' });
    await tabTo(page, 'details summary');
    await page.keyboard.press('Enter');
    await page.locator('.survival-table').waitFor();
    await tabTo(page, '.detail button.primary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^dashboards-live\.csv$/);

    // Trends: another city and its first programme with the arrow keys, a start typed, all applied
    // at once with Enter; nothing is asked before. The table is then the API's series of that choice.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'nav a[href="/trends"]');
    await page.keyboard.press('Enter');
    await page.locator('.trend-table tbody tr').first().waitFor();
    const [paris, frankfurt] = (await apiData(testbed.service.url, CITIES, {}, coordinator)).cities;
    const whole: Row[] = (await apiData(testbed.service.url, SERIES, { city: frankfurt.code }, coordinator)).dashboardSeries.points;
    const from = whole[2]!.asOf as string;
    await tabTo(page, 'select[name=city]');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'select[name=programme]');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('h2').first().innerText()).not.toContain('Frankfurt');
    await tabTo(page, 'input[name=from]');
    await page.keyboard.type(typedDate(from));
    await page.keyboard.press('Enter');
    await page.locator(`.trend-table tbody tr:first-child[data-month-end="${from}"]`).waitFor();
    const chosen: Row[] = (await apiData(testbed.service.url, SERIES, { city: frankfurt.code, programme: frankfurt.programmes[0].code, from }, coordinator)).dashboardSeries.points;
    expect(paris.code).not.toBe(frankfurt.code);
    expect(await trendTable(page)).toEqual(chosen);
    // Its CSV, with the Space key.
    await tabTo(page, 'button.primary[type=button]');
    const [trendFile] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Space')]);
    expect(trendFile.suggestedFilename()).toBe(`trends-${frankfurt.code}-${frankfurt.programmes[0].code}-${from}-${chosen.at(-1)!.asOf}.csv`);

    // Life paths: the next page with Space, then a filter with the arrow keys and Enter; each
    // time the table holds the API's page.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'nav a[href="/life-paths"]');
    await page.keyboard.press('Enter');
    const first = (await apiData(testbed.service.url, PATHS_PAGE, {}, coordinator)).lifePaths;
    const pseudonyms = (answer: any): string[] => answer.edges.map((edge: any) => edge.node.pseudonym);
    expect(await pathsShown(page, 1, pseudonyms(first)[0]!)).toEqual(pseudonyms(first));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await apiData(testbed.service.url, PATHS_PAGE, { after: first.pageInfo.endCursor }, coordinator)).lifePaths;
    await tabTo(page, '.pager button');
    await page.keyboard.press('Space');
    expect(await pathsShown(page, 2, pseudonyms(second)[0]!)).toEqual(pseudonyms(second));

    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'select[name=outcome]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const filtered = (await apiData(testbed.service.url, PATHS_PAGE, { filter: { outcome: 'NEUTRAL' } }, coordinator)).lifePaths;
    await tabTo(page, 'form.filters button[type=submit]');
    await page.keyboard.press('Enter');
    expect(await pathsShown(page, 1, pseudonyms(filtered)[0]!)).toEqual(pseudonyms(filtered));
    await expect(page.locator('[data-fact=totalCount]').innerText()).resolves.toBe(String(filtered.totalCount));
    await screenshot(page, 'keyboard-life-paths-filtered');

    // Sign-out.
    await tabTo(page, '.header-tools button');
    await page.keyboard.press('Enter');
    await page.locator('form.dev-sign-in').waitFor();
  }, 120_000);
});
