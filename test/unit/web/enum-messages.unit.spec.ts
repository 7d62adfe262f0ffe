import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { ROLES } from '../../../src/auth/principal';
import { en } from '../../../web/src/i18n/messages/en';

/**
 * The API's enums the app shows, by the prefix of their messages (`exitReason.HEALTH`): the
 * dashboards' breakdowns, the life paths' characteristics and steps with their coded details
 * (web/src/life-paths/step-name.ts), the advisers' case list and case file (web/src/cases).
 * English only: the typecheck gives the other three languages English's keys.
 */
const SHOWN_ENUMS: Record<string, string> = {
  ActivityKind: 'activity',
  ActivityResult: 'activityResult',
  AmendmentKind: 'amendment',
  CaseOrder: 'caseOrder',
  CoachingMode: 'coachingMode',
  ContractType: 'contractType',
  EducationLevel: 'education',
  EmployerType: 'employerType',
  ExitReason: 'exitReason',
  FollowUpStatus: 'followUpStatus',
  Gender: 'gender',
  IncomeSupport: 'incomeSupport',
  MilestoneKind: 'milestone',
  OutcomeClass: 'outcome',
  ParticipantStatus: 'participantStatus',
  PositionLevel: 'positionLevel',
  SelfEmploymentForm: 'selfEmploymentForm',
};

/** Coded messages of values that are no enum of the API: NACE sections (a String, A to U) and the journey's rules (`extensions.rule`), both checked by form-checks.unit.spec.ts. */
const CODED_NOT_ENUMS = ['nace', 'rule'];

const schema = buildSchema(readFileSync(join(__dirname, '../../../schema/schema.graphql'), 'utf8'));
const keys = Object.keys(en);
/** The codes a prefix has English messages for (`exitReason.HEALTH` → HEALTH). */
const codesWithMessages = (prefix: string) => keys.filter((key) => key.startsWith(`${prefix}.`)).map((key) => key.slice(prefix.length + 1));

describe("the web app's English message of every value it shows of the API's enums (schema/schema.graphql)", () => {
  it.each(Object.entries(SHOWN_ENUMS))('%s: a message %s.<VALUE> for every value, none for a value the API lacks', (name, prefix) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType).getValues().map((value) => value.name);
    expect(codesWithMessages(prefix).sort()).toEqual([...values].sort());
  });

  it("names every role of the service's tokens (src/auth/principal.ts; a role is no enum of the API)", () => {
    expect(codesWithMessages('role').sort()).toEqual([...ROLES].sort());
  });

  it("finds each enum's messages under one prefix only: every coded message key belongs to an enum above", () => {
    const codedPrefixes = new Set(keys.filter((key) => /^[a-zA-Z]+\.[A-Z][A-Z0-9_]*$/.test(key) && !key.startsWith('error.')).map((key) => key.split('.')[0]));
    expect([...codedPrefixes].sort()).toEqual([...Object.values(SHOWN_ENUMS), ...CODED_NOT_ENUMS].sort());
  });
});
