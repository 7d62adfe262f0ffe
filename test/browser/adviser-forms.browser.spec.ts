import type { Page, Request, Route } from 'playwright-core';
import { en } from '../../web/src/i18n/messages/en';
import { browserTestbed, devSignIn, fillForm, LANGUAGES, screenshot, submitForm, tabTo, untranslatedKeys, violations } from '../support/browser';
import { postGraphQL } from '../support/graphql-client';
import { enrolmentInput, mutation, type JourneyMutation } from '../support/journey-api';
import { overviewFigure } from '../support/live-figures';
import { bearer } from '../support/tokens';

/** Who the development sign-in signs an adviser of Paris in as (src/auth/dev-token.controller.ts). */
const DEV_ADVISER = 'dev-adviser-paris';

/** A date `days` before today, as YYYY-MM-DD: every date of a journey is in the past, in every city's time zone. */
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

interface ApiMilestone {
  sequence: number;
  kind: string;
  occurredOn: string;
  recordedBy: string;
  voided: boolean;
  values: Record<string, unknown>;
}

const CASE_QUERY = `query ($id: ID!) { participant(id: $id) {
  id version status exitReason activeActivities profile { birthYear gender lastSector } personal { fullName email phone }
  timeline { sequence kind occurredOn recordedBy voided values { occurredOn programme mode durationMinutes activity provider result partner contractType employerType sector weeklyHours exitReason monthsAfterExit status } }
} }`;

/** Whether a request is one of the app's commands (a GraphQL mutation), not a query. */
const isCommand = (request: Request): boolean => request.method() === 'POST' && /^\s*mutation\b/.test((request.postDataJSON() as { query?: string } | null)?.query ?? '');

