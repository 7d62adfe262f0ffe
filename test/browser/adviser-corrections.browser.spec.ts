import type { Page } from 'playwright-core';
import { en } from '../../web/src/i18n/messages/en';
import { asParisAdviser, type DemoCase, demoCases, pressByKeyboard, standing, typeByKeyboard } from '../support/amend-cases';
import { browserTestbed, devSignIn, LANGUAGES, screenshot, untranslatedKeys, violations } from '../support/browser';

const AMENDMENTS = `query ($id: ID!) { participant(id: $id) {
  version
  timeline { sequence kind voided corrected values { durationMinutes } amendments { kind reason changedFields recordedBy } }
} }`;
const PERSONAL = `query ($id: ID!) { participant(id: $id) { version personalDataErased personal { fullName email phone } notes { note writtenOn } } }`;
const SEARCH = `query ($search: String!) { participants(search: $search) { totalCount } }`;
const UPDATE_PERSONAL = `mutation ($input: UpdatePersonalDetailsInput!) { updatePersonalDetails(input: $input) { version } }`;

/** A milestone as the API's timeline holds it, with its amendments. */
interface AmendedMilestone {
  sequence: number;
  kind: string;
  voided: boolean;
  corrected: boolean;
  values: { durationMinutes: number | null };
  amendments: { kind: string; reason: string | null; changedFields: string[]; recordedBy: string }[];
}

