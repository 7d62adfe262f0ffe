import { registerEnumType } from '@nestjs/graphql';
import * as v from '../journey/domain/vocabulary';

/** GraphQL enums from the domain's lists, so that the schema and the domain cannot drift apart. */
export const asEnum = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const Gender = asEnum(v.GENDERS);
export const EducationLevel = asEnum(v.EDUCATION_LEVELS);
export const PositionLevel = asEnum(v.POSITION_LEVELS);
export const IncomeSupport = asEnum(v.INCOME_SUPPORTS);
export const ParticipantStatus = asEnum(v.PARTICIPANT_STATUSES);
export const ActivityKind = asEnum(v.ACTIVITY_KINDS);
export const ActivityResult = asEnum(v.ACTIVITY_RESULTS);
export const CoachingMode = asEnum(v.COACHING_MODES);
export const ContractType = asEnum(v.CONTRACT_TYPES);
export const EmployerType = asEnum(v.EMPLOYER_TYPES);
export const SelfEmploymentForm = asEnum(v.SELF_EMPLOYMENT_FORMS);
export const ExitReason = asEnum(v.EXIT_REASONS);
export const OutcomeClass = asEnum(v.OUTCOME_CLASSES);
export const FollowUpStatus = asEnum(v.FOLLOW_UP_STATUSES);
export const MilestoneKind = asEnum(v.MILESTONE_KINDS);

registerEnumType(Gender, { name: 'Gender' });
registerEnumType(EducationLevel, {
  name: 'EducationLevel',
  description: 'Highest education reached, in the ISCED bands used in ESF reporting.',
});
registerEnumType(PositionLevel, {
  name: 'PositionLevel',
  description: "Level of the participant's last position (all participants are 'cadres').",
});
registerEnumType(IncomeSupport, {
  name: 'IncomeSupport',
  description:
    'Income support at enrolment: minimum income (RMI, Arbeitslosengeld II, ekonomiskt bistånd), unemployment insurance, or none.',
});
registerEnumType(ParticipantStatus, { name: 'ParticipantStatus' });
registerEnumType(ActivityKind, { name: 'ActivityKind' });
registerEnumType(ActivityResult, { name: 'ActivityResult' });
registerEnumType(CoachingMode, { name: 'CoachingMode' });
registerEnumType(ContractType, { name: 'ContractType' });
registerEnumType(EmployerType, { name: 'EmployerType' });
registerEnumType(SelfEmploymentForm, { name: 'SelfEmploymentForm' });
registerEnumType(ExitReason, { name: 'ExitReason' });
registerEnumType(OutcomeClass, { name: 'OutcomeClass' });
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });
registerEnumType(MilestoneKind, { name: 'MilestoneKind' });
