/**
 * The orders of an adviser's case list. RECENTLY_CHANGED: the case whose stream got an event
 * latest in the log first. FIRST_ENROLMENT: the earliest first enrolment first, the list's order
 * before it had a choice. REFERENCE: by city code, then by number (PAR-0001, PAR-0002, …).
 */
export const CASE_ORDERS = ['RECENTLY_CHANGED', 'FIRST_ENROLMENT', 'REFERENCE'] as const;
export type CaseOrder = (typeof CASE_ORDERS)[number];

/** What clients that name no order get: the only order there was. */
export const DEFAULT_CASE_ORDER: CaseOrder = 'FIRST_ENROLMENT';
