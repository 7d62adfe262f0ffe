import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, visit } from 'graphql';
import type { Page } from 'playwright-core';
import { issueToken } from '../../src/auth/issue-token';
import { CASE_LIST } from '../../web/src/api/case-documents';
import { CASE_PAGE_SIZE } from '../../web/src/cases/case-list-query';
import { actionPath, CASE_ACTIONS } from '../../web/src/commands/case-actions';
import { en } from '../../web/src/i18n/messages/en';
import { browserTestbed, demoDatabaseFile, devSignIn, keepDevToken, LANGUAGES, screenshot, tabTo, untranslatedKeys, violations } from '../support/browser';
import { eventually } from '../support/eventually';
import { postGraphQL } from '../support/graphql-client';
import { enrolmentInput } from '../support/journey-api';
import { encodings, spellings } from '../support/stored-bytes';
import { bearer, TEST_JWT_SECRET } from '../support/tokens';

/** A name no demo participant has, so that a search for it finds this one only. */
const NAME = 'Ghislaine Vautrin-Lemaire';
const PERSONAL = { fullName: NAME, email: 'contact.gv@example.org', phone: '+33 1 40 00 00 00' };

const TIMELINE = `query ($id: ID!) { participant(id: $id) {
  id reference status personal { fullName email phone }
  timeline { sequence kind occurredOn recordedAt recordedBy voided corrected values { mode durationMinutes } amendments { sequence kind reason recordedAt recordedBy } }
} }`;
const ENROL = 'mutation ($input: EnrolParticipantInput!) { enrolParticipant(input: $input) { id reference } }';
const PARIS_CASES = `{ participants(first: 100) { edges { node { id timeline { sequence kind voided } } } } }`;
const PARIS_PROGRAMMES = `{ cities { code programmes { code } } }`;

interface DemoCase {
  id: string;
  timeline: { sequence: number; kind: string; voided: boolean }[];
}

interface ListArguments {
  search?: string;
  programme?: string;
  status?: 'ACTIVE' | 'EXITED';
  noMilestoneForDays?: number;
  orderBy: 'RECENTLY_CHANGED' | 'FIRST_ENROLMENT' | 'REFERENCE';
  after?: string | null;
}

/** A list as the page shows it, or as the API answers it: the count, and the cases of the page in order. */
interface ShownList {
  totalCount: number;
  ids: string[];
}

/** The list the page shows (a string: it runs in the browser, whose DOM these tests are not compiled against). */
const shownList = (page: Page): Promise<ShownList> =>
  page.evaluate(`({
    totalCount: Number(document.querySelector('[data-total-count]')?.getAttribute('data-total-count') ?? NaN),
    ids: [...document.querySelectorAll('table.case-list tbody tr')].map((tr) => tr.getAttribute('data-id')),
  })`);

/** Waits until `read` gives `expected`, then checks it (so a failure shows what it gave instead). */
/** Whether a GraphQL request's body selects `personal` anywhere in its operation (whatever its spacing or aliases). */
function asksPersonal(body: string): boolean {
  const { query } = JSON.parse(body) as { query?: string };
  let found = false;
  if (query) visit(parse(query), { Field: (node) => void (found ||= node.name.value === 'personal') });
  return found;
}

async function expectSoon<T>(read: () => Promise<T>, expected: T): Promise<void> {
  await eventually('the page shows what is expected', async () => JSON.stringify(await read()) === JSON.stringify(expected)).catch(() => undefined);
  const shown = await read();
  // A page still loading after the wait is the service's to explain: what it printed goes with the failure.
  if (JSON.stringify(shown) !== JSON.stringify(expected)) console.error(`The page shows ${JSON.stringify(shown)}; the service printed last:\n${serviceOutput().slice(-4_000)}`);
  expect(shown).toEqual(expected);
}

/** What the testbed's service printed so far (set once the describe declares it). */
let serviceOutput = (): string => '';

