import { MILESTONE_VALUES } from './case-documents';
/** The GraphQL documents of the command forms: the case they read, and the mutations they send. */

const CASE_FIELDS = `
  id reference version city programme status enrolledOn exitedOn exitReason personalDataErased activeActivities
  timeline { sequence kind occurredOn recordedAt recordedBy voided corrected values { ${MILESTONE_VALUES} }
    amendments { kind sequence recordedAt recordedBy } }
  notes { sequence writtenOn recordedAt recordedBy }
`;

/** The case a form is filled for. */
export const CASE_FOR_FORM = `query CaseForForm($id: ID!) { participant(id: $id) { ${CASE_FIELDS} } }`;

/** The same, with the personal details, which the service decrypts only when asked. */
export const CASE_FOR_FORM_WITH_PERSONAL = `query CaseForFormWithPersonal($id: ID!) {
  participant(id: $id) { ${CASE_FIELDS} personal { fullName email phone } }
}`;

/** A command's mutation (`recordExit(input: RecordExitInput!)`), answering the case's id and new version. */
export const commandDocument = (mutation: string, inputType: string): string =>
  `mutation Command($input: ${inputType}!) { ${mutation}(input: $input) { id version } }`;
