import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from '../../config/config';
import { APP_POLICY, GRAPHIQL_POLICY, webPolicyOf } from '../../web/web-app-policy';

/** Everything the service serves is data for programs: a browser may run, embed or submit nothing of it. */
const API_POLICY = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

type Directives = Record<string, (string | ((request: IncomingMessage) => string))[]>;

const headersWith = (directives: Directives) => helmet({ contentSecurityPolicy: { useDefaults: false, directives } });

/**
 * helmet's security headers on every answer, with a Content-Security-Policy that lets a browser
 * do nothing with the API's answers (the web app's pages and GraphiQL's have their own, src/web), no
 * X-Powered-By, and `Cache-Control: no-store`: any answer may hold personal data, and no browser
 * or proxy is to keep a copy.
 */
export function useSecurityHeaders(app: NestExpressApplication, { production, oidc }: Pick<AppConfig, 'production' | 'oidc'>): void {
  app.disable('x-powered-by');
  // The app's sign-in reads the OpenID provider's metadata and calls its token endpoint from the page; GraphiQL renews the same session.
  const withIssuer = (policy: typeof APP_POLICY) => (oidc ? { ...policy, connectSrc: [...policy.connectSrc, new URL(oidc.issuer).origin] } : policy);
  const policies = { api: headersWith(API_POLICY), app: headersWith(withIssuer(APP_POLICY)), graphiql: headersWith(withIssuer(GRAPHIQL_POLICY)) };
  app.use((request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
    response.setHeader('cache-control', 'no-store');
    policies[webPolicyOf(request, production) ?? 'api'](request, response, next);
  });
}
