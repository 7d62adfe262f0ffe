import type { IncomingMessage, ServerResponse } from 'node:http';
import { GRAPHIQL_PAGE } from './web-app-policy';

/** A browser opening the API's address (outside production) is sent to GraphiQL's page; programs are not. */
export function redirectBrowsersToGraphiql(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (!request.headers.accept?.includes('text/html')) return next();
  response.writeHead(302, { location: GRAPHIQL_PAGE }).end();
}