describe("advisers' command forms (Chromium, the built demo service)", () => {
  const testbed = browserTestbed();
  const graphql = () => `${testbed.origin}/graphql`;

  /** The case as the API gives it to an adviser of Paris. */
  async function caseOf(id: string): Promise<{ version: number; status: string; exitReason: string | null; activeActivities: string[]; profile: Record<string, unknown>; personal: Record<string, unknown>; timeline: ApiMilestone[] }> {
    const answer = await postGraphQL(graphql(), CASE_QUERY, { id }, { authorization: await bearer('adviser', 'paris') });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data!.participant;
  }

  /** Records a command through the API, as an adviser of Paris. */
  async function record(name: JourneyMutation, input: Record<string, unknown>): Promise<string> {
    const answer = await postGraphQL(graphql(), mutation(name), { input }, { authorization: await bearer('adviser', 'paris', 'api-adviser') });
    if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
    return answer.data![name].id as string;
  }

  /** A participant of Paris enrolled through the API `days` ago. */
  const enrolled = (days = 120) => record('enrolParticipant', enrolmentInput({ enrolledOn: daysAgo(days), unemployedSince: daysAgo(days + 200) }));

  /** An adviser of Paris signed in, in a browser context of its own. */
  async function adviserPage(language = 'en'): Promise<Page> {
    const { page } = await testbed.newPage(language);
    await devSignIn(page, testbed.origin, 'adviser', 'paris');
    return page;
  }

  /** Opens a form of a case (or the enrolment, for `new`) and waits for its fields. */
  async function openForm(page: Page, path: string): Promise<void> {
    await page.goto(`${testbed.origin}${path}`);
    await page.locator('form.fields').waitFor({ timeout: 20_000 });
  }

  /** Submits the form and waits for the case file it goes to; the case's id. */
  async function recordThroughForm(page: Page): Promise<string> {
    await submitForm(page);
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    return new URL(page.url()).pathname.split('/')[2]!;
  }

  it('records a whole journey through the forms, each milestone once with the values typed, and a coordinator’s dashboard counts the exit', async () => {
    const page = await adviserPage();
    const { page: coordinator } = await testbed.newPage();
    await devSignIn(coordinator, testbed.origin, 'coordinator', 'paris');
    const exitedCell = coordinator.locator(overviewFigure('paris', 'exited'));
    await exitedCell.waitFor({ timeout: 20_000 });
    const exitedBefore = Number((await exitedCell.innerText()).replace(/\D/g, ''));

    await openForm(page, '/cases/new');
    await fillForm(page, {
      enrolledOn: daysAgo(120),
      programme: 'paris-gatp',
      fullName: 'Bernadette Lefèvre-Arnaud',
      email: 'b.lefevre@example.org',
      phone: '+33 6 12 34 56 78',
      birthYear: '1958',
      gender: 'FEMALE',
      educationLevel: 'ISCED_5_8',
      positionLevel: 'MANAGER',
      lastSector: 'J',
      unemployedSince: daysAgo(300),
      incomeSupport: 'UNEMPLOYMENT_INSURANCE',
      note: 'Wants to work in IT again.',
    });
    await screenshot(page, 'adviser-forms-enrol-filled-en');
    const id = await recordThroughForm(page);

    const steps: [string, Record<string, string>][] = [
      ['coaching', { occurredOn: daysAgo(110), mode: 'INDIVIDUAL', durationMinutes: '90' }],
      ['start-activity', { occurredOn: daysAgo(100), activity: 'IT_TRAINING', provider: 'astrolabe-conseil' }],
      ['complete-activity', { activity: 'IT_TRAINING', occurredOn: daysAgo(80), result: 'COMPLETED' }],
      ['job', { occurredOn: daysAgo(60), contractType: 'PERMANENT', employerType: 'SME', sector: 'J', weeklyHours: '35' }],
      ['exit', { occurredOn: daysAgo(50), reason: 'EMPLOYMENT' }],
    ];
    for (const [action, values] of steps) {
      await openForm(page, `/cases/${id}/${action}`);
      await fillForm(page, values);
      expect(await recordThroughForm(page)).toBe(id);
    }
    await coordinator.locator(overviewFigure('paris', 'exited'), { hasText: new RegExp(`^${new Intl.NumberFormat('en').format(exitedBefore + 1)}$`) }).waitFor({ timeout: 30_000 });
    await screenshot(coordinator, 'adviser-forms-coordinator-counts-exit-en');

    await openForm(page, `/cases/${id}/follow-up`);
    await fillForm(page, { monthsAfterExit: '1', occurredOn: daysAgo(20), status: 'EMPLOYED' });
    await recordThroughForm(page);

    const recorded = await caseOf(id);
    expect(recorded.timeline.map((m) => m.kind)).toEqual(['ENROLLED', 'COACHING_SESSION', 'ACTIVITY_STARTED', 'ACTIVITY_COMPLETED', 'JOB_STARTED', 'EXITED', 'FOLLOW_UP']);
    expect(recorded.timeline.every((m) => m.recordedBy === DEV_ADVISER && !m.voided)).toBe(true);
    expect(recorded.profile).toEqual({ birthYear: 1958, gender: 'FEMALE', lastSector: 'J' });
    expect(recorded.personal).toEqual({ fullName: 'Bernadette Lefèvre-Arnaud', email: 'b.lefevre@example.org', phone: '+33 6 12 34 56 78' });
    const values = recorded.timeline.map((m) => Object.fromEntries(Object.entries(m.values).filter(([, value]) => value !== null)));
    expect(values).toEqual([
      { occurredOn: daysAgo(120), programme: 'paris-gatp' },
      { occurredOn: daysAgo(110), mode: 'INDIVIDUAL', durationMinutes: 90 },
      { occurredOn: daysAgo(100), activity: 'IT_TRAINING', provider: 'astrolabe-conseil' },
      { occurredOn: daysAgo(80), activity: 'IT_TRAINING', result: 'COMPLETED' },
      { occurredOn: daysAgo(60), contractType: 'PERMANENT', employerType: 'SME', sector: 'J', weeklyHours: 35 },
      { occurredOn: daysAgo(50), exitReason: 'EMPLOYMENT' },
      { occurredOn: daysAgo(20), monthsAfterExit: 1, status: 'EMPLOYED' },
    ]);
    expect(recorded.status).toBe('EXITED');
  }, 240_000);

  it('shows the second of two advisers what the first recorded meanwhile, and applies the change on top: the timeline holds both', async () => {
    const id = await enrolled();
    const first = await adviserPage();
    const second = await adviserPage();
    await openForm(first, `/cases/${id}/coaching`);
    await openForm(second, `/cases/${id}/referral`);
    await fillForm(first, { occurredOn: daysAgo(10), mode: 'GROUP', durationMinutes: '45' });
    await recordThroughForm(first);

    await fillForm(second, { occurredOn: daysAgo(5), partner: 'cgpme-75' });
    await submitForm(second);
    const conflict = second.locator('section.conflict');
    await conflict.waitFor({ timeout: 20_000 });
    const rows = await conflict.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(en['milestone.COACHING_SESSION']);
    expect(rows[0]).toContain(DEV_ADVISER);
    await second.locator('#conflict:focus').waitFor();
    expect(await violations(second)).toEqual([]);
    await screenshot(second, 'adviser-forms-conflict-en');

    await conflict.locator('button', { hasText: en['conflict.apply'] }).click();
    await second.waitForURL(`**/cases/${id}`, { timeout: 30_000 });
    const kinds = (await caseOf(id)).timeline.map((m) => m.kind);
    expect(kinds).toEqual(['ENROLLED', 'COACHING_SESSION', 'REFERRED']);
  }, 120_000);

  it('drops the change on request after a conflict: nothing of it is recorded, and the form starts afresh', async () => {
    const id = await enrolled();
    const page = await adviserPage();
    await openForm(page, `/cases/${id}/coaching`);
    await fillForm(page, { occurredOn: daysAgo(3), mode: 'INDIVIDUAL', durationMinutes: '30' });
    await record('referToPartner', { participantId: id, occurredOn: daysAgo(4), partner: 'ddee' });
    await submitForm(page);
    await page.locator('section.conflict button', { hasText: en['conflict.drop'] }).click();
    await page.waitForURL(`**/cases/${id}`);
    expect((await caseOf(id)).timeline.map((m) => m.kind)).toEqual(['ENROLLED', 'REFERRED']);
    await openForm(page, `/cases/${id}/coaching`);
    expect(await page.locator('[name=durationMinutes]').inputValue()).toBe('');
  }, 90_000);

  it('sends a command again with the same commandId when the answer is lost on the way: recorded once', async () => {
    const id = await enrolled();
    const page = await adviserPage();
    await openForm(page, `/cases/${id}/coaching`);
    await fillForm(page, { occurredOn: daysAgo(2), mode: 'INDIVIDUAL', durationMinutes: '60' });
    const commandIds: string[] = [];
    let dropped = 0;
    // The first command reaches the service and is recorded; its answer never reaches the page.
    await page.route('**/graphql', async (route: Route) => {
      if (!isCommand(route.request())) return route.continue();
      commandIds.push((route.request().postDataJSON() as { variables: { input: { commandId: string } } }).variables.input.commandId);
      if (dropped > 0) return route.continue();
      dropped++;
      await route.fetch();
      return route.abort('connectionreset');
    });
    await recordThroughForm(page);
    expect(commandIds).toHaveLength(2);
    expect(new Set(commandIds).size).toBe(1);
    expect((await caseOf(id)).timeline.map((m) => m.kind)).toEqual(['ENROLLED', 'COACHING_SESSION']);
  }, 90_000);

  it('keeps what was typed and its commandId over a reload, and offers to try again once the retries are spent', async () => {
    const id = await enrolled();
    const page = await adviserPage();
    await openForm(page, `/cases/${id}/referral`);
    await fillForm(page, { occurredOn: daysAgo(2), partner: 'ffge', note: 'Met at the job fair.' });
    await page.reload();
    await page.locator('form.fields').waitFor();
    expect(await page.locator('[name=partner]').inputValue()).toBe('ffge');
    expect(await page.locator('[name=note]').inputValue()).toBe('Met at the job fair.');

    const commandIds: string[] = [];
    await page.route('**/graphql', async (route: Route) => {
      if (!isCommand(route.request())) return route.continue();
      commandIds.push((route.request().postDataJSON() as { variables: { input: { commandId: string } } }).variables.input.commandId);
      return route.abort('internetdisconnected');
    });
    await submitForm(page);
    const tryAgain = page.locator('#form-refusal button', { hasText: en['form.tryAgain'] });
    await tryAgain.waitFor({ timeout: 30_000 });
    expect(await page.locator('.error').first().innerText()).toContain('NETWORK_ERROR');
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'adviser-forms-network-error-en');
    await page.unroute('**/graphql');
    await page.route('**/graphql', async (route: Route) => {
      if (isCommand(route.request())) commandIds.push((route.request().postDataJSON() as { variables: { input: { commandId: string } } }).variables.input.commandId);
      return route.continue();
    });
    await tryAgain.click();
    await page.waitForURL(`**/cases/${id}`, { timeout: 30_000 });
    expect(commandIds).toHaveLength(5);
    expect(new Set(commandIds).size).toBe(1);
    expect((await caseOf(id)).timeline.map((m) => m.kind)).toEqual(['ENROLLED', 'REFERRED']);
  }, 120_000);

  it('freezes the fields while a lost answer leaves the outcome unknown, and Try again records the values first sent, once', async () => {
    const id = await enrolled();
    const page = await adviserPage();
    await openForm(page, `/cases/${id}/referral`);
    await fillForm(page, { occurredOn: daysAgo(3), partner: 'ffge', note: 'First words.' });
    const inputs: Record<string, unknown>[] = [];
    // The first send reaches the service and is recorded, but its answer is lost; the retries are cut off.
    await page.route('**/graphql', async (route: Route) => {
      if (!isCommand(route.request())) return route.continue();
      inputs.push((route.request().postDataJSON() as { variables: { input: Record<string, unknown> } }).variables.input);
      if (inputs.length === 1) await route.fetch();
      return route.abort('connectionreset');
    });
    await submitForm(page);
    const tryAgain = page.locator('#form-refusal button', { hasText: en['form.tryAgain'] });
    await tryAgain.waitFor({ timeout: 30_000 });
    expect(await page.locator('#form-refusal').innerText()).toContain(en['form.outcomeUnknown']);
    expect(await page.locator('#form-refusal button', { hasText: en['form.drop'] }).count()).toBe(1);
    expect(await page.locator('form.fields').getAttribute('inert')).not.toBeNull();
    const typedInto = await page.locator('[name=note]').evaluate((note: HTMLTextAreaElement | HTMLInputElement) => {
      note.focus();
      return document.activeElement === note;
    });
    expect(typedInto).toBe(false);
    expect(await page.locator('button[type=submit]').isDisabled()).toBe(true);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'adviser-forms-outcome-unknown-en');
    // A reload keeps the send pending: still frozen, still only Try again or Drop.
    await page.reload();
    await tryAgain.waitFor({ timeout: 20_000 });
    expect(await page.locator('form.fields').getAttribute('inert')).not.toBeNull();

    await page.unroute('**/graphql');
    await page.route('**/graphql', async (route: Route) => {
      if (isCommand(route.request())) inputs.push((route.request().postDataJSON() as { variables: { input: Record<string, unknown> } }).variables.input);
      return route.continue();
    });
    await tryAgain.click();
    await page.waitForURL(`**/cases/${id}`, { timeout: 30_000 });
    for (const input of inputs) expect(input).toEqual(inputs[0]);
    const referrals = (await caseOf(id)).timeline.filter((m) => m.kind === 'REFERRED');
    expect(referrals).toHaveLength(1);
    expect(referrals[0]!.values).toMatchObject({ occurredOn: daysAgo(3), partner: 'ffge' });
  }, 120_000);

  it("shows each of the service's refusals beside its field (values altered on their way, past the client's checks)", async () => {
    const page = await adviserPage();
    await openForm(page, '/cases/new');
    await fillForm(page, {
      programme: 'paris-rmi',
      fullName: 'Jean Martin',
      email: 'jean.martin@example.org',
      phone: '01 23 45 67 89',
      birthYear: '1960',
      gender: 'MALE',
      educationLevel: 'ISCED_3_4',
      positionLevel: 'EXECUTIVE',
      lastSector: 'C',
      unemployedSince: daysAgo(400),
      incomeSupport: 'MINIMUM_INCOME',
    });
    // What the client cannot know is wrong, or would have caught: the service must still refuse each, by its field.
    await page.route('**/graphql', async (route: Route) => {
      if (!isCommand(route.request())) return route.continue();
      const body = route.request().postDataJSON() as { query: string; variables: { input: Record<string, any> } };
      const input = body.variables.input;
      Object.assign(input, { birthYear: 1901, lastSector: 'Z', unemployedSince: daysAgo(-400) });
      Object.assign(input.personal, { email: 'not-an-address', phone: 'call me' });
      return route.continue({ postData: JSON.stringify(body) });
    });
    await submitForm(page);
    await page.locator('#form-refusal').waitFor({ timeout: 20_000 });
    const besideField = (name: string) => page.locator(`#field-${name}-error`).innerText();
    expect(await besideField('birthYear')).toContain('Must be between 1930');
    expect(await besideField('lastSector')).toContain('NACE');
    expect(await besideField('unemployedSince')).toContain('Must not be after the enrolment date');
    expect(await besideField('email')).toContain('email must be an email address');
    expect(await besideField('phone')).toContain('phone must be a phone number');
    for (const name of ['birthYear', 'lastSector', 'unemployedSince', 'email', 'phone']) {
      expect(await page.locator(`#field-${name}`).getAttribute('aria-invalid')).toBe('true');
      expect(await besideField(name)).toContain(en['form.refusedValue']);
    }
    await page.locator('#field-email:focus').waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'adviser-forms-server-field-errors-en');
    await page.unroute('**/graphql');

    // A rule of the journey, refused by the service: beside the date it is about.
    const id = await enrolled(30);
    await openForm(page, `/cases/${id}/coaching`);
    await fillForm(page, { occurredOn: daysAgo(10), mode: 'GROUP', durationMinutes: '120' });
    await page.route('**/graphql', async (route: Route) => {
      if (!isCommand(route.request())) return route.continue();
      const body = route.request().postDataJSON() as { variables: { input: Record<string, unknown> } };
      body.variables.input.occurredOn = daysAgo(40);
      return route.continue({ postData: JSON.stringify(body) });
    });
    await submitForm(page);
    await page.locator('#field-occurredOn-error', { hasText: en['rule.DATE_BEFORE_ENROLMENT'] }).waitFor({ timeout: 20_000 });
    await page.locator('#field-occurredOn:focus').waitFor();
    await screenshot(page, 'adviser-forms-rule-violation-en');
  }, 120_000);

  it('checks the values in the browser first, each message beside its field, focus on the first', async () => {
    const id = await enrolled(30);
    const page = await adviserPage();
    await openForm(page, `/cases/${id}/job`);
    await fillForm(page, { occurredOn: daysAgo(-5), weeklyHours: '80' });
    await submitForm(page);
    await page.locator('#form-refusal').waitFor();
    expect(await page.locator('#field-occurredOn-error').innerText()).toContain('This date is after today');
    expect(await page.locator('#field-contractType-error').innerText()).toBe(en['check.required']);
    expect(await page.locator('#field-weeklyHours-error').innerText()).toBe('Enter a whole number from 1 to 60.');
    expect(await page.locator('#field-occurredOn').getAttribute('aria-describedby')).toContain('field-occurredOn-error');
    await page.locator('#field-occurredOn:focus').waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'adviser-forms-client-checks-en');
    expect((await caseOf(id)).timeline).toHaveLength(1);
  }, 90_000);

  it('signs in again after the service refused the token, back on the form with what was typed, and records it once', async () => {
    const id = await enrolled();
    const page = await adviserPage();
    await openForm(page, `/cases/${id}/coaching`);
    await fillForm(page, { occurredOn: daysAgo(7), mode: 'GROUP', durationMinutes: '75', note: 'Workshop on CVs.' });
    // The session's token, as the service sees it on this command, is no longer valid (signed with another key).
    await page.route('**/graphql', async (route: Route) => {
      if (!isCommand(route.request())) return route.continue();
      return route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer not.a.token' } });
    });
    await submitForm(page);
    const signInAgain = page.locator('#form-refusal button', { hasText: en['error.signInAgain'] });
    await signInAgain.waitFor({ timeout: 20_000 });
    expect(await page.locator('#form-refusal').innerText()).toContain('UNAUTHENTICATED');
    await page.unroute('**/graphql');
    await signInAgain.click();
    const form = page.locator('form.dev-sign-in');
    await form.waitFor({ timeout: 20_000 });
    await form.locator('select[name=role]').selectOption('adviser');
    await form.locator('select[name=city]').selectOption('paris');
    await form.locator('button[type=submit]').click();
    await page.locator('form.fields').waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe(`/cases/${id}/coaching`);
    expect(await page.locator('[name=durationMinutes]').inputValue()).toBe('75');
    expect(await page.locator('[name=note]').inputValue()).toBe('Workshop on CVs.');
    await recordThroughForm(page);
    expect((await caseOf(id)).timeline.map((m) => m.kind)).toEqual(['ENROLLED', 'COACHING_SESSION']);
  }, 90_000);

  it("says when to try again after a RATE_LIMITED answer (made up by the test: the shared service allows 120 changes a minute), and Try again records once", async () => {
    const id = await enrolled();
    const page = await adviserPage();
    await openForm(page, `/cases/${id}/referral`);
    await fillForm(page, { occurredOn: daysAgo(3), partner: 'ddee' });
    const commandIds: string[] = [];
    await page.route('**/graphql', async (route: Route) => {
      if (!isCommand(route.request())) return route.continue();
      commandIds.push((route.request().postDataJSON() as { variables: { input: { commandId: string } } }).variables.input.commandId);
      if (commandIds.length > 1) return route.continue();
      // As src/graphql/hardening/error-status.plugin.ts answers it: 429, Retry-After, the code and the seconds.
      const errors = [{ message: 'Too many changes from this token: try again in 30 s', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }];
      return route.fulfill({ status: 429, headers: { 'retry-after': '30' }, contentType: 'application/json', body: JSON.stringify({ errors }) });
    });
    await submitForm(page);
    const refusal = page.locator('#form-refusal');
    await refusal.locator('.error', { hasText: 'Too many requests. Try again in 30 seconds.' }).waitFor({ timeout: 20_000 });
    expect(await refusal.innerText()).toContain('RATE_LIMITED');
    await refusal.locator('button', { hasText: en['form.tryAgain'] }).click();
    await page.waitForURL(`**/cases/${id}`, { timeout: 30_000 });
    expect(commandIds).toHaveLength(2);
    expect(new Set(commandIds).size).toBe(1);
    expect((await caseOf(id)).timeline.map((m) => m.kind)).toEqual(['ENROLLED', 'REFERRED']);
  }, 60_000);

  it("answers another city's case with the not-found message, as the API does", async () => {
    const answer = await postGraphQL(graphql(), mutation('enrolParticipant'), { input: enrolmentInput({ city: 'frankfurt', programme: 'frankfurt-test-group', enrolledOn: daysAgo(30) }) }, { authorization: await bearer('adviser', 'frankfurt') });
    const page = await adviserPage();
    await page.goto(`${testbed.origin}/cases/${answer.data!.enrolParticipant.id}/coaching`);
    await page.locator('.error', { hasText: en['error.NOT_FOUND'] }).waitFor({ timeout: 20_000 });
    expect(await page.locator('form.fields').count()).toBe(0);
  }, 60_000);

  it('answers an action with no form with the not-found message', async () => {
    const id = await enrolled();
    const page = await adviserPage();
    await page.goto(`${testbed.origin}/cases/${id}/nope`);
    await page.locator('.error', { hasText: en['error.NOT_FOUND'] }).waitFor({ timeout: 20_000 });
  }, 60_000);

  describe('each form in each language', () => {
    let active: string;
    let exited: string;
    beforeAll(async () => {
      active = await enrolled(60);
      await record('startActivity', { participantId: active, occurredOn: daysAgo(50), activity: 'HEALTH_PROGRAMME' });
      exited = await enrolled(90);
      await record('recordExit', { participantId: exited, occurredOn: daysAgo(40), reason: 'HEALTH' });
    });
    const forms = (): [string, string][] => [
      ['enrol', '/cases/new'],
      ...['coaching', 'start-activity', 'complete-activity', 'referral', 'job', 'self-employment', 'exit'].map((a): [string, string] => [a, `/cases/${active}/${a}`]),
      ...['re-enrol', 'follow-up'].map((a): [string, string] => [a, `/cases/${exited}/${a}`]),
    ];

    it.each(LANGUAGES)('in %s: no untranslated message, nothing axe finds, with and without errors shown', async (language) => {
      const page = await adviserPage(language);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      for (const [name, path] of forms()) {
        await openForm(page, path);
        expect({ name, keys: await untranslatedKeys(page) }).toEqual({ name, keys: [] });
        expect({ name, found: await violations(page) }).toEqual({ name, found: [] });
        await screenshot(page, `adviser-forms-${name}-${language}`);
        // Every field emptied and sent: the required ones say so.
        await submitEmpty(page);
        expect({ name, keys: await untranslatedKeys(page) }).toEqual({ name, keys: [] });
        expect({ name, found: await violations(page) }).toEqual({ name, found: [] });
        if (name === 'enrol' || name === 'exit') await screenshot(page, `adviser-forms-${name}-errors-${language}`);
      }
    }, 240_000);
  });

  it('records a journey with the keyboard alone', async () => {
    const { page } = await testbed.newPage();
    await page.goto(`${testbed.origin}/sign-in`);
    await chooseByKeyboard(page, 'form.dev-sign-in select[name=role]', 'adviser');
    await chooseByKeyboard(page, 'form.dev-sign-in select[name=city]', 'paris');
    await tabTo(page, 'form.dev-sign-in button[type=submit]');
    await page.keyboard.press('Enter');
    await page.locator('header nav').waitFor();
    await openForm(page, '/cases/new');
    await typeInto(page, '#field-fullName', 'Ingrid Holmberg');
    await typeInto(page, '#field-birthYear', '1957');
    for (const [field, option] of [
      ['programme', 'paris-gatp'],
      ['gender', 'FEMALE'],
      ['educationLevel', 'ISCED_5_8'],
      ['positionLevel', 'SENIOR_MANAGER'],
      ['lastSector', 'M'],
      ['incomeSupport', 'NONE'],
    ] as const) {
      await chooseByKeyboard(page, `#field-${field}`, option);
    }
    await tabTo(page, 'form.fields button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const id = new URL(page.url()).pathname.split('/')[2]!;

    // Every milestone dated today, the forms' default: each on or after the one before it.
    const steps: [string, [string, string][], [string, string][]][] = [
      ['coaching', [['mode', 'INDIVIDUAL']], [['durationMinutes', '50']]],
      ['start-activity', [['activity', 'IT_TRAINING']], []],
      ['complete-activity', [['result', 'COMPLETED']], []],
      ['job', [['contractType', 'PERMANENT'], ['employerType', 'LARGE_COMPANY'], ['sector', 'J']], []],
      ['exit', [['reason', 'EMPLOYMENT']], []],
      ['follow-up', [['status', 'EMPLOYED']], [['monthsAfterExit', '1']]],
    ];
    for (const [action, choices, typed] of steps) {
      // The case file (another page) links the forms; here each is opened by its address, then used by keyboard only.
      await openForm(page, `/cases/${id}/${action}`);
      for (const [field, text] of typed) await typeInto(page, `#field-${field}`, text);
      for (const [field, option] of choices) await chooseByKeyboard(page, `#field-${field}`, option);
      await tabTo(page, 'form.fields button[type=submit]');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/cases/${id}`, { timeout: 30_000 });
    }
    const recorded = await caseOf(id);
    expect(recorded.timeline.map((m) => m.kind)).toEqual(['ENROLLED', 'COACHING_SESSION', 'ACTIVITY_STARTED', 'ACTIVITY_COMPLETED', 'JOB_STARTED', 'EXITED', 'FOLLOW_UP']);
    expect(recorded.exitReason).toBe('EMPLOYMENT');
  }, 180_000);
});

/** Empties every field of the form and sends it. */
async function submitEmpty(page: Page): Promise<void> {
  for (const control of await page.locator('form.fields input, form.fields textarea').all()) await control.fill('');
  for (const control of await page.locator('form.fields select').all()) await control.selectOption('');
  await submitForm(page);
  await page.locator('#form-refusal').waitFor();
}

/** Tabs to a text field and types into it, replacing what it held. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

/** Tabs to a select and moves its choice with the arrow keys until it holds `value`. */
async function chooseByKeyboard(page: Page, selector: string, value: string): Promise<void> {
  await tabTo(page, selector);
  const select = page.locator(selector);
  const values = await select.locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
  const from = values.indexOf(await select.inputValue());
  const to = values.indexOf(value);
  if (to < 0) throw new Error(`${selector} offers no ${value}`);
  for (let i = from; i < to; i++) await page.keyboard.press('ArrowDown');
  for (let i = from; i > to; i--) await page.keyboard.press('ArrowUp');
  expect(await select.inputValue()).toBe(value);
}
