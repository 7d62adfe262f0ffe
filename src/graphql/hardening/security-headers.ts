import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

/** Everything the service serves is data for programs: a browser may run, embed or submit nothing of it. */
const API_POLICY = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * GraphiQL outside production (GET /graphql for a browser): Nest's page loads React, GraphiQL and
 * its style sheet from unpkg.com, the style sheet's fonts from Google Fonts, and starts GraphiQL
 * with an inline script; the editor sets inline styles. It talks to /graphql, over fetch and the
 * WebSocket, on the page's own origin.
 */
const GRAPHIQL_POLICY = {
  ...API_POLICY,
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
  styleSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com', 'https://fonts.googleapis.com'],
  fontSrc: ["'self'", 'data:', 'https://fonts.gstatic.com'],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
};

const headersWith = (directives: Record<string, string[]>) => helmet({ contentSecurityPolicy: { useDefaults: false, directives } });

/**
 * helmet's security headers on every answer, with a Content-Security-Policy that lets a browser
 * do nothing with the API's answers (and, outside production, run GraphiQL on its page), no
 * X-Powered-By, and `Cache-Control: no-store`: any answer may hold personal data, and no browser
 * or proxy is to keep a copy.
 */
export function useSecurityHeaders(app: NestExpressApplication, { production }: { production: boolean }): void {
  app.disable('x-powered-by');
  const api = headersWith(API_POLICY);
  const graphiql = headersWith(GRAPHIQL_POLICY);
  app.use((request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
    response.setHeader('cache-control', 'no-store');
    const graphiqlPage = !production && request.method === 'GET' && request.url?.split('?')[0] === '/graphql';
    (graphiqlPage ? graphiql : api)(request, response, next);
  });
}
