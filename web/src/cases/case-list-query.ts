import type { PageState } from '../app/router';
import { CASE_ORDERS, type CaseOrder, PARTICIPANT_STATUSES, type ParticipantStatus } from '../api/case-types';

/**
 * What the case list shows: the search, the filters and the order, named as the API's arguments
 * (and so in its form's fields). The filters and the order are the page's query string, so that a
 * reload or a new sign-in comes back to the same list; the search, which may be a person's name,
 * is kept out of the address, in the history entry's state (see PageState).
 */
export interface CaseListChoices {
  search: string;
  programme: string;
  status: ParticipantStatus | '';
  noMilestoneForDays: number | null;
  orderBy: CaseOrder;
}

/** Case files a page of the list holds. */
export const CASE_PAGE_SIZE = 25;

/** Recently changed first: what an adviser most often comes back to. */
export const DEFAULT_ORDER: CaseOrder = 'RECENTLY_CHANGED';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : '';

/** The choices of a query string (`?status=ACTIVE`) or of a form's fields, with the search; a value that means nothing is no choice. */
export function choicesOf(params: URLSearchParams, search: string): CaseListChoices {
  const days = Number(params.get('noMilestoneForDays'));
  return {
    search: search.trim(),
    programme: params.get('programme') ?? '',
    status: oneOf(PARTICIPANT_STATUSES, params.get('status')),
    noMilestoneForDays: Number.isInteger(days) && days > 0 ? days : null,
    orderBy: oneOf(CASE_ORDERS, params.get('orderBy')) || DEFAULT_ORDER,
  };
}

/** The query string of the choices but the search, each left out when it is none (the default order too). */
export function queryStringOf(choices: CaseListChoices): string {
  const params = new URLSearchParams();
  if (choices.programme) params.set('programme', choices.programme);
  if (choices.status) params.set('status', choices.status);
  if (choices.noMilestoneForDays !== null) params.set('noMilestoneForDays', String(choices.noMilestoneForDays));
  if (choices.orderBy !== DEFAULT_ORDER) params.set('orderBy', choices.orderBy);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The `participants` query's arguments for the choices, paging aside. */
export const listArguments = (choices: CaseListChoices): Record<string, unknown> => ({
  search: choices.search || null,
  programme: choices.programme || null,
  status: choices.status || null,
  noMilestoneForDays: choices.noMilestoneForDays,
  orderBy: choices.orderBy,
});

/** The history entry's state of the choices: their search, if any (see PageState). */
export const stateOf = (choices: CaseListChoices): PageState => (choices.search ? { search: choices.search } : null);
