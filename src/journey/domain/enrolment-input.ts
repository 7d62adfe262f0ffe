import { type Catalogue, findCity, findProgramme } from '../../catalogue/catalogue';
import type { FieldError } from './errors';
import type { ParticipantEnrolled } from './events';
import type { CalendarDate } from './vocabulary';

export const OLDEST_BIRTH_YEAR = 1930;
/** The programme is for people of 50 and over; 40 leaves room for early entrants and typos of one digit. */
export const MINIMUM_AGE_AT_ENROLMENT = 40;

/**
 * What an enrolment's input must be whatever the journey: codes of the catalogue and a birth year
 * in range. It needs no stream, so input validation can report these with the input's other
 * field errors, all in one answer.
 */
export function enrolmentInputErrors(
  { city: cityCode, programme, occurredOn, profile }: Pick<ParticipantEnrolled['data'], 'city' | 'programme' | 'occurredOn' | 'profile'>,
  { today, catalogue }: { today: CalendarDate; catalogue: Catalogue },
): FieldError[] {
  const errors: FieldError[] = [];
  const city = findCity(catalogue, cityCode);
  if (!city) errors.push({ field: 'city', message: `Unknown city '${cityCode}'` });
  else if (!findProgramme(city, programme)) {
    errors.push({ field: 'programme', message: `Unknown programme '${programme}' in ${cityCode}` });
  }
  const youngest = Number(today.slice(0, 4)) - MINIMUM_AGE_AT_ENROLMENT;
  if (profile.birthYear < OLDEST_BIRTH_YEAR || profile.birthYear > youngest) {
    errors.push({ field: 'birthYear', message: `Must be between ${OLDEST_BIRTH_YEAR} and ${youngest}` });
  }
  if (profile.unemployedSince !== null && profile.unemployedSince > occurredOn) {
    errors.push({ field: 'unemployedSince', message: 'Must not be after the enrolment date' });
  }
  return errors;
}
