import type { CaseForForm, TimelineMilestone } from '../../../web/src/api/command-types';
import { changesSince } from '../../../web/src/commands/changes-since';
import { exitForm } from '../../../web/src/commands/exit-form';
import { birthYear, calendarDate, emailAddress, freeText, notInFuture, phoneNumber, problemsOf, wholeNumber } from '../../../web/src/commands/field-checks';
import { followUpForm, followUpWindow } from '../../../web/src/commands/follow-up-form';
import type { FormContext, FormTranslator } from '../../../web/src/commands/form-spec';
import { activityStartedOn, lastStepOn } from '../../../web/src/commands/spell';
import { todayIn } from '../../../web/src/commands/city-today';
import { en } from '../../../web/src/i18n/messages/en';
import { RULE_CODES } from '../../../web/src/commands/rule-fields';
import {
  ACTIVITY_KINDS,
  ACTIVITY_RESULTS,
  COACHING_MODES,
  CONTRACT_TYPES,
  EDUCATION_LEVELS,
  EMPLOYER_TYPES,
  EXIT_REASONS,
  FOLLOW_UP_STATUSES,
  GENDERS,
  INCOME_SUPPORTS,
  NACE_SECTIONS,
  POSITION_LEVELS,
  SELF_EMPLOYMENT_FORMS,
} from '../../../web/src/commands/vocabulary';

/** A translator that names message keys and leaves dates as they are: what the checks give is read off plainly. */
const tr: FormTranslator = { locale: 'en', t: (key) => key, date: (d) => d, dateTime: (d) => d };

const milestone = (sequence: number, kind: string, occurredOn: string, extra: Partial<TimelineMilestone> = {}): TimelineMilestone => ({
  sequence,
  kind,
  occurredOn,
  recordedAt: `${occurredOn}T10:00:00.000Z`,
  recordedBy: 'adviser-1',
  voided: false,
  corrected: false,
  values: { occurredOn } as TimelineMilestone['values'],
  amendments: [],
  ...extra,
});

const caseOf = (timeline: TimelineMilestone[], extra: Partial<CaseForForm> = {}): CaseForForm => ({
  id: 'c1',
  reference: 'PAR-0001',
  version: timeline.length,
  city: 'PAR',
  programme: 'PAR-TEST',
  status: 'ACTIVE',
  enrolledOn: timeline[0]?.occurredOn ?? '2008-01-01',
  exitedOn: null,
  exitReason: null,
  personalDataErased: false,
  activeActivities: [],
  timeline,
  notes: [],
  ...extra,
});

const contextOf = (caseFile: CaseForForm | null, values: Record<string, string> = {}): FormContext => ({
  session: { role: 'adviser', city: 'PAR' },
  tr,
  caseFile,
  city: { code: 'PAR', name: 'Paris', timeZone: 'Europe/Paris', positiveExitTarget: 0.5, partners: [], programmes: [] },
  today: '2008-06-15',
  values,
});

