import { browserTestbed, devSignIn, downloadedText, screenshot, tabTo } from '../support/browser';
import { postGraphQL } from '../support/graphql-client';
import { bearer } from '../support/tokens';

const PATHS_FACTS = '{ lifePaths(first: 1) { k suppressedCount totalCount releasedAsOf } }';

describe('researchers, and every action from the keyboard (Chromium, the built demo service)', () => {
  const testbed = browserTestbed();

  it('shows researchers’ protected figures as such, never a hidden count as 0, with the note explaining them', async () => {
    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'researcher');
    await page.locator('.cards article[data-city] tr[data-figure="enrolled"] td.value').first().waitFor();
    await expect(page.locator('.note').innerText()).resolves.toMatch(/≈/);
    const counts = await page.locator('.cards article[data-city] tr[data-figure="enrolled"] td.value').allInnerTexts();
    for (const shown of counts) expect(shown).toMatch(/^≈|hidden/);
    // A count the API withholds (null) reads "hidden", a perturbed one carries its mark; neither reads as a bare 0.
    const cells = await page.locator('td.value').allInnerTexts();
    expect(cells.filter((text) => text.trim() === '0')).toEqual([]);
    await screenshot(page, 'researcher-protected-dashboards');
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

  it('lets every action be done with the keyboard alone, focus always visible', async () => {
    const { page } = await testbed.newPage();
    await page.goto(`${testbed.origin}/sign-in`);
    // Sign in: choose the role with the arrow keys, submit with Enter.
    await tabTo(page, 'select[name=role]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.locator('nav').waitFor();
    await page.locator('.survival').waitFor();

    // The language switch, kept across visits; the focused control is outlined.
    await tabTo(page, 'select:not([name])');
    // (A string: it runs in the browser, whose DOM these tests are not compiled against.)
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('fr');
    await page.reload();
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('fr');

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

    // Another page from the menu, and sign-out.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'nav a[href="/trends"]');
    await page.keyboard.press('Enter');
    await page.locator('#trends-title').waitFor();
    await tabTo(page, '.header-tools button');
    await page.keyboard.press('Enter');
    await page.locator('form.dev-sign-in').waitFor();
  }, 90_000);
});
