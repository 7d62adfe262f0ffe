import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MilestoneValues } from '../../../web/src/api/case-types';
import type { City } from '../../../web/src/api/types';
import { FIELD_ENTRIES } from '../../../web/src/commands/correction-fields';
import type { FormTranslator } from '../../../web/src/commands/form-spec';
import { milestoneDescription, recordedValue } from '../../../web/src/commands/recorded-values';
import { en, type MessageKey } from '../../../web/src/i18n/messages/en';
import { fr } from '../../../web/src/i18n/messages/fr';

/**
 * A translator of plain messages, dates as they come. Not web/src/i18n/i18n.tsx's: @formatjs/intl
 * loads intl-messageformat, an ES module this Jest on Node 20 does not compile.
 */
const translatorOf = (messages: Record<string, string>): FormTranslator => ({
  locale: 'en',
  t: (key: MessageKey, values: Record<string, string | number> = {}) =>
    parse(messages[key]!)
      .map((element) => (element.type === TYPE.literal ? element.value : String(values[(element as { value: string }).value])))
      .join(''),
  date: (isoDate) => `[${isoDate}]`,
  dateTime: (instant) => instant,
});

const PARIS: City = {
  code: 'paris',
  name: 'Paris',
  timeZone: 'Europe/Paris',
  positiveExitTarget: 0.6,
  partners: [{ code: 'apec-paris', name: 'APEC Paris' }],
  programmes: [{ code: 'paris-gatp', name: 'GATP', city: 'paris', targets: { positiveExitRate: null, jobReturnRate: null, businessCreationRate: null } }],
};
const NO_VALUES = Object.fromEntries(Object.keys(FIELD_ENTRIES).map((field) => [field, null])) as unknown as MilestoneValues;

describe('a milestone as recorded, in the adviser’s language (web/src/commands/recorded-values.ts)', () => {
  it('names each kind of value: a date, a code, a NACE section, a catalogue’s name, a number, an empty one', () => {
    const tr = translatorOf(en);
    expect(recordedValue(tr, PARIS, 'occurredOn', '2008-12-09')).toBe('[2008-12-09]');
    expect(recordedValue(tr, PARIS, 'contractType', 'TIME_SHARE')).toBe('Time share');
    expect(recordedValue(tr, PARIS, 'employerType', 'SME')).toBe(en['employerType.SME']);
    expect(recordedValue(tr, PARIS, 'sector', 'M')).toBe(`M — ${en['nace.M']}`);
    expect(recordedValue(tr, PARIS, 'partner', 'apec-paris')).toBe('APEC Paris');
    expect(recordedValue(tr, PARIS, 'partner', 'gone-from-the-catalogue')).toBe('gone-from-the-catalogue');
    expect(recordedValue(tr, PARIS, 'programme', 'paris-gatp')).toBe('GATP');
    expect(recordedValue(tr, PARIS, 'birthYear', 1958)).toBe('1958');
    expect(recordedValue(tr, PARIS, 'weeklyHours', null)).toBe('empty');
  });

  it('says a milestone by its kind and date, then its other values, in each language', () => {
    const job = { kind: 'JOB_STARTED', values: { ...NO_VALUES, occurredOn: '2008-12-09', contractType: 'TIME_SHARE', employerType: 'SME', sector: 'M', weeklyHours: 21 } };
    expect(milestoneDescription(translatorOf(en), PARIS, job)).toBe(`Job started on [2008-12-09] (Time share, ${en['employerType.SME']}, M — ${en['nace.M']}, 21)`);
    expect(milestoneDescription(translatorOf(fr), PARIS, job)).toBe(
      `${fr['milestone.JOB_STARTED']} du [2008-12-09] (${fr['contractType.TIME_SHARE']}, ${fr['employerType.SME']}, M — ${fr['nace.M']}, 21)`,
    );
    expect(milestoneDescription(translatorOf(en), PARIS, { kind: 'ACTIVITY_STARTED', values: { ...NO_VALUES, occurredOn: '2008-01-02', activity: 'IT_TRAINING' } })).toBe(
      'Activity started on [2008-01-02] (IT training)',
    );
  });
});
