import type { MilestoneValues } from '../../../web/src/api/case-types';
import type { CaseForForm, TimelineMilestone } from '../../../web/src/api/command-types';
import type { City } from '../../../web/src/api/types';
import { correctForm } from '../../../web/src/commands/correct-form';
import { FIELD_ENTRIES } from '../../../web/src/commands/correction-fields';
import { problemsOf } from '../../../web/src/commands/field-checks';
import type { CommandFormSpec, FormContext, FormTranslator, FormValues } from '../../../web/src/commands/form-spec';
import { noteForm } from '../../../web/src/commands/note-form';
import { voidForm } from '../../../web/src/commands/void-form';

/** A translator that names message keys (and their values) and leaves dates as they are: what a spec gives is read off plainly. */
const tr: FormTranslator = { locale: 'en', t: (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key), date: (d) => d, dateTime: (d) => d };
const PARIS: City = { code: 'paris', name: 'Paris', timeZone: 'Europe/Paris', positiveExitTarget: 0.6, partners: [], programmes: [] };
const NO_VALUES = Object.fromEntries(Object.keys(FIELD_ENTRIES).map((field) => [field, null])) as unknown as MilestoneValues;
const TODAY = '2008-12-20';

const step = (sequence: number, kind: string, values: Partial<MilestoneValues>, voided = false): TimelineMilestone => ({
  sequence,
  kind,
  occurredOn: values.occurredOn!,
  recordedAt: `${values.occurredOn}T10:00:00.000Z`,
  recordedBy: 'adviser-1',
  voided,
  corrected: false,
  values: { ...NO_VALUES, ...values },
  amendments: [],
});
const TIMELINE = [
  step(1, 'ENROLLED', { occurredOn: '2008-01-07', city: 'paris', programme: 'paris-gatp', birthYear: 1955 }),
  step(2, 'COACHING_SESSION', { occurredOn: '2008-02-01', mode: 'INDIVIDUAL', durationMinutes: 60 }),
  step(3, 'JOB_STARTED', { occurredOn: '2008-12-09', contractType: 'TIME_SHARE', employerType: 'SME', sector: 'M', weeklyHours: 21 }),
  step(4, 'COACHING_SESSION', { occurredOn: '2008-02-15', mode: 'GROUP', durationMinutes: 90 }, true),
];
const CASE = { id: 'c1', reference: 'PAR-0001', version: 5, city: 'paris', personalDataErased: false, timeline: TIMELINE } as unknown as CaseForForm;

/** The context of a form on the case above, with the values typed. */
const contextOf = (values: FormValues, caseFile: CaseForForm = CASE): FormContext => ({ session: {} as FormContext['session'], tr, caseFile, city: PARIS, today: TODAY, values });
/** What the form's checks find in the values, by field: each problem's message key. */
const problems = (spec: CommandFormSpec, values: FormValues): Record<string, string> => {
  const context = contextOf(values);
  return Object.fromEntries(Object.entries(problemsOf(spec.fields(context), values, context, spec.crossChecks)).map(([field, { key }]) => [field, key]));
};

describe('the correct, void and note forms’ specs on a case', () => {
  it('correct: the milestone said above its correctable fields, filled as recorded, then the reason; only the changed ones sent', () => {
    const spec = correctForm(3);
    const initial = spec.initialValues!(contextOf({}));
    expect(initial).toEqual({ occurredOn: '2008-12-09', contractType: 'TIME_SHARE', employerType: 'SME', sector: 'M', weeklyHours: '21' });
    const fields = spec.fields(contextOf(initial));
    expect(fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ['occurredOn', 'date', true],
      ['contractType', 'select', true],
      ['employerType', 'select', true],
      ['sector', 'select', true],
      ['weeklyHours', 'number', false],
      ['reason', 'textarea', true],
    ]);
    expect(fields[0]!.label).toBe('field.jobStartedOn');
    expect(spec.before!(contextOf(initial), null)).toMatch(/^correct\.milestone .*milestone\.JOB_STARTED/);
    expect(fields[0]!.hint).toMatch(/^amend\.asRecorded /);
    expect(fields[1]!.hint).toBe('amend.asRecorded {"value":"contractType.TIME_SHARE"}');
    const values = { ...initial, weeklyHours: '28', reason: 'Hours mistyped' };
    expect(problems(spec, values)).toEqual({});
    expect(spec.toInput(values, contextOf(values))).toEqual({ sequence: 3, reason: 'Hours mistyped', weeklyHours: 28 });
    expect(spec.toInput({ ...values, weeklyHours: '' }, contextOf(values))).toEqual({ sequence: 3, reason: 'Hours mistyped', weeklyHours: null });
  });

  it('correct: refuses a correction that changes nothing, no reason, a number out of range, a new date after today', () => {
    const spec = correctForm(3);
    const initial = spec.initialValues!(contextOf({}));
    expect(problems(spec, { ...initial, reason: ' ' })).toEqual({ occurredOn: 'correct.nothingChanged', reason: 'check.required' });
    expect(problems(spec, { ...initial, weeklyHours: '61', reason: 'typo' })).toEqual({ weeklyHours: 'check.range' });
    expect(problems(spec, { ...initial, occurredOn: '2008-12-21', reason: 'typo' })).toEqual({ occurredOn: 'check.future' });
    expect(problems(spec, { ...initial, contractType: '', reason: 'typo' })).toEqual({ contractType: 'check.required' });
  });

  it('correct and void: say why a milestone cannot be amended instead of asking', () => {
    const context = contextOf({});
    expect(correctForm(3).unavailable!(context)).toBeNull();
    expect(correctForm(4).unavailable!(context)).toBe('amend.voided');
    expect(correctForm(9).unavailable!(context)).toBe('amend.noSuchMilestone');
    expect(voidForm(1).unavailable!(context)).toBe('amend.enrolmentNotVoidable');
    expect(voidForm(2).unavailable!(context)).toBeNull();
  });

  it('void: the milestone said above the reason, and only its sequence and reason sent', () => {
    const spec = voidForm(2);
    const [reason, ...others] = spec.fields(contextOf({}));
    expect(others).toEqual([]);
    expect(reason).toMatchObject({ name: 'reason', required: true });
    expect(spec.before!(contextOf({}), null)).toMatch(/^void\.milestone .*milestone\.COACHING_SESSION/);
    expect(problems(spec, { reason: '' })).toEqual({ reason: 'check.required' });
    expect(spec.toInput({ reason: 'Wrong participant' }, contextOf({}))).toEqual({ sequence: 2, reason: 'Wrong participant' });
  });

  it('note: its text and the day it is about, from the first enrolment to today; none once erased', () => {
    expect(noteForm.initialValues!(contextOf({}))).toEqual({ writtenOn: TODAY });
    expect(problems(noteForm, { text: 'Called', writtenOn: '2008-01-06' })).toEqual({ writtenOn: 'check.beforeEnrolment' });
    expect(problems(noteForm, { text: '', writtenOn: '' })).toEqual({ text: 'check.required' });
    expect(noteForm.toInput({ text: 'Called', writtenOn: '' }, contextOf({}))).toEqual({ text: 'Called', writtenOn: null });
    expect(noteForm.unavailable!(contextOf({}, { ...CASE, personalDataErased: true }))).toBe('rule.ERASED');
  });
});
