import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { buildSchema, GraphQLEnumType, type GraphQLInputObjectType } from 'graphql';
import { CorrectMilestoneInput } from '../../../src/journey/graphql/inputs/correct-milestone.input';
import type { MilestoneValues } from '../../../web/src/api/case-types';
import { changesOf, CORRECTABLE_FIELDS, draftOf, FIELD_ENTRIES, labelOf } from '../../../web/src/commands/correction-fields';
import { en } from '../../../web/src/i18n/messages/en';

const schema = buildSchema(readFileSync(join(__dirname, '../../../schema/schema.graphql'), 'utf8'));
const correctionInput = schema.getType('CorrectMilestoneInput') as GraphQLInputObjectType;

const NO_VALUES = Object.fromEntries(Object.keys(FIELD_ENTRIES).map((field) => [field, null])) as unknown as MilestoneValues;
const JOB = { kind: 'JOB_STARTED', values: { ...NO_VALUES, occurredOn: '2026-03-02', contractType: 'PERMANENT', employerType: 'SME', sector: 'J', weeklyHours: 35 } };
const ENROLMENT = {
  kind: 'ENROLLED',
  values: { ...NO_VALUES, occurredOn: '2026-01-12', city: 'paris', programme: 'paris-gatp', birthYear: 1960, gender: 'FEMALE', educationLevel: 'ISCED_5_8', positionLevel: 'MANAGER', lastSector: 'K', unemployedSince: '2025-09-01', incomeSupport: 'NONE' },
};

/** Whether the service's input validation (class-validator, as the API runs it) refuses a correction's value. */
const serviceRefuses = (field: string, value: unknown): boolean => {
  const input = plainToInstance(CorrectMilestoneInput, { participantId: '0b6c6f1e-6c43-4c7e-9f0e-2f8e4f7f2a10', sequence: 4, reason: 'typo', [field]: value });
  return validateSync(input).some((error) => error.property === field);
};

describe("the correction form's fields (web/src/commands/correction-fields.ts)", () => {
  it("are named by every kind of milestone the API names (the schema's MilestoneKind), a job's as the service allows", () => {
    const kinds = (schema.getType('MilestoneKind') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(Object.keys(CORRECTABLE_FIELDS).sort()).toEqual([...kinds].sort());
    expect(CORRECTABLE_FIELDS.JOB_STARTED).toEqual(['occurredOn', 'contractType', 'employerType', 'sector', 'weeklyHours']);
    expect(CORRECTABLE_FIELDS.PERSONAL_DATA_ERASED).toEqual([]);
  });

  it("know how each is entered, each a field of the API's correction, with a label in the app's messages", () => {
    const correctable = [...new Set(Object.values(CORRECTABLE_FIELDS).flat())];
    expect(correctable.sort()).toEqual(Object.keys(FIELD_ENTRIES).sort());
    for (const field of correctable) expect(Object.keys(correctionInput.getFields())).toContain(field);
    for (const [kind, fields] of Object.entries(CORRECTABLE_FIELDS)) for (const field of fields) expect(Object.keys(en)).toContain(labelOf(kind, field));
    expect(labelOf('JOB_STARTED', 'occurredOn')).toBe('field.jobStartedOn');
    expect(labelOf('COACHING_SESSION', 'occurredOn')).toBe('field.occurredOn');
  });

  it("offer each enum's codes as the API has them, each named by a message", () => {
    for (const [field, entry] of Object.entries(FIELD_ENTRIES)) {
      if (entry.type !== 'code') continue;
      const type = correctionInput.getFields()[field]!.type as GraphQLEnumType;
      expect(type).toBeInstanceOf(GraphQLEnumType);
      expect([...entry.codes].sort()).toEqual(type.getValues().map((value) => value.name).sort());
      for (const code of entry.codes) expect(Object.keys(en)).toContain(`${entry.messages}.${code}`);
    }
  });

  it("bound each number where the service's input validation bounds it", () => {
    for (const [field, entry] of Object.entries(FIELD_ENTRIES)) {
      if (entry.type !== 'number') continue;
      expect([entry.min - 1, entry.min, entry.max, entry.max + 1].map((value) => serviceRefuses(field, value))).toEqual([true, false, false, true]);
    }
  });

  it('start from the milestone as it stands, and send only what changed, an emptied field as null', () => {
    const form = draftOf(JOB);
    expect(form).toEqual({ occurredOn: '2026-03-02', contractType: 'PERMANENT', employerType: 'SME', sector: 'J', weeklyHours: '35' });
    expect(changesOf(JOB, form)).toEqual({});
    expect(changesOf(JOB, { ...form, weeklyHours: ' 28 ', sector: 'J' })).toEqual({ weeklyHours: 28 });
    expect(changesOf(JOB, { ...form, weeklyHours: '', contractType: 'TIME_SHARE' })).toEqual({ weeklyHours: null, contractType: 'TIME_SHARE' });
    expect(changesOf(JOB, { ...form, reason: 'not a field of the milestone' })).toEqual({});
    expect(draftOf({ kind: 'PERSONAL_DATA_ERASED', values: NO_VALUES })).toEqual({});
    expect(draftOf({ kind: 'A_KIND_NOT_KNOWN_YET', values: NO_VALUES })).toEqual({});
  });

  it('let an enrolment change its programme and profile, never its city', () => {
    const form = draftOf(ENROLMENT);
    expect(Object.keys(form)).not.toContain('city');
    expect(changesOf(ENROLMENT, { ...form, birthYear: '1961', unemployedSince: '', city: 'berlin' })).toEqual({ birthYear: 1961, unemployedSince: null });
  });
});
