/// <reference lib="dom" />
// The page functions below run in Chromium, with its globals.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { bearer, gql } from './graphql';
import { ENROL, enrolment } from './http.bench';
import { eventsAfter, paced, type PushLatency, type SubscriptionSettings, subscribe, summary, wallClock } from './subscription.bench';
import { quantile, sleep } from './stats';

/** Debian's Chromium, which `.ci/run` installs: the bench downloads no browser. */
const CHROMIUM = '/usr/bin/chromium';
const CITY = 'stockholm';
const PROGRAMME = 'stockholm-test-group';
const SUBSCRIPTION = `subscription ($city: String!) { dashboardUpdated(city: $city) { lastEventPosition } }`;
/** The cell of the city's enrolled count on the app's dashboards page (web/src/dashboards/figures-table.tsx). */
const ENROLLED_CELL = `article[data-city="${CITY}"] tr[data-figure="enrolled"] td.value`;
/** Where the app keeps a tab's tokens (web/src/auth/kept-tokens.ts): the production service offers no development sign-in. */
const TOKENS_KEY = 'journeys.tokens';

export interface BrowserPushFigures {
  /** From each event's commit to the first frame of the open page that shows it. */
  page: PushLatency;
  /** From the same commits to their push at a graphql-ws subscriber in the harness, during the same run. */
  subscriber: PushLatency;
  /** Per event, the page's frame after the subscriber's push: what the browser adds. */
  frameDelayP50Ms: number;
  frameDelayP99Ms: number;
}

/**
 * A coordinator's dashboards page open in headless Chromium, and a graphql-ws subscriber beside it,
 * while enrolments into one city are recorded at a steady rate: for each event, from its
 * `recordedAt` to the animation frame in which the page first shows a count that includes it (a
 * MutationObserver on the cell, then requestAnimationFrame), and to the subscriber's push.
 */
export async function benchBrowserPush(url: string, databaseFile: string, settings: SubscriptionSettings): Promise<BrowserPushFigures> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (the browser row needs it)`);
  const coordinator = await bearer('coordinator');
  const adviser = await bearer('adviser');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
  const pushes: { position: bigint; receivedAt: number }[] = [];
  const client = subscribe(url, coordinator, SUBSCRIPTION, { city: CITY }, (data: { dashboardUpdated: { lastEventPosition: string } }) => {
    pushes.push({ position: BigInt(data.dashboardUpdated.lastEventPosition), receivedAt: wallClock() });
  });
  try {
    const context = await browser.newContext();
    await context.addInitScript(
      ([key, accessToken]) => sessionStorage.setItem(key!, JSON.stringify({ kind: 'dev', accessToken })),
      [TOKENS_KEY, coordinator.replace(/^Bearer /, '')],
    );
    const page = await context.newPage();
    await page.goto(`${url.replace(/\/graphql$/, '')}/dashboards`);
    const cell = page.locator(ENROLLED_CELL);
    await cell.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      throw new Error(`The dashboards page shows no enrolled count of ${CITY} (${String(error)}); it shows: ${(await page.locator('body').innerText()).slice(0, 800)}`);
    });
    // Each change of the cell, with the wall-clock time of the next frame, which paints it.
    await page.evaluate((selector) => {
      const shown: { text: string; at: number }[] = [];
      (window as unknown as { shown: typeof shown }).shown = shown;
      const target = document.querySelector(selector)!;
      new MutationObserver(() => {
        const text = target.textContent ?? '';
        requestAnimationFrame(() => shown.push({ text, at: performance.timeOrigin + performance.now() }));
      }).observe(target, { childList: true, characterData: true, subtree: true });
    }, ENROLLED_CELL);
    const enrol = () => gql(url, adviser, ENROL, { input: enrolment(randomUUID(), CITY, PROGRAMME) });
    // Until the subscriber and the page both hear a change: both subscriptions are then open.
    const shownCount = async () => ((await page.evaluate(() => (window as unknown as { shown: unknown[] }).shown.length)) as number);
    for (let i = 0; pushes.length === 0 || (await shownCount()) === 0; i++) {
      if (i === 50) throw new Error('Neither the page nor the subscriber heard of 50 enrolments');
      await enrol();
      await sleep(200);
    }
    await sleep(500);
    const from = pushes.at(-1)!.position;
    const before = enrolledOf(await cell.textContent());
    await paced(settings, enrol);
    const events = eventsAfter(databaseFile, from);
    const expected = before + events.length;
    const frames = async () => (await page.evaluate(() => (window as unknown as { shown: { text: string; at: number }[] }).shown)).map((f) => ({ count: enrolledOf(f.text), at: f.at }));
    for (let waited = 0; !(await frames()).some((f) => f.count >= expected); waited += 50) {
      if (waited > 15_000) throw new Error(`The page never showed ${expected} enrolled`);
      await sleep(50);
    }
    const last = events.at(-1)!.position;
    for (let waited = 0; !(pushes.at(-1)!.position >= last); waited += 10) {
      if (waited > 10_000) throw new Error(`The subscriber never heard of position ${last}`);
      await sleep(10);
    }
    const shown = await frames();
    const pageMs: number[] = [];
    const subscriberMs: number[] = [];
    const frameDelays: number[] = [];
    events.forEach(({ position, recordedAt }, i) => {
      const committed = Date.parse(recordedAt);
      const frame = shown.find((f) => f.count >= before + i + 1)!;
      const push = pushes.find((p) => p.position >= position)!;
      pageMs.push(frame.at - committed);
      subscriberMs.push(push.receivedAt - committed);
      frameDelays.push(frame.at - push.receivedAt);
    });
    return {
      page: summary(pageMs, shown.length),
      subscriber: summary(subscriberMs, pushes.filter((p) => p.position > from).length),
      frameDelayP50Ms: quantile(frameDelays, 0.5),
      frameDelayP99Ms: quantile(frameDelays, 0.99),
    };
  } finally {
    await client.dispose();
    await browser.close();
  }
}

/** The count a cell shows, whatever the locale's grouping ("1,204", "1 204"). */
const enrolledOf = (text: string | null): number => Number((text ?? '').replace(/\D/g, '') || '0');