describe('advisers correct, void, note, update and erase through the forms (Chromium, the built demo service)', () => {
  const testbed = browserTestbed();
  /** Cases already amended by a test: each test takes its own. */
  const taken = new Set<string>();
  const url = () => testbed.service.url;

  const signedInPage = async (locale = 'en'): Promise<Page> => {
    const { page } = await testbed.newPage(locale);
    await devSignIn(page, testbed.origin, 'adviser', 'paris');
    return page;
  };
  /** Opens a form and waits until it is filled from the case. */
  const openForm = async (page: Page, found: DemoCase, path: string, ready = 'form.fields') => {
    await page.goto(`${testbed.origin}/cases/${found.id}/${path}`);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
  };
  const caseFileReached = (page: Page, found: DemoCase) => page.waitForURL(`${testbed.origin}/cases/${found.id}`, { timeout: 30_000 });
  const timelineOf = async (found: DemoCase) =>
    (await asParisAdviser<{ participant: { version: number; timeline: AmendedMilestone[] } }>(url(), AMENDMENTS, { id: found.id })).participant;

  it('corrects a milestone and voids another by keyboard alone; the API’s timeline holds both with their reasons', async () => {
    const [found] = await demoCases(url(), (c) => c.status === 'ACTIVE' && standing(c, 'COACHING_SESSION').length >= 2, taken);
    const [corrected, voided] = standing(found!, 'COACHING_SESSION');
    const before = (await timelineOf(found!)).timeline.find((m) => m.sequence === corrected!.sequence)!;
    const minutes = before.values.durationMinutes! >= 600 ? 595 : before.values.durationMinutes! + 5;
    const page = await signedInPage();

    await openForm(page, found!, `correct?sequence=${corrected!.sequence}`);
    await typeByKeyboard(page, '#field-durationMinutes', String(minutes));
    await typeByKeyboard(page, '#field-reason', 'Duration mistyped: the session ran five minutes longer.');
    await pressByKeyboard(page, 'form.fields button[type=submit]');
    await caseFileReached(page, found!);

    await openForm(page, found!, `void?sequence=${voided!.sequence}`);
    expect(await page.locator('.command-form').innerText()).toContain(en['milestone.COACHING_SESSION']);
    await typeByKeyboard(page, '#field-reason', 'Recorded for the wrong participant.');
    await pressByKeyboard(page, 'form.fields button[type=submit]');
    await caseFileReached(page, found!);

    const { timeline } = await timelineOf(found!);
    const correctedNow = timeline.find((m) => m.sequence === corrected!.sequence)!;
    expect(correctedNow).toMatchObject({ corrected: true, voided: false, values: { durationMinutes: minutes } });
    expect(correctedNow.amendments).toEqual([
      { kind: 'CORRECTED', reason: 'Duration mistyped: the session ran five minutes longer.', changedFields: ['durationMinutes'], recordedBy: expect.any(String) },
    ]);
    const voidedNow = timeline.find((m) => m.sequence === voided!.sequence)!;
    expect(voidedNow).toMatchObject({ voided: true });
    expect(voidedNow.amendments).toEqual([{ kind: 'VOIDED', reason: 'Recorded for the wrong participant.', changedFields: [], recordedBy: expect.any(String) }]);
  }, 120_000);

  it('refuses to void the job an EMPLOYMENT exit rests on, with that rule’s message, and stores nothing', async () => {
    const [found] = await demoCases(
      url(),
      (c) => c.exitReason === 'EMPLOYMENT' && standing(c, 'JOB_STARTED').length === 1 && standing(c, 'RE_ENROLLED').length === 0,
      taken,
    );
    const [job] = standing(found!, 'JOB_STARTED');
    const before = await timelineOf(found!);
    const page = await signedInPage();

    await openForm(page, found!, `void?sequence=${job!.sequence}`);
    await typeByKeyboard(page, '#field-reason', 'Trying to void the job of an exit for employment.');
    await pressByKeyboard(page, 'form.fields button[type=submit]');
    const refusal = page.locator('#form-refusal');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toContain(en['rule.EXIT_WITHOUT_OUTCOME']);
    await screenshot(page, 'amend-void-refused-en');
    expect(new URL(page.url()).pathname).toBe(`/cases/${found!.id}/void`);

    const after = await timelineOf(found!);
    expect(after.version).toBe(before.version);
    expect(after.timeline.find((m) => m.sequence === job!.sequence)).toMatchObject({ voided: false, amendments: [] });
  }, 120_000);

  it('refuses a correction an exit’s rule forbids, with that rule’s message beside the field, and stores nothing', async () => {
    const [found] = await demoCases(
      url(),
      (c) => c.status === 'EXITED' && !['EMPLOYMENT', 'SELF_EMPLOYMENT'].includes(c.exitReason ?? '') && standing(c, 'JOB_STARTED').length === 0,
      taken,
    );
    const [exit] = standing(found!, 'EXITED');
    const before = await timelineOf(found!);
    const page = await signedInPage();

    await openForm(page, found!, `correct?sequence=${exit!.sequence}`);
    await page.locator('#field-exitReason').selectOption('EMPLOYMENT');
    await typeByKeyboard(page, '#field-reason', 'The participant found a job.');
    await pressByKeyboard(page, 'form.fields button[type=submit]');
    const beside = page.locator('#field-exitReason-error');
    await beside.waitFor({ timeout: 30_000 });
    expect(await beside.innerText()).toContain(en['rule.EXIT_WITHOUT_OUTCOME']);
    await screenshot(page, 'amend-correct-refused-en');
    expect((await timelineOf(found!)).version).toBe(before.version);
  }, 120_000);

  it('records a note, then new personal details loaded on request, by keyboard alone', async () => {
    const [found] = await demoCases(url(), (c) => c.status === 'ACTIVE', taken);
    const page = await signedInPage();
    const text = `Called about a job fair on ${new Date().toISOString().slice(0, 10)}.`;

    await openForm(page, found!, 'note');
    await typeByKeyboard(page, '#field-text', text);
    await pressByKeyboard(page, 'form.fields button[type=submit]');
    await caseFileReached(page, found!);

    const current = (await asParisAdviser(url(), PERSONAL, { id: found!.id })).participant;
    await openForm(page, found!, 'personal-details', '.command-form button.primary');
    expect(await page.locator('main').innerText()).not.toContain(current.personal.fullName);
    await pressByKeyboard(page, '.command-form button.primary');
    await page.locator('#field-fullName').waitFor({ timeout: 30_000 });
    expect(await page.locator('#field-fullName').inputValue()).toBe(current.personal.fullName);
    await typeByKeyboard(page, '#field-fullName', 'Zélie Quartermaine-Oduya');
    await typeByKeyboard(page, '#field-email', 'zelie.q@example.org');
    await typeByKeyboard(page, '#field-phone', '+33 1 40 00 12 34');
    await pressByKeyboard(page, 'form.fields button[type=submit]');
    await caseFileReached(page, found!);

    const after = (await asParisAdviser(url(), PERSONAL, { id: found!.id })).participant;
    expect(after.personal).toEqual({ fullName: 'Zélie Quartermaine-Oduya', email: 'zelie.q@example.org', phone: '+33 1 40 00 12 34' });
    expect(after.notes.map((n: { note: string }) => n.note)).toContain(text);
  }, 120_000);

  it('erases through the form once the reference is typed; then the case is erased and the name finds nothing', async () => {
    const [found] = await demoCases(url(), (c) => c.status === 'ACTIVE', taken);
    const name = 'Ottoline Brackenbury-Vasquez';
    const { participant } = await asParisAdviser(url(), PERSONAL, { id: found!.id });
    await asParisAdviser(url(), UPDATE_PERSONAL, { input: { participantId: found!.id, expectedVersion: participant.version, personal: { fullName: name } } });
    expect((await asParisAdviser(url(), SEARCH, { search: name })).participants.totalCount).toBe(1);
    const page = await signedInPage();

    await openForm(page, found!, 'erase');
    const button = page.locator('form.fields button[type=submit]');
    await typeByKeyboard(page, '#field-reason', 'The participant asked for their data to be erased.');
    expect(await button.isDisabled()).toBe(true);
    await typeByKeyboard(page, '#field-confirmation', found!.reference.toLowerCase());
    expect(await button.isDisabled()).toBe(false);
    await pressByKeyboard(page, 'form.fields button[type=submit]');
    await caseFileReached(page, found!);

    const after = (await asParisAdviser(url(), PERSONAL, { id: found!.id })).participant;
    expect(after).toMatchObject({ personalDataErased: true, personal: null });
    expect((await asParisAdviser(url(), SEARCH, { search: name })).participants.totalCount).toBe(0);

    // Nothing personal can be recorded any more: the forms say so instead of asking.
    await openForm(page, found!, 'note', '.command-form p.note');
    expect(await page.locator('.command-form p.note').innerText()).toBe(en['rule.ERASED']);
    await openForm(page, found!, 'erase', '.command-form p.note');
    expect(await page.locator('.command-form p.note').innerText()).toBe(en['erase.already']);
    expect(await page.locator('form.fields').count()).toBe(0);
  }, 120_000);

  it('shows each form in the four languages with the case’s reference: no untranslated key, nothing axe finds, with a screenshot of each', async () => {
    const [found] = await demoCases(url(), (c) => c.status === 'ACTIVE' && standing(c, 'JOB_STARTED').length > 0, taken);
    const [job] = standing(found!, 'JOB_STARTED');
    const forms: { name: string; path: string; ready?: string; then?: (page: Page) => Promise<void> }[] = [
      { name: 'correct', path: `correct?sequence=${job!.sequence}` },
      // A correction that changes nothing: its message beside the first field.
      { name: 'correct-unchanged', path: `correct?sequence=${job!.sequence}`, then: async (page) => {
        await page.locator('form.fields button[type=submit]').click();
        await page.locator('.field.invalid').first().waitFor();
      } },
      { name: 'void', path: `void?sequence=${job!.sequence}` },
      { name: 'note', path: 'note' },
      { name: 'personal-details-choice', path: 'personal-details', ready: '.command-form button.primary' },
      { name: 'personal-details', path: 'personal-details', ready: '.command-form button.primary', then: async (page) => {
        await page.locator('.command-form button:not(.primary)').click();
        await page.locator('#field-fullName').waitFor();
      } },
      { name: 'erase', path: 'erase' },
    ];
    for (const language of LANGUAGES) {
      const page = await signedInPage(language);
      for (const form of forms) {
        await openForm(page, found!, form.path, form.ready);
        await form.then?.(page);
        expect(await page.locator('.command-form .case-line').innerText()).toContain(found!.reference);
        expect({ form: form.name, language, untranslated: await untranslatedKeys(page) }).toEqual({ form: form.name, language, untranslated: [] });
        expect({ form: form.name, language, violations: await violations(page) }).toEqual({ form: form.name, language, violations: [] });
        await screenshot(page, `amend-${form.name}-${language}`);
      }
    }
  }, 300_000);
});
