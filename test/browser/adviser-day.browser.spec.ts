import type { Page } from 'playwright-core';
import { browserTestbed, devSignIn, fillForm, screenshot, submitForm } from '../support/browser';
import { overviewFigure } from '../support/live-figures';

/** Who the development sign-in signs an adviser of Paris in as (src/auth/dev-token.controller.ts). */
const DEV_ADVISER = 'dev-adviser-paris';

/** A date `days` before today, as YYYY-MM-DD: every date of a journey is in the past, in every city's time zone. */
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A name no demo participant has, so that searching it finds this one case. */
const NAME = 'Héloïse Vandermeulen-Ortiz';

/**
 * An adviser's whole day through the pages alone, as a person does it: from the menu to the case
 * list, the enrolment form, then each form reached from the case file's links, and the case file
 * showing what was recorded; the other browser specs open forms by address and check the API.
 */
describe("an adviser's day in the web app, page to page (Chromium, the built demo service)", () => {
  const testbed = browserTestbed();

  /** The case file's milestones as the page lists them: kind, voided and corrected marks, who recorded it, the amendments' reasons. */
  const timelineOf = (page: Page) =>
    page.locator('ol.timeline > li.milestone').evaluateAll((items) =>
      items.map((item) => ({
        kind: item.getAttribute('data-kind'),
        voided: item.getAttribute('data-voided') === 'true',
        corrected: item.getAttribute('data-corrected') === 'true',
        recordedBy: item.querySelector('.recorded')?.getAttribute('data-recorded-by'),
        reasons: [...item.querySelectorAll('.amendments .reason')].map((reason) => reason.textContent),
      })),
    );

  /** Follows a link of the page by its text, and waits for the form it opens. */
  async function follow(page: Page, name: string | RegExp): Promise<void> {
    await page.getByRole('link', { name, exact: typeof name === 'string' }).first().click();
    await page.locator('form.fields').waitFor({ timeout: 20_000 });
  }

  /** Sends the form and waits for the case file it comes back to, showing `milestones` entries. */
  async function recordAndBack(page: Page, milestones: number): Promise<void> {
    await submitForm(page);
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await page.locator('ol.timeline > li.milestone').nth(milestones - 1).waitFor({ timeout: 20_000 });
  }

  it('enrols from the case list, records the journey from the case file’s links, corrects and voids with reasons shown, finds the case, and the coordinator sees the exit', async () => {
    const { page } = await testbed.newPage('en');
    await devSignIn(page, testbed.origin, 'adviser', 'paris');
    const { page: coordinator } = await testbed.newPage('en');
    await devSignIn(coordinator, testbed.origin, 'coordinator', 'paris');
    const exitedCell = coordinator.locator(overviewFigure('paris', 'exited'));
    await exitedCell.waitFor({ timeout: 20_000 });
    const exitedBefore = Number((await exitedCell.innerText()).replace(/\D/g, ''));

    await page.getByRole('navigation', { name: /.+/ }).getByRole('link', { name: 'Cases' }).click();
    await page.locator('table').first().waitFor({ timeout: 20_000 });
    await follow(page, 'Enrol a participant');
    await fillForm(page, {
      enrolledOn: daysAgo(150),
      programme: 'paris-gatp',
      fullName: NAME,
      email: 'h.vandermeulen@example.org',
      birthYear: '1961',
      gender: 'FEMALE',
      educationLevel: 'ISCED_5_8',
      positionLevel: 'EXECUTIVE',
      lastSector: 'K',
      unemployedSince: daysAgo(400),
      incomeSupport: 'UNEMPLOYMENT_INSURANCE',
    });
    await recordAndBack(page, 1);
    const caseUrl = page.url();
    const reference = (await page.locator('h1').innerText()).match(/PAR-\d{4,}/)?.[0];
    expect(reference).toBeDefined();

    const steps: [string, Record<string, string>][] = [
      ['Coaching session', { occurredOn: daysAgo(140), mode: 'GROUP', durationMinutes: '120' }],
      ['Coaching session', { occurredOn: daysAgo(130), mode: 'INDIVIDUAL', durationMinutes: '60' }],
      ['Start an activity', { occurredOn: daysAgo(120), activity: 'IT_TRAINING', provider: 'astrolabe-conseil' }],
      ['Complete an activity', { activity: 'IT_TRAINING', occurredOn: daysAgo(90), result: 'COMPLETED' }],
      ['Job started', { occurredOn: daysAgo(70), contractType: 'FIXED_TERM_6_MONTHS_OR_MORE', employerType: 'SME', sector: 'K', weeklyHours: '30' }],
      ['Exit', { occurredOn: daysAgo(60), reason: 'EMPLOYMENT' }],
      ['Follow-up', { monthsAfterExit: '1', occurredOn: daysAgo(30), status: 'EMPLOYED' }],
    ];
    for (const [index, [link, values]] of steps.entries()) {
      await follow(page, link);
      await fillForm(page, values);
      await recordAndBack(page, index + 2);
    }
    await coordinator.locator(overviewFigure('paris', 'exited'), { hasText: new RegExp(`^${new Intl.NumberFormat('en').format(exitedBefore + 1)}$`) }).waitFor({ timeout: 30_000 });

    // The second coaching session's duration was mistyped; the first was recorded for nobody: a correction and a void, from the timeline's links.
    const coachings = page.locator('ol.timeline > li.milestone[data-kind="COACHING_SESSION"]');
    await coachings.nth(1).getByRole('link', { name: /^Correct/ }).click();
    await page.locator('form.fields').waitFor({ timeout: 20_000 });
    await fillForm(page, { durationMinutes: '75', reason: 'The session ran fifteen minutes longer.' });
    await recordAndBack(page, steps.length + 1);
    await coachings.nth(0).getByRole('link', { name: /^Void/ }).click();
    await page.locator('form.fields').waitFor({ timeout: 20_000 });
    await fillForm(page, { reason: 'A group session this participant did not attend.' });
    await recordAndBack(page, steps.length + 1);

    await page.locator('li.milestone[data-voided="true"]').waitFor({ timeout: 20_000 });
    expect(await timelineOf(page)).toEqual([
      { kind: 'ENROLLED', voided: false, corrected: false, recordedBy: DEV_ADVISER, reasons: [] },
      { kind: 'COACHING_SESSION', voided: true, corrected: false, recordedBy: DEV_ADVISER, reasons: [expect.stringContaining('A group session this participant did not attend.')] },
      { kind: 'COACHING_SESSION', voided: false, corrected: true, recordedBy: DEV_ADVISER, reasons: [expect.stringContaining('The session ran fifteen minutes longer.')] },
      { kind: 'ACTIVITY_STARTED', voided: false, corrected: false, recordedBy: DEV_ADVISER, reasons: [] },
      { kind: 'ACTIVITY_COMPLETED', voided: false, corrected: false, recordedBy: DEV_ADVISER, reasons: [] },
      { kind: 'JOB_STARTED', voided: false, corrected: false, recordedBy: DEV_ADVISER, reasons: [] },
      { kind: 'EXITED', voided: false, corrected: false, recordedBy: DEV_ADVISER, reasons: [] },
      { kind: 'FOLLOW_UP', voided: false, corrected: false, recordedBy: DEV_ADVISER, reasons: [] },
    ]);
    // Only the forms the service would take: the enrolment is corrected, never voided; a voided milestone takes neither.
    const linksOf = (kind: string, voided: boolean) => page.locator(`li.milestone[data-kind="${kind}"][data-voided="${voided}"] .milestone-actions a`).allInnerTexts();
    expect(await linksOf('ENROLLED', false)).toEqual([expect.stringMatching(/^Correct/)]);
    expect(await linksOf('COACHING_SESSION', true)).toEqual([]);
    expect(await linksOf('EXITED', false)).toEqual([expect.stringMatching(/^Correct/), expect.stringMatching(/^Void/)]);
    await screenshot(page, 'adviser-day-case-file-en');

    // Back on the list, the case is found by its reference and by its name.
    for (const search of [reference!, 'vandermeulen ortiz']) {
      await page.goto(`${testbed.origin}/cases`);
      const box = page.getByRole('searchbox').or(page.locator('input[name=search]')).first();
      await box.fill(search);
      await box.press('Enter');
      // The list of this search shows one case (the search itself stays out of the address).
      await page.locator('[data-total-count="1"]').waitFor({ timeout: 20_000 });
      const links = page.locator('table a[href^="/cases/"]');
      await expect(links.first().innerText()).resolves.toBe(reference);
      expect(await links.count()).toBe(1);
      await links.first().click();
      await page.waitForURL(caseUrl, { timeout: 20_000 });
    }
  }, 300_000);
});
