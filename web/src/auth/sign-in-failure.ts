import * as oauth from 'oauth4webapi';
import { AppError } from '../api/failure';

/**
 * A failure of the sign-in at the OpenID provider, with the app's code for it: the provider
 * refused (its own error code, e.g. `access_denied`, in the detail), it could not be reached, or
 * its answer could not be accepted (a wrong state, an ID token that does not check out).
 */
export function signInFailureOf(error: unknown): AppError {
  if (error instanceof oauth.AuthorizationResponseError) {
    return new AppError('SIGN_IN_REFUSED', error.error_description ? `${error.error}: ${error.error_description}` : error.error);
  }
  // fetch() rejects with a TypeError only when no answer came.
  if (error instanceof TypeError) return new AppError('PROVIDER_UNREACHABLE', error.message);
  if (error instanceof oauth.ResponseBodyError) {
    return new AppError('SIGN_IN_FAILED', `${error.error}${error.error_description ? `: ${error.error_description}` : ''} (HTTP ${error.status})`);
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('SIGN_IN_FAILED', typeof code === 'string' ? `${code}: ${message}` : message);
}
