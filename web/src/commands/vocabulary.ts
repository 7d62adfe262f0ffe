/**
 * The API's coded values the forms offer: the journey's own lists (their single source, which
 * the GraphQL enums and the service's validation are made from), so a value added there is
 * offered here too.
 */
export {
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
  POSITION_LEVELS,
  SELF_EMPLOYMENT_FORMS,
} from '../../../src/journey/domain/vocabulary';

/** NACE Rev. 2 sections, A to U (the service's NACE_SECTION). */
export const NACE_SECTIONS = 'ABCDEFGHIJKLMNOPQRSTU'.split('');
