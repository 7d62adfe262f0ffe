import { ServiceError } from '../api/failure';

/** What the app shows for a case or a form that does not exist (or is not the adviser's to see): NOT_FOUND's message. */
export const notFound = (): ServiceError => new ServiceError({ code: 'NOT_FOUND', detail: null, fieldErrors: [], retryAfterSeconds: null });
