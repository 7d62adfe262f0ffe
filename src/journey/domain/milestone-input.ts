import { findCity, findProgramme, hasPartner } from '../../catalogue/catalogue';
import type { DecisionContext } from './decide';
import { enrolmentInputErrors } from './enrolment-input';
import type { FieldError } from './errors';
import type { MilestoneEvent } from './events';

/**
 * Codes a milestone names that must be in the catalogue of the participant's city, and an
 * enrolment's ranges; empty when all hold.
 */
export function milestoneInputErrors(event: MilestoneEvent, cityCode: string, context: DecisionContext): FieldError[] {
  const city = findCity(context.catalogue, cityCode);
  const unknownPartner = (field: string, partner: string): FieldError[] =>
    city && hasPartner(city, partner) ? [] : [{ field, message: `Unknown partner '${partner}' in this city's catalogue` }];
  switch (event.type) {
    case 'ParticipantEnrolled':
      return enrolmentInputErrors(event.data, context);
    case 'ActivityStarted':
      return event.data.provider === null ? [] : unknownPartner('provider', event.data.provider);
    case 'ReferredToPartner':
      return unknownPartner('partner', event.data.partner);
    case 'ParticipantReEnrolled': {
      const { programme } = event.data;
      return city && findProgramme(city, programme) ? [] : [{ field: 'programme', message: `Unknown programme '${programme}' in ${cityCode}` }];
    }
    default:
      return [];
  }
}
