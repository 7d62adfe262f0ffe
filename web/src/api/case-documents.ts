/** The GraphQL documents of the advisers' case list and case file. */

/** A page of the adviser's city's case files, searched, filtered and sorted (web/src/cases/case-list-query.ts). */
export const CASE_LIST = `query CaseList(
  $search: String, $programme: String, $status: ParticipantStatus, $noMilestoneForDays: Int, $orderBy: CaseOrder, $first: Int, $after: String
) {
  participants(
    search: $search, programme: $programme, status: $status, noMilestoneForDays: $noMilestoneForDays, orderBy: $orderBy, first: $first, after: $after
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id reference programme status firstEnrolledOn lastMilestoneOn updatedAt } }
  }
}`;

/** Every field of MilestoneValues: the enrolment's profile too, which a correction may change. */
export const MILESTONE_VALUES = `occurredOn city programme birthYear gender educationLevel positionLevel lastSector unemployedSince incomeSupport
  mode durationMinutes activity provider result partner contractType employerType sector weeklyHours form exitReason monthsAfterExit status`;

/** A case file without its personal details: the service decrypts those only when a query asks for them (CASE_PERSONAL). */
export const CASE_FILE = `query CaseFile($id: ID!) {
  participant(id: $id) {
    id reference version city programme status outcome enrolledOn firstEnrolledOn exitedOn exitReason personalDataErased activeActivities
    profile { birthYear gender educationLevel positionLevel lastSector unemployedSince incomeSupport }
    timeline {
      sequence kind occurredOn recordedAt recordedBy note voided corrected
      values { ${MILESTONE_VALUES} }
      original { ${MILESTONE_VALUES} }
      amendments { sequence kind reason recordedAt recordedBy }
    }
    notes { sequence writtenOn note recordedAt recordedBy }
  }
}`;

/** A case's personal details, asked for on request only. */
export const CASE_PERSONAL = `query CasePersonal($id: ID!) {
  participant(id: $id) { id personalDataErased personal { fullName email phone } }
}`;
