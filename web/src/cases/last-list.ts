/** Where the tab keeps the query string of the case list it showed last. */
const LAST_LIST = 'cases.lastList';

/** Keeps the query string of the case list shown, for the case file's way back to it. */
export const keepLastList = (search: string): void => sessionStorage.setItem(LAST_LIST, search);

/** The path of the case list this tab showed last, with its search, filters and order; the whole list before any. */
export const lastListPath = (): string => `/cases${sessionStorage.getItem(LAST_LIST) ?? ''}`;
