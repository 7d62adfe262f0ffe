import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Download, type Page } from 'playwright-core';
import { en } from '../../web/src/i18n/messages/en';
import { startServiceProcess, type ServiceProcess } from './service-process';
import { tempDir } from './temp-files';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it): no browser is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '../../test-artifacts/screenshots');

/** The app's languages, as the switch names them. */
export const LANGUAGES = ['en', 'fr', 'de', 'sv'] as const;

/** What a browser test file works against: the built demo service and one headless Chromium. */
export interface BrowserTestbed {
  /** The service's origin, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  readonly service: ServiceProcess;
  /** A fresh browser context (its own storage), in the given language, with a page. */
  newPage(locale?: string): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Declares, inside a `describe`, the built service (`npm run build`) running `npm run demo` on a
 * fresh file (the demo's programme run in every city) and a headless Chromium; both end after the
 * file's tests.
 */
export function browserTestbed(): BrowserTestbed {
  const tmp = tempDir();
  let service: ServiceProcess | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    // The tests sign their own tokens with a test secret, so the development sign-in is asked for.
    service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${tmp.file('demo.db')}`, DEV_SIGN_IN: 'true' }, 'cli/demo.js');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (service) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    tmp.remove();
  });
  const started = () => {
    if (!service || !browser) throw new Error('The testbed starts in beforeAll: use it inside a test or hook');
    return { service, browser };
  };
  return {
    get origin() {
      return new URL(started().service.url).origin;
    },
    get service() {
      return started().service;
    },
    async newPage(locale = 'en') {
      const context = await started().browser.newContext({ locale, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
  };
}

/** Signs in through the app's development sign-in form, and waits for the first page of the role (the header's menu: a page may hold other menus, such as the case list's pager). */
export async function devSignIn(page: Page, origin: string, role: string, city = '*'): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  const form = page.locator('form.dev-sign-in');
  await form.locator('select[name=role]').selectOption(role);
  await form.locator('select[name=city]').selectOption(city);
  await form.locator('button[type=submit]').click();
  await page.locator('header nav').waitFor();
}

/** Writes a screenshot of the whole page to test-artifacts/screenshots/ (git-ignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Message keys of the app that show on the page as they are: a message missing in its language. */
export async function untranslatedKeys(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return Object.keys(en).filter((key) => text.includes(key));
}

/** Every request the page makes to an origin other than the service's, collected from now on. */
export function requestsElsewhere(page: Page, origin: string): string[] {
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) elsewhere.push(request.url());
  });
  return elsewhere;
}

/** The text of a file the page downloaded. */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Presses Tab until the focused element matches `selector` (at most `limit` presses): keyboard only. */
export async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await page.locator(`${selector}:focus`).count()) > 0) return;
  }
  throw new Error(`${selector} cannot be reached with the Tab key`);
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What axe-core finds against WCAG 2.2 A and AA, one line per violation and element. */
export async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return found.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} — ${node.failureSummary ?? v.help}`));
}

/** Fills a command form's fields by name (web/src/commands): chooses a select's option by value, types into the others. */
export async function fillForm(page: Page, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const control = page.locator(`form.fields [name="${name}"]`);
    if ((await control.evaluate((element) => element.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
}

/** Sends a command form with its submit button. */
export async function submitForm(page: Page): Promise<void> {
  await page.locator('form.fields button[type=submit]').click();
}

/** The SQLite file the demo service records in, as it says at its start (`npm run demo` prints where it records the programme run). */
export function demoDatabaseFile(service: ServiceProcess): string {
  const said = /Recording the demo programme run in (.+?) \(once/.exec(service.output());
  if (!said) throw new Error(`The demo service did not say where it records:\n${service.output()}`);
  return said[1]!;
}

/** Keeps a token in the tab's sessionStorage as the app keeps a development sign-in's (web/src/auth/kept-tokens.ts), from the sign-in page. */
export async function keepDevToken(page: Page, origin: string, accessToken: string): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  // (A string: it runs in the browser, whose DOM these tests are not compiled against.)
  await page.evaluate(`sessionStorage.setItem('journeys.tokens', ${JSON.stringify(JSON.stringify({ kind: 'dev', accessToken }))})`);
}
