import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { AppConfig } from '../../config/config';
import { APP_POLICY, GRAPHIQL_POLICY, webPolicyOf, type WithProtocol } from '../../web/web-app-policy';

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
 * do nothing with the API's answers (the web app's pages and GraphiQL's have their own, src/web),
 * and `Cache-Control: no-store`: any answer may hold personal data, and no browser or proxy is to
 * keep a copy. (Fastify sends no X-Powered-By.) helmet sets them on the raw response from the
 * first hook, so they are on every answer, the refusals of the hooks after it and a file
 * streamed by the web app included.
 */
export function useSecurityHeaders(fastify: FastifyInstance, { production, oidc }: Pick<AppConfig, 'production' | 'oidc'>): void {
  // The app's sign-in reads the OpenID provider's metadata and calls its token endpoint from the page; GraphiQL renews the same session.
  const withIssuer = (policy: typeof APP_POLICY) => (oidc ? { ...policy, connectSrc: [...policy.connectSrc, new URL(oidc.issuer).origin] } : policy);
  const policies = { api: headersWith(API_POLICY), app: headersWith(withIssuer(APP_POLICY)), graphiql: headersWith(withIssuer(GRAPHIQL_POLICY)) };
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader('cache-control', 'no-store');
    // The app's policy names the page's own WebSocket origin, ws or wss as the client (behind TRUST_PROXY proxies) sees it.
    const raw: IncomingMessage & WithProtocol = Object.assign(request.raw, { protocol: request.protocol });
    policies[webPolicyOf(raw, production) ?? 'api'](raw, reply.raw, (error) => done(error as Error | undefined));
  });
}
