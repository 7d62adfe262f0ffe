import { type Browser, chromium, type Page } from 'playwright-core';
import { OidcClient } from '../../web/src/auth/oidc-client';
import { en } from '../../web/src/i18n/messages/en';
import { CHROMIUM, screenshot } from '../support/browser';
import { eventually } from '../support/eventually';
import { apiFigures, enrolAndExit, overviewFigure, waitForShown } from '../support/live-figures';
import { type OidcProviderForTests, planOidcProvider } from '../support/oidc-provider';
import { type ServiceProcess, startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';

/** Short enough to see a silent renewal (at three quarters of its life) within a test. */
const ACCESS_TOKEN_SECONDS = 8;

/** Read in the page: what the app keeps of the session in sessionStorage (its key), and what localStorage holds but the language. */
const STORED_TOKENS = "({ session: sessionStorage.getItem('journeys.tokens'), local: Object.keys(localStorage).filter((key) => key !== 'locale') })";

/** Run in the page: the kept tokens without their refresh token, as a provider that gives none would leave them. */
const FORGET_REFRESH_TOKEN = "sessionStorage.setItem('journeys.tokens', JSON.stringify({ ...JSON.parse(sessionStorage.getItem('journeys.tokens')), refreshToken: null }))";

const storedTokens = (page: Page) => page.evaluate<{ session: string | null; local: string[] }>(STORED_TOKENS);

const accessTokenOf = async (page: Page): Promise<string | null> => {
  const { session } = await storedTokens(page);
  return session === null ? null : (JSON.parse(session) as { accessToken: string }).accessToken;
};

describe('sign-in through the OpenID provider in a real browser (Chromium, the built demo service, oidc-provider in the test)', () => {
  const tmp = tempDir();
  let service: ServiceProcess;
  let provider: OidcProviderForTests;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    const plan = await planOidcProvider();
    service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${tmp.file('demo.db')}`, ...plan.serviceEnv }, 'cli/demo.js');
    origin = new URL(service.url).origin;
    provider = await plan.start(origin, { accessTokenTtlSeconds: ACCESS_TOKEN_SECONDS });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await provider?.close();
    if (service) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    tmp.remove();
  });

  /** Opens the app in a fresh browser, signs in at the provider's login page as `login`, and waits for the app's pages. */
  async function signIn(login: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'en' })).newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: en['signIn.oidc'] }).click();
    await page.waitForURL((url) => url.origin === provider.issuer && url.pathname.startsWith('/interaction/'));
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.locator('header nav').waitFor();
    return page;
  }

  /** A bearer access token of the provider's for `login`, signed in from Node as the app does (they live seconds here: one per request). */
  async function providerBearer(login: string): Promise<string> {
    const { oidc } = (await (await fetch(`${origin}/app-config.json`)).json()) as { oidc: { issuer: string; clientId: string; scopes: string } };
    const client = await OidcClient.discover({ ...oidc, redirectUri: `${origin}/` });
    const { url, pending } = await client.authorizationUrl();
    const tokens = await client.exchangeCode(await provider.signInWithoutBrowser(url, login), pending);
    return `Bearer ${tokens.accessToken}`;
  }

  it("signs a coordinator of every city in at the provider: back on the three cities' dashboards with the demo data, the code gone from the address, the tokens in this tab only", async () => {
    const page = await signIn('coordinator-all');
    expect(new URL(page.url()).pathname).toBe('/dashboards');
    expect(new URL(page.url()).search).toBe('');
    for (const city of ['paris', 'frankfurt', 'stockholm']) {
      const enrolled = page.locator(`.cards article[data-city="${city}"] tr[data-figure="enrolled"] td.value`);
      await enrolled.waitFor();
      expect(Number((await enrolled.innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    }
    const { session, local } = await storedTokens(page);
    expect(JSON.parse(session!)).toMatchObject({ kind: 'oidc', accessToken: expect.any(String), refreshToken: expect.any(String), idToken: expect.any(String) });
    expect(local).toEqual([]);
    await screenshot(page, 'oidc-signed-in');
  }, 60_000);

  it('shows a signed-in coordinator an exit recorded through the API on the open page, without a reload: the API’s figures', async () => {
    const page = await signIn('coordinator-all');
    await page.locator(overviewFigure('paris', 'exited')).waitFor();
    let navigations = 0;
    page.on('framenavigated', () => navigations++);

    await enrolAndExit(service.url, () => providerBearer('adviser-paris'));
    const api = await apiFigures(service.url, 'paris', await providerBearer('coordinator-all'));

    await waitForShown(page, overviewFigure('paris', 'exited'), api.exited);
    await waitForShown(page, overviewFigure('paris', 'enrolled'), api.enrolled);
    expect(navigations).toBe(0);
    await screenshot(page, 'oidc-live-exit');
  }, 60_000);

  it("shows a coordinator of one city that city's dashboard only", async () => {
    const page = await signIn('coordinator-paris');
    await page.locator('.cards article[data-city="paris"] tr[data-figure="enrolled"] td.value').waitFor();
    expect(await page.locator('.cards article[data-city]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-city')))).toEqual(['paris']);
    await page.locator('.who', { hasText: 'Paris' }).waitFor();
  }, 60_000);

  it('renews the access token before it expires, without leaving the page', async () => {
    const page = await signIn('coordinator-paris');
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    const first = await accessTokenOf(page);
    await eventually('another access token is kept in place of the first', async () => ![null, first].includes(await accessTokenOf(page)), ACCESS_TOKEN_SECONDS * 3_000);
    expect(navigations).toBe(0);
    // Still signed in and served: the figures are there with the new token.
    await page.locator('.cards article[data-city="paris"] tr[data-figure="enrolled"] td.value').waitFor();
    expect(await accessTokenOf(page)).not.toBeNull();
  }, 60_000);

  it("falls back to a new sign-in without a refresh token: the provider's session brings the browser straight back, signed in", async () => {
    const page = await signIn('coordinator-paris');
    await page.evaluate(FORGET_REFRESH_TOKEN);
    await page.reload();
    const first = await accessTokenOf(page);
    const visited: string[] = [];
    page.on('request', (request) => request.isNavigationRequest() && visited.push(new URL(request.url()).origin));
    await eventually('a new sign-in has brought another access token', async () => ![null, first].includes(await accessTokenOf(page).catch(() => null)), ACCESS_TOKEN_SECONDS * 3_000);
    expect(visited).toContain(provider.issuer);
    await page.locator('.cards article[data-city="paris"] tr[data-figure="enrolled"] td.value').waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboards');
  }, 60_000);

  it("signs out at the provider too: back at the app's sign-in, and a new sign-in asks for the login again", async () => {
    const page = await signIn('coordinator-paris');
    await page.getByRole('button', { name: en['session.signOut'] }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('button', { name: /sign me out/i }).click();
    await page.waitForURL((url) => url.origin === origin);
    await page.getByRole('button', { name: en['signIn.oidc'] }).waitFor();
    expect(await accessTokenOf(page)).toBeNull();
    await page.getByRole('button', { name: en['signIn.oidc'] }).click();
    await page.waitForURL((url) => url.origin === provider.issuer && url.pathname.startsWith('/interaction/'));
    await page.locator('input[name=login]').waitFor();
  }, 60_000);
});