describe("the command forms' client checks (mirroring the service's)", () => {
  const context = contextOf(null);

  it('take calendar dates as YYYY-MM-DD only, not after today in the city', () => {
    expect(calendarDate('2008-02-29', context)).toBeNull();
    for (const bad of ['2007-02-29', '2008-13-01', '15/06/2008', '2008-6-1']) expect(calendarDate(bad, context)).toEqual({ key: 'check.date' });
    expect(notInFuture('2008-06-15', context)).toBeNull();
    expect(notInFuture('2008-06-16', context)).toEqual({ key: 'check.future', values: { date: '2008-06-15' } });
  });

  it('take whole numbers in range, and birth years from 1930 to this year less 40', () => {
    expect(wholeNumber(1, 600)('600', context)).toBeNull();
    for (const bad of ['0', '601', '1.5', 'ten', '']) expect(wholeNumber(1, 600)(bad, context)).toEqual({ key: 'check.range', values: { min: '1', max: '600' } });
    expect(birthYear('1968', context)).toBeNull();
    expect(birthYear('1969', context)?.key).toBe('check.range');
    expect(birthYear('1929', context)?.key).toBe('check.range');
  });

  it('take free text that is not blank and at most 2,000 characters, emails and phone numbers as the service does', () => {
    expect(freeText('  ', context)).toEqual({ key: 'check.blank' });
    expect(freeText('x'.repeat(2001), context)?.key).toBe('check.tooLong');
    expect(freeText('x'.repeat(2000), context)).toBeNull();
    expect(emailAddress('marie.dupont@example.fr', context)).toBeNull();
    expect(emailAddress('marie@', context)).toEqual({ key: 'check.email' });
    expect(phoneNumber('+33 (0)1 23.45-67', context)).toBeNull();
    for (const bad of ['12', 'call me', '+ 33 1']) expect(phoneNumber(bad, context)).toEqual({ key: 'check.phone' });
  });

  it('report a required field left empty, then the first failing check of each field, then the checks across fields', () => {
    const caseFile = caseOf([milestone(1, 'ENROLLED', '2008-01-10'), milestone(2, 'COACHING_SESSION', '2008-03-01')]);
    const withValues = (values: Record<string, string>) => contextOf(caseFile, values);
    const fields = exitForm.fields(withValues({}));
    expect(problemsOf(fields, {}, withValues({}), exitForm.crossChecks)).toEqual({ occurredOn: { key: 'check.required' }, reason: { key: 'check.required' } });
    const values = { occurredOn: '2008-02-01', reason: 'EMPLOYMENT' };
    expect(problemsOf(fields, values, withValues(values), exitForm.crossChecks)).toEqual({
      occurredOn: { key: 'check.beforeLastMilestone', values: { date: '2008-03-01' } },
      reason: { key: 'check.exitWithoutJob' },
    });
    const dated = { occurredOn: '2007-12-01', reason: 'HEALTH' };
    expect(problemsOf(fields, dated, withValues(dated), exitForm.crossChecks)).toEqual({ occurredOn: { key: 'check.beforeEnrolment', values: { date: '2008-01-10' } } });
  });

  it('read the spell as the journey does: voided milestones and earlier spells left out', () => {
    const caseFile = caseOf([
      milestone(1, 'ENROLLED', '2007-01-10'),
      milestone(2, 'JOB_STARTED', '2007-05-01'),
      milestone(3, 'EXITED', '2007-06-01'),
      milestone(4, 'RE_ENROLLED', '2008-01-10'),
      milestone(5, 'ACTIVITY_STARTED', '2008-02-01', { values: { occurredOn: '2008-02-01', activity: 'IT_TRAINING' } as TimelineMilestone['values'] }),
      milestone(6, 'COACHING_SESSION', '2008-04-01', { voided: true }),
    ]);
    expect(lastStepOn(caseFile)).toBe('2008-02-01');
    expect(activityStartedOn(caseFile, 'IT_TRAINING')).toBe('2008-02-01');
    expect(activityStartedOn(caseFile, 'JOB_CLUB')).toBeNull();
    const values = { occurredOn: '2008-05-01', reason: 'EMPLOYMENT' };
    expect(exitForm.crossChecks!(values, contextOf(caseFile, values))).toEqual({ reason: { key: 'check.exitWithoutJob' } });
  });

  it('date a follow-up within a month of the exit plus its months, as the service does (31 January + 1 month = 29 February)', () => {
    expect(followUpWindow('2008-01-31', 1)).toEqual({ from: '2008-01-29', to: '2008-03-29' });
    const caseFile = caseOf([milestone(1, 'ENROLLED', '2007-01-10'), milestone(2, 'EXITED', '2007-06-01')], { status: 'EXITED', exitedOn: '2007-06-01' });
    const inWindow = { occurredOn: '2007-12-20', monthsAfterExit: '6' };
    expect(followUpForm.crossChecks!(inWindow, contextOf(caseFile, inWindow))).toEqual({});
    const late = { occurredOn: '2008-01-02', monthsAfterExit: '6' };
    expect(followUpForm.crossChecks!(late, contextOf(caseFile, late))).toEqual({
      occurredOn: { key: 'check.followUpWindow', values: { months: 6, from: '2007-11-01', to: '2008-01-01' } },
    });
  });

  it('name only messages that exist', () => {
    const caseFile = caseOf([milestone(1, 'ENROLLED', '2008-01-10')]);
    const found = problemsOf(exitForm.fields(contextOf(caseFile)), { occurredOn: 'x', reason: 'SELF_EMPLOYMENT' }, contextOf(caseFile), exitForm.crossChecks);
    for (const problem of Object.values(found)) expect(Object.keys(en)).toContain(problem.key);
  });

  it("take today's date in the case's city, not the browser's", () => {
    const lateEveningInUtc = new Date('2008-06-15T23:30:00Z');
    expect(todayIn('Europe/Stockholm', lateEveningInUtc)).toBe('2008-06-16');
    expect(todayIn('UTC', lateEveningInUtc)).toBe('2008-06-15');
  });
});

describe('the changes recorded after the version an adviser saw', () => {
  it('are the milestones, corrections, voids and notes of later sequences, in order', () => {
    const caseFile = caseOf([
      milestone(1, 'ENROLLED', '2008-01-10', {
        amendments: [{ kind: 'CORRECTED', sequence: 4, recordedAt: '2008-02-02T09:00:00Z', recordedBy: 'adviser-2' }],
      }),
      milestone(2, 'COACHING_SESSION', '2008-01-20'),
      milestone(3, 'REFERRED', '2008-02-01'),
    ], { notes: [{ sequence: 5, writtenOn: '2008-02-03', recordedAt: '2008-02-03T09:00:00Z', recordedBy: 'adviser-2' }] });
    expect(changesSince(caseFile, 2).map((c) => [c.sequence, c.what, c.kind])).toEqual([
      [3, 'milestone', 'REFERRED'],
      [4, 'CORRECTED', 'ENROLLED'],
      [5, 'note', null],
    ]);
  });
});

describe("the forms' choices", () => {
  it('name every coded value the forms offer, and every NACE section, in English (and so, by the typecheck, in every language)', () => {
    const offered: [string, readonly string[]][] = [
      ['gender', GENDERS],
      ['education', EDUCATION_LEVELS],
      ['positionLevel', POSITION_LEVELS],
      ['incomeSupport', INCOME_SUPPORTS],
      ['activity', ACTIVITY_KINDS],
      ['activityResult', ACTIVITY_RESULTS],
      ['coachingMode', COACHING_MODES],
      ['contractType', CONTRACT_TYPES],
      ['employerType', EMPLOYER_TYPES],
      ['selfEmploymentForm', SELF_EMPLOYMENT_FORMS],
      ['exitReason', EXIT_REASONS],
      ['followUpStatus', FOLLOW_UP_STATUSES],
      ['nace', NACE_SECTIONS],
    ];
    const missing = offered.flatMap(([prefix, values]) => values.map((value) => `${prefix}.${value}`)).filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });

  it('have a message for every rule of the journey', () => {
    expect(RULE_CODES.filter((rule) => !(`rule.${rule}` in en))).toEqual([]);
  });
});