/** Waits until the page shows the list `expected`. */
const expectShown = (page: Page, expected: ShownList): Promise<void> => expectSoon(() => shownList(page), expected);

describe('advisers’ case list and case file in a real browser (Chromium, the built demo service)', () => {
  const testbed = browserTestbed();
  serviceOutput = () => testbed.service.output();
  const adviser = () => bearer('adviser', 'paris');
  const api = async (document: string, variables: Record<string, unknown> = {}, authorization?: string) => {
    const answer = await postGraphQL(testbed.service.url, document, variables, { authorization: authorization ?? (await adviser()) });
    if (answer.errors) throw new Error(`The API refused: ${JSON.stringify(answer.errors)}`);
    return answer.data!;
  };
  /** A page of the list as the API answers the same arguments, with the cursor of its end. */
  const apiList = async (args: ListArguments): Promise<ShownList & { endCursor: string | null }> => {
    const { participants } = await api(CASE_LIST, { first: CASE_PAGE_SIZE, ...args });
    return { totalCount: participants.totalCount, ids: participants.edges.map((edge: { node: { id: string } }) => edge.node.id), endCursor: participants.pageInfo.endCursor };
  };
  const listOf = async (args: ListArguments): Promise<ShownList> => {
    const { totalCount, ids } = await apiList(args);
    return { totalCount, ids };
  };

  /** Enrolled through the API in Paris: searched for, then erased. */
  let enrolled: { id: string; reference: string };
  /** A demo participant of Paris, one of whose coaching sessions is corrected and another voided through the API. */
  let demo: { id: string; corrected: number; voided: number };

  beforeAll(async () => {
    const answer = await api(ENROL, { input: enrolmentInput({ personal: PERSONAL }) });
    enrolled = answer.enrolParticipant;

    const cases: DemoCase[] = (await api(PARIS_CASES)).participants.edges.map((edge: { node: DemoCase }) => edge.node);
    const coachings = (found: DemoCase) => found.timeline.filter((m) => m.kind === 'COACHING_SESSION' && !m.voided);
    const chosen = cases.find((found) => coachings(found).length >= 2)!;
    const [first, second] = coachings(chosen);
    demo = { id: chosen.id, corrected: first!.sequence, voided: second!.sequence };
    await api('mutation ($input: CorrectMilestoneInput!) { correctMilestone(input: $input) { id } }', {
      input: { participantId: demo.id, sequence: demo.corrected, durationMinutes: 95, reason: 'The session ran over: 95 minutes.' },
    });
    await api('mutation ($input: VoidMilestoneInput!) { voidMilestone(input: $input) { id } }', {
      input: { participantId: demo.id, sequence: demo.voided, reason: 'Recorded twice.' },
    });
  }, 60_000);

  const signedIn = async (language = 'en') => {
    const { page } = await testbed.newPage(language);
    await devSignIn(page, testbed.origin, 'adviser', 'paris');
    await page.locator('#cases-title').waitFor({ timeout: 20_000 });
    return page;
  };

  it('finds a participant by reference (as typed or said) and by words of the name, as the API does, opens the case file from the list and comes back to it', async () => {
    const page = await signedIn();
    expect(new URL(page.url()).pathname).toBe('/cases');
    const spoken = enrolled.reference.toLowerCase().replace(/-0+/, '-');
    for (const search of [enrolled.reference, spoken, 'vautrin', 'lemaire GHISLAINE']) {
      await page.locator('input[name=search]').fill(search);
      await page.locator('form.case-filters button[type=submit]').click();
      const expected = await listOf({ search, orderBy: 'RECENTLY_CHANGED' });
      expect(expected.ids).toEqual([enrolled.id]);
      await expectShown(page, expected);
      // A name searched for stays out of the address (and so of the browser's history and the sign-in's way back).
      expect(new URL(page.url()).search).toBe('');
    }
    expect(await page.locator('[data-total-count]').innerText()).toBe('1 case');
    // One live region says it, the same element through every search (a new one would not be announced).
    await page.locator('[aria-live]').evaluateAll((regions) => regions.forEach((region) => region.setAttribute('data-kept', '')));
    await page.locator('input[name=search]').fill(enrolled.reference);
    await page.locator('form.case-filters button[type=submit]').click();
    await expectSoon(() => page.locator('.case-list-status[data-kept]').textContent(), '1 case (showing 1–1 of 1)');
    expect(await page.locator('main [aria-live]').count()).toBe(1);
    await page.locator('input[name=search]').fill('lemaire GHISLAINE');
    await page.locator('form.case-filters button[type=submit]').click();
    await expectShown(page, await listOf({ search: 'lemaire GHISLAINE', orderBy: 'RECENTLY_CHANGED' }));
    await screenshot(page, 'cases-search-en');

    await page.locator(`tr[data-id="${enrolled.id}"] a`).click();
    await page.locator('h1', { hasText: enrolled.reference }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cases/${enrolled.id}`);

    // The browser's back comes to the list searched (the search is the history entry's state), a reload too.
    await page.goBack();
    await expectShown(page, await listOf({ search: 'lemaire GHISLAINE', orderBy: 'RECENTLY_CHANGED' }));
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('input[name=search]').inputValue()).toBe('lemaire GHISLAINE');
    await page.reload();
    await expectShown(page, await listOf({ search: 'lemaire GHISLAINE', orderBy: 'RECENTLY_CHANGED' }));
    // The tab keeps no name: the case file's way back goes to the list's filters and order, without the search.
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toMatch(/lemaire/i);
    await page.locator(`tr[data-id="${enrolled.id}"] a`).click();
    await page.getByRole('link', { name: en['caseFile.back'] }).click();
    await expectShown(page, await listOf({ orderBy: 'RECENTLY_CHANGED' }));
    expect(await page.locator('input[name=search]').inputValue()).toBe('');
  }, 90_000);

  it('filters and sorts as the API does for the same arguments, keeps the choices in the address, and a reload shows the same list', async () => {
    const page = await signedIn();
    await expectShown(page, await listOf({ orderBy: 'RECENTLY_CHANGED' }));
    const { cities } = await api(PARIS_PROGRAMMES);
    const programme: string = cities.find((city: { code: string }) => city.code === 'paris').programmes[0].code;
    const choices: { fields: Record<string, string>; args: ListArguments }[] = [
      { fields: { orderBy: 'REFERENCE' }, args: { orderBy: 'REFERENCE' } },
      { fields: { orderBy: 'FIRST_ENROLMENT', status: 'EXITED' }, args: { orderBy: 'FIRST_ENROLMENT', status: 'EXITED' } },
      { fields: { programme, status: 'ACTIVE' }, args: { programme, status: 'ACTIVE', orderBy: 'RECENTLY_CHANGED' } },
      { fields: { noMilestoneForDays: '400', orderBy: 'REFERENCE' }, args: { noMilestoneForDays: 400, orderBy: 'REFERENCE' } },
    ];
    const lists: ShownList[] = [];
    for (const { fields, args } of choices) {
      await page.goto(`${testbed.origin}/cases`);
      for (const [name, value] of Object.entries(fields)) {
        if (name === 'noMilestoneForDays') await page.locator(`input[name=${name}]`).fill(value);
        else await page.locator(`select[name=${name}]`).selectOption(value);
      }
      await page.locator('form.case-filters button[type=submit]').click();
      const expected = await listOf(args);
      // Each choice matters on the demo: a list that is not empty, other than the whole list in the same order (or, for an order alone, than the default order's).
      expect(expected.totalCount).toBeGreaterThan(0);
      const unfiltered = await listOf({ orderBy: Object.keys(fields).length === 1 ? 'RECENTLY_CHANGED' : args.orderBy });
      expect(expected).not.toEqual(unfiltered);
      await expectShown(page, expected);
      const address = new URL(page.url()).searchParams;
      for (const [name, value] of Object.entries(fields)) expect(address.get(name)).toBe(name === 'orderBy' && value === 'RECENTLY_CHANGED' ? null : value);

      await page.reload();
      await expectShown(page, expected);
      for (const [name, value] of Object.entries(fields)) await expectSoon(() => page.locator(`[name=${name}]`).inputValue(), value);
      lists.push(expected);
    }
    await screenshot(page, 'cases-filtered-en');

    // A number of days out of range gets the app's own message (not the browser's), and the list stays.
    const before = page.url();
    await page.locator('input[name=noMilestoneForDays]').fill('0');
    await page.locator('form.case-filters button[type=submit]').click();
    const refused = page.locator('#no-milestone-days-error');
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.innerText()).toBe(en['check.range'].replace('{min}', '1').replace('{max}', '3,650'));
    expect(await page.locator('input[name=noMilestoneForDays]:focus').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toBe(before);
    await screenshot(page, 'cases-days-refused-en');
    // The choices matter: they do not all give one list.
    expect(new Set(lists.map((list) => JSON.stringify(list))).size).toBeGreaterThan(1);
  }, 150_000);

  it('searches and pages from the keyboard alone: each page the API’s, the focus kept on the button pressed', async () => {
    const page = await signedIn();
    await tabTo(page, 'input[name=search]');
    await page.keyboard.type(enrolled.reference);
    await page.keyboard.press('Enter');
    await expectShown(page, await listOf({ search: enrolled.reference, orderBy: 'RECENTLY_CHANGED' }));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    const first = await apiList({ orderBy: 'RECENTLY_CHANGED' });
    expect(first.totalCount).toBeGreaterThan(CASE_PAGE_SIZE);
    await expectShown(page, { totalCount: first.totalCount, ids: first.ids });

    await tabTo(page, 'button.next-page');
    await page.keyboard.press('Enter');
    await expectShown(page, await listOf({ orderBy: 'RECENTLY_CHANGED', after: first.endCursor }));
    expect(await page.locator('button.next-page:focus').count()).toBe(1);
    expect(await page.locator('caption').innerText()).toBe('Case files, page 2');
    await screenshot(page, 'cases-page-2-en');

    await page.keyboard.press('Shift+Tab');
    expect(await page.locator('button.previous-page:focus').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expectShown(page, { totalCount: first.totalCount, ids: first.ids });
    expect(await page.locator('button.previous-page:focus').count()).toBe(1);
  }, 90_000);

  it('shows a demo participant’s timeline as the API holds it, corrections and voids with who, when and why, and a link to every form', async () => {
    const page = await signedIn();
    await page.goto(`${testbed.origin}/cases/${demo.id}`);
    await page.locator('ol.timeline > li').first().waitFor({ timeout: 20_000 });
    const { participant } = await api(TIMELINE, { id: demo.id });
    const shown = await page.evaluate(`[...document.querySelectorAll('ol.timeline > li')].map((li) => ({
      sequence: Number(li.dataset.sequence), kind: li.dataset.kind, occurredOn: li.dataset.occurredOn,
      voided: li.dataset.voided === 'true', corrected: li.dataset.corrected === 'true',
      recordedBy: li.querySelector('.recorded').dataset.recordedBy, recordedAt: li.querySelector('.recorded').dataset.recordedAt,
      amendments: [...li.querySelectorAll('.amendments > li')].map((a) => ({
        sequence: Number(a.dataset.sequence), kind: a.dataset.kind, recordedBy: a.dataset.recordedBy, recordedAt: a.dataset.recordedAt,
        reason: a.querySelector('.reason').textContent,
      })),
      forms: [...li.querySelectorAll('.milestone-actions a')].map((a) => a.getAttribute('href')),
    }))`);
    type ApiMilestone = { sequence: number; kind: string; occurredOn: string; recordedAt: string; recordedBy: string; voided: boolean; corrected: boolean };
    type ApiAmendment = { sequence: number; kind: string; reason: string; recordedAt: string; recordedBy: string };
    expect(shown).toEqual(
      participant.timeline.map(({ sequence, kind, occurredOn, recordedAt, recordedBy, voided, corrected, amendments }: ApiMilestone & { amendments: ApiAmendment[] }) => ({
        sequence,
        kind,
        occurredOn,
        voided,
        corrected,
        recordedBy,
        recordedAt,
        amendments: amendments.map((a) => ({ sequence: a.sequence, kind: a.kind, recordedBy: a.recordedBy, recordedAt: a.recordedAt, reason: en['caseFile.reason'].replace('{reason}', a.reason) })),
        // The service voids no enrolment (the journey would lose its start): no void link on ENROLLED.
        forms: voided ? [] : CASE_ACTIONS.filter((entry) => entry.perMilestone && !(kind === 'ENROLLED' && entry.action === 'void')).map((entry) => actionPath(demo.id, entry.action, sequence)),
      })),
    );
    const corrected = page.locator(`ol.timeline > li[data-sequence="${demo.corrected}"]`);
    const mode = participant.timeline.find((m: { sequence: number }) => m.sequence === demo.corrected).values.mode;
    expect(await corrected.locator('.milestone-summary').innerText()).toBe(`${en['milestone.COACHING_SESSION']}: ${en[`coachingMode.${mode}` as keyof typeof en]}, 95 min`);
    expect(await corrected.locator('.original').innerText()).toMatch(/^As first recorded: Coaching session: .+, \d+ min, on /);
    expect(await page.locator(`ol.timeline > li[data-sequence="${demo.voided}"] .voided-mark`).innerText()).toBe(en['caseFile.voidedMark']);
    const forms = await page.locator('nav.case-actions a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    // An exited case: no milestone of a running spell (coaching, activities, referral, job, exit), but a re-enrolment and a follow-up.
    expect(participant.status).toBe('EXITED');
    expect(forms).toEqual((['re-enrol', 'follow-up', 'note', 'personal-details', 'erase'] as const).map((action) => actionPath(demo.id, action)));
    await screenshot(page, 'case-file-timeline-en');
  }, 90_000);

  it('shows personal details only after the button asks the service for them', async () => {
    const page = await signedIn();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.method() === 'POST') asked.push(request.postData() ?? '');
    });
    await page.goto(`${testbed.origin}/cases/${demo.id}`);
    await page.locator('ol.timeline > li').first().waitFor({ timeout: 20_000 });
    const { participant } = await api(TIMELINE, { id: demo.id });
    expect(asked.some(asksPersonal)).toBe(false);
    expect(await page.locator('body').innerText()).not.toContain(participant.personal.fullName);
    expect(await page.locator('[data-field]').count()).toBe(0);

    await page.getByRole('button', { name: en['caseFile.showPersonal'] }).click();
    await page.locator('[data-field=fullName]').waitFor();
    expect(await page.locator('[data-field=fullName]').innerText()).toBe(participant.personal.fullName);
    expect(asked.filter(asksPersonal)).toHaveLength(1);
    expect(await page.getByRole('button', { name: en['caseFile.hidePersonal'] }).getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'case-file-personal-en');
  }, 60_000);

  it('says a case outside the adviser’s city, or none, was not found, with the service’s code', async () => {
    const page = await signedIn();
    const frankfurt = (await api('{ participants(first: 1) { edges { node { id } } } }', {}, await bearer('adviser', 'frankfurt'))).participants.edges[0].node.id;
    for (const id of [frankfurt, '00000000-0000-4000-8000-000000000000']) {
      await page.goto(`${testbed.origin}/cases/${id}`);
      const alert = page.locator('.error', { hasText: en['error.NOT_FOUND'] });
      await alert.waitFor({ timeout: 20_000 });
      expect(await alert.innerText()).toContain('Error code: NOT_FOUND');
    }
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'case-file-not-found-en');
  }, 60_000);

  it('sends an adviser who opens the life paths or the trends to a page of theirs', async () => {
    const page = await signedIn();
    for (const path of ['/life-paths', '/trends']) {
      await page.goto(`${testbed.origin}${path}`);
      await page.waitForURL(`${testbed.origin}/cases`);
      await page.locator('table.case-list').waitFor({ timeout: 20_000 });
      expect(await page.locator('nav a', { hasText: 'Trends' }).count()).toBe(0);
    }
  }, 60_000);

  it('comes back to the same list after signing in again when the session has expired', async () => {
    const { page } = await testbed.newPage();
    const expired = await issueToken({ secret: TEST_JWT_SECRET }, { sub: 'adviser-expired', role: 'adviser', city: 'paris' }, '1s');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await keepDevToken(page, testbed.origin, expired);
    const address = '/cases?status=EXITED&orderBy=REFERENCE';
    await page.goto(`${testbed.origin}${address}`);
    const form = page.locator('form.dev-sign-in');
    await form.waitFor({ timeout: 20_000 });
    await form.locator('select[name=role]').selectOption('adviser');
    await form.locator('select[name=city]').selectOption('paris');
    await form.locator('button[type=submit]').click();
    await page.locator('table.case-list').waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(`${testbed.origin}${address}`);
    await expectShown(page, await listOf({ status: 'EXITED', orderBy: 'REFERENCE' }));
  }, 60_000);

  describe.each(LANGUAGES)('in %s (the browser’s language)', (language) => {
    it('shows the case list and a case file, its personal details asked for, with no untranslated key and no WCAG 2.2 AA violation', async () => {
      const page = await signedIn(language);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(await violations(page)).toEqual([]);
      await screenshot(page, `cases-list-${language}`);

      await page.goto(`${testbed.origin}/cases/${demo.id}`);
      await page.locator('ol.timeline > li').first().waitFor({ timeout: 20_000 });
      await page.locator('.personal-details button').click();
      await page.locator('[data-field=fullName]').waitFor();
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(await violations(page)).toEqual([]);
      await screenshot(page, `case-file-${language}`);
    }, 150_000);
  });

  it('keeps personal details hidden when Hide is pressed before their answer arrives (the answer held back by the test)', async () => {
    const page = await signedIn();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (asksPersonal(route.request().postData() ?? '{}')) await held;
      await route.continue();
    });
    await page.goto(`${testbed.origin}/cases/${demo.id}`);
    await page.locator('ol.timeline > li').first().waitFor({ timeout: 20_000 });
    const responded = page.waitForResponse((response) => asksPersonal(response.request().postData() ?? '{}'));
    await page.getByRole('button', { name: en['caseFile.showPersonal'] }).click();
    await page.getByRole('button', { name: en['caseFile.hidePersonal'] }).click();
    release();
    await responded;
    // Whatever the page would do with the answer it has done once the next frame is drawn.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
    expect(await page.locator('[data-field]').count()).toBe(0);
    expect(await page.getByRole('button', { name: en['caseFile.showPersonal'] }).getAttribute('aria-expanded')).toBe('false');
  }, 60_000);

  it('uses the case file from the keyboard alone: personal details shown and hidden, a form of the case and a form of a milestone opened by Tab and Enter, "Cases" the current menu entry', async () => {
    const page = await signedIn();
    const current = () => page.locator('nav a[aria-current=page]').innerText();
    await page.goto(`${testbed.origin}/cases/${demo.id}`);
    await page.locator('ol.timeline > li').first().waitFor({ timeout: 20_000 });
    expect(await current()).toBe(en['nav.cases']);

    await tabTo(page, '.personal-details button');
    await page.keyboard.press('Enter');
    await page.locator('[data-field=fullName]').waitFor({ timeout: 20_000 });
    expect(await page.locator('.personal-details button:focus').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    await expectSoon(() => page.locator('[data-field]').count(), 0);

    const note = actionPath(demo.id, 'note');
    await tabTo(page, `nav.case-actions a[href="${note}"]`, 200);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === note, { timeout: 20_000 });
    expect(await current()).toBe(en['nav.cases']);

    await page.goto(`${testbed.origin}/cases/${demo.id}`);
    await page.locator('ol.timeline > li').first().waitFor({ timeout: 20_000 });
    const correct = actionPath(demo.id, 'correct', demo.corrected);
    await tabTo(page, `ol.timeline .milestone-actions a[href="${correct}"]`, 400);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.search === correct, { timeout: 20_000 });
    expect(await current()).toBe(en['nav.cases']);
  }, 120_000);

  it.each([
    ['coordinator', 'paris'],
    ['researcher', undefined],
  ] as const)('never fetches an adviser’s page chunk while a %s goes through each of their pages', async (role, city) => {
    const { page } = await testbed.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await devSignIn(page, testbed.origin, role, city);
    await page.locator('nav a').first().waitFor({ timeout: 20_000 });
    const menu = await page.locator('nav a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(menu.length).toBeGreaterThan(0);
    for (const href of menu) {
      await page.locator(`nav a[href="${href}"]`).click();
      await page.waitForURL((url) => url.pathname === href, { timeout: 20_000 });
      await page.locator('main h1').first().waitFor({ timeout: 20_000 });
    }
    expect(fetched.some((path) => path.startsWith('/assets/'))).toBe(true);
    expect(fetched.filter((path) => /^\/assets\/(case-list-page|case-file-page|command-page|enrol-page)-/.test(path))).toEqual([]);
  }, 90_000);

  it('finds the participant by name no more once erased, and no file of the store holds the name or its words', async () => {
    const file = demoDatabaseFile(testbed.service);
    const stored = () => Buffer.concat(readdirSync(dirname(file)).map((name) => readFileSync(join(dirname(file), name))));
    const expectNoName = () => {
      const bytes = stored();
      // The check can see what is stored in clear: the coded values.
      expect(bytes.includes(Buffer.from('paris-gatp'))).toBe(true);
      for (const text of [...spellings(NAME), PERSONAL.email, PERSONAL.email.toUpperCase(), PERSONAL.phone]) {
        for (const encoded of encodings(text)) expect(bytes.includes(encoded)).toBe(false);
      }
    };
    expectNoName();

    await api('mutation ($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { id } }', { input: { participantId: enrolled.id, reason: 'Asked by the participant' } });
    const page = await signedIn();
    for (const search of ['Vautrin', 'Ghislaine Lemaire']) {
      await page.locator('input[name=search]').fill(search);
      await page.locator('form.case-filters button[type=submit]').click();
      await expectShown(page, { totalCount: 0, ids: [] });
      expect(await listOf({ search, orderBy: 'RECENTLY_CHANGED' })).toEqual({ totalCount: 0, ids: [] });
    }
    expect(await page.locator('.note').innerText()).toBe(en['cases.none']);
    await screenshot(page, 'cases-erased-name-en');

    await page.locator('input[name=search]').fill(enrolled.reference);
    await page.locator('form.case-filters button[type=submit]').click();
    await expectShown(page, { totalCount: 1, ids: [enrolled.id] });
    await page.locator(`tr[data-id="${enrolled.id}"] a`).click();
    await page.locator('[data-erased]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-erased]').innerText()).toBe(en['caseFile.erased']);
    expect(await page.locator('.personal-details button').count()).toBe(0);
    await screenshot(page, 'case-file-erased-en');
    expectNoName();
  }, 90_000);
});
