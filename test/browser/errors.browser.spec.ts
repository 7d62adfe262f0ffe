import type { Page } from 'playwright-core';
import { issueToken } from '../../src/auth/issue-token';
import type { Role } from '../../src/auth/principal';
import { en } from '../../web/src/i18n/messages/en';
import { fr } from '../../web/src/i18n/messages/fr';
import { browserTestbed, devSignIn, keepDevToken, screenshot, tabTo, untranslatedKeys, violations } from '../support/browser';
import { TEST_JWT_SECRET } from '../support/tokens';

/** Signs in on the development sign-in page the app went to, and checks it comes back to `path`, showing `shown`. */
async function signInBackTo(page: Page, role: string, path: string, shown: string): Promise<void> {
  const form = page.locator('form.dev-sign-in');
  await form.waitFor();
  await form.locator('select[name=role]').selectOption(role);
  await form.locator('button[type=submit]').click();
  await page.locator(shown).waitFor({ timeout: 20_000 });
  expect(new URL(page.url()).pathname).toBe(path);
}

describe('errors as a person meets them in the web app (Chromium, the built demo service)', () => {
  const testbed = browserTestbed();

  it('answers a token the service refuses with its translated message, its code, and a sign-in again, by keyboard, back to the same page', async () => {
    const { page } = await testbed.newPage();
    // Signed with another secret and not expired: only the service can tell it is not valid.
    const forged = await issueToken({ secret: 'another-secret-of-at-least-thirty-two-characters' }, { sub: 'forged', role: 'researcher', city: null });
    await keepDevToken(page, testbed.origin, forged);
    await page.goto(`${testbed.origin}/life-paths`);
    const alert = page.locator('.error', { hasText: en['error.UNAUTHENTICATED'] }).first();
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toContain('Error code: UNAUTHENTICATED');
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'errors-unauthenticated-en');

    await tabTo(page, `.error button:text("${en['error.signInAgain']}")`);
    await page.keyboard.press('Enter');
    await signInBackTo(page, 'researcher', '/life-paths', 'table.life-paths');
    expect(await page.locator('.error').count()).toBe(0);
  }, 90_000);

  it('ends an expired development session on the sign-in page, which comes back to the page it was on', async () => {
    const { page } = await testbed.newPage();
    const expired = await issueToken({ secret: TEST_JWT_SECRET }, { sub: 'coordinator-expired', role: 'coordinator', city: 'paris' }, '1s');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await keepDevToken(page, testbed.origin, expired);
    await page.goto(`${testbed.origin}/trends`);
    await signInBackTo(page, 'coordinator', '/trends', '#trends-title');
  }, 60_000);

  it.each([
    ['en', en],
    ['fr', fr],
  ] as const)('names the refused field when a researcher asks for figures as of a month that is not over, in %s', async (language, messages) => {
    const { page } = await testbed.newPage(language);
    await devSignIn(page, testbed.origin, 'researcher');
    await page.locator('.card').first().waitFor({ timeout: 20_000 });
    // The page moves a researcher's date to the end of its month: far ahead, that month is not over.
    await page.locator('input[name=asOf]').fill('2099-06-15');
    const alert = page.locator('.error', { hasText: messages['error.BAD_USER_INPUT'] }).first();
    await alert.waitFor({ timeout: 20_000 });
    const text = await alert.innerText();
    expect(text).toContain(messages['error.field'].replace('{field}', `${messages['dashboards.asOf']} (asOf)`));
    expect(text).toContain(messages['error.code'].replace('{code}', 'BAD_USER_INPUT'));
    // The service's own words stay beside it, marked as English.
    expect(await alert.locator('[lang=en]').first().innerText()).toContain('2099-06-30');
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `errors-bad-user-input-${language}`);
  }, 90_000);

  it("names the signed-in city as the catalogue does, picked from the service's cities on the development sign-in", async () => {
    const { page } = await testbed.newPage();
    await page.goto(`${testbed.origin}/sign-in`);
    const cities = page.locator('form.dev-sign-in select[name=city] option');
    await cities.first().waitFor({ state: 'attached' });
    expect(await cities.evaluateAll((options) => options.map((option) => option.getAttribute('value')))).toEqual(['*', 'paris', 'frankfurt', 'stockholm']);
    await devSignIn(page, testbed.origin, 'coordinator', 'frankfurt');
    await page.locator('.who', { hasText: 'coordinator, Frankfurt am Main' }).waitFor();
  }, 60_000);

  it("says an adviser's page that cannot be fetched is the network's failure, and shows it once the network is back, without a reload", async () => {
    const { page } = await testbed.newPage();
    await page.route('**/assets/case-list-page-*.js', (route) => route.abort('internetdisconnected'));
    await devSignIn(page, testbed.origin, 'adviser', 'paris');
    await page.locator('[role=alert]', { hasText: en['error.NETWORK_ERROR'] }).waitFor({ timeout: 20_000 });
    expect(await page.locator('[role=alert]').innerText()).toContain('NETWORK_ERROR');
    await screenshot(page, 'errors-page-chunk-unreachable-en');
    await page.unroute('**/assets/case-list-page-*.js');
    // No reload: going to another page and back fetches the chunk anew.
    await page.getByRole('link', { name: en['nav.dashboards'] }).click();
    await page.getByRole('link', { name: en['nav.cases'] }).click();
    await page.locator('h1', { hasText: en['cases.title'] }).waitFor({ timeout: 20_000 });
  }, 60_000);

  it('says a role has no page, with a sign-out, for a token the service signed with its secret but of a role the app does not know (POST /auth/dev-token refuses such a role)', async () => {
    const refused = await fetch(`${testbed.origin}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'operator', city: '*' }),
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()) as unknown).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'role' }] } }] });

    const { page } = await testbed.newPage();
    const token = await issueToken({ secret: TEST_JWT_SECRET }, { sub: 'operator-all', role: 'operator' as Role, city: null });
    await keepDevToken(page, testbed.origin, token);
    await page.goto(`${testbed.origin}/dashboards`);
    const note = page.locator('main [role=alert]', { hasText: en['app.noPage'].replace('{role}', 'operator') });
    await note.waitFor({ timeout: 20_000 });
    expect(await page.locator('nav').count()).toBe(0);
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'errors-no-page-en');

    await tabTo(page, `main button:text("${en['session.signOut']}")`);
    await page.keyboard.press('Enter');
    await page.locator('form.dev-sign-in').waitFor();
  }, 90_000);
});
