import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserTestbed, devSignIn, untilLive } from '../support/browser';
import { postGraphQL } from '../support/graphql-client';
import { enrolmentInput, mutation } from '../support/journey-api';
import { bearer } from '../support/tokens';

const EXITS = 30;
const CELL = '.cards article[data-city="paris"] tr[data-figure="exited"] td.value';
const today = () => new Date().toISOString().slice(0, 10);

/**
 * In the page: the instant (epoch ms) of the frame after each change of the cell's text, i.e. when
 * the browser could paint it. A string, as it runs in the browser.
 */
const WATCH_CELL = `(() => {
  window.paintedAt = [];
  const cell = document.querySelector('${CELL}');
  new MutationObserver(() => requestAnimationFrame(() => window.paintedAt.push(performance.timeOrigin + performance.now())))
    .observe(cell, { subtree: true, childList: true, characterData: true });
})()`;

/** What WATCH_CELL keeps in the page. */
type Painted = { paintedAt: number[] };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

describe('how soon a recorded exit shows on the open page (Chromium, the built demo service; measured, not asserted)', () => {
  const testbed = browserTestbed();

  it(`reports p50 and p99 over ${EXITS} exits, to the frame that shows each: after the service's answer, and after sending it`, async () => {
    const { page } = await testbed.newPage();
    await devSignIn(page, testbed.origin, 'coordinator');
    await page.locator(CELL).waitFor();
    const adviser = { authorization: await bearer('adviser', 'paris') };
    const enrol = () => postGraphQL(testbed.service.url, mutation('enrolParticipant'), { input: enrolmentInput({ enrolledOn: today() }) }, adviser);
    await untilLive(page, CELL.replace('exited', 'enrolled'), enrol);
    await page.evaluate(WATCH_CELL);
    const afterAnswer: number[] = [];
    const afterSending: number[] = [];
    for (let i = 0; i < EXITS; i++) {
      const enrolled = await enrol();
      const input = { participantId: enrolled.data!.enrolParticipant.id, occurredOn: today(), reason: 'HEALTH' };
      const sentAt = Date.now();
      const exit = await postGraphQL(testbed.service.url, mutation('recordExit'), { input }, adviser);
      const answeredAt = Date.now();
      expect(exit.errors).toBeUndefined();
      await page.waitForFunction((count) => (globalThis as unknown as Painted).paintedAt.length >= count, i + 1, { timeout: 20_000 });
      const paintedAt = await page.evaluate((index) => (globalThis as unknown as Painted).paintedAt[index]!, i);
      // The push may reach the page before the mutation's answer reaches the test: no wait at all.
      afterAnswer.push(Math.max(0, paintedAt - answeredAt));
      afterSending.push(paintedAt - sentAt);
    }
    const summary = (latencies: number[]) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      return { p50Ms: Math.round(percentile(sorted, 50)), p99Ms: Math.round(percentile(sorted, 99)), maxMs: Math.round(sorted.at(-1)!) };
    };
    const report = { exits: EXITS, afterTheServiceAnswered: summary(afterAnswer), afterSendingTheExit: summary(afterSending) };
    const folder = join(__dirname, '../../test-artifacts');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'live-latency.json'), `${JSON.stringify(report, null, 2)}\n`);
    const { afterTheServiceAnswered: answered, afterSendingTheExit: sent } = report;
    console.log(
      `A recorded exit on the open page (${EXITS} exits), to the painted frame: after the service answered p50 ${answered.p50Ms} ms, p99 ${answered.p99Ms} ms; ` +
        `after sending the exit (its commit included) p50 ${sent.p50Ms} ms, p99 ${sent.p99Ms} ms`,
    );
    expect(afterSending).toHaveLength(EXITS);
  }, 180_000);
});
