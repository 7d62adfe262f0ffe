/** Where the tab keeps the query string of the case list it showed last (never its search: see PageState). */
const LAST_LIST = 'cases.lastList';

/** Keeps the query string of the case list shown (filters and order only), for the case file's way back to it. */
export const keepLastList = (query: string): void => sessionStorage.setItem(LAST_LIST, query);

/** The path of the case list this tab showed last, with its filters and order; the whole list before any. */
export const lastListPath = (): string => `/cases${sessionStorage.getItem(LAST_LIST) ?? ''}`;
