import { AppError } from './failure';

/**
 * `fetch` for the app's own requests to the service (downloads, `/app-config.json`, the
 * development sign-in): fetch rejects only when no answer came, which the app says as
 * NETWORK_ERROR; any other fault stays itself, an unexpected error.
 */
export async function serviceFetch(input: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    throw new AppError('NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  }
}
