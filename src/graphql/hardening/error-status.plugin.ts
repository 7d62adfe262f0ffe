import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLFormattedError } from 'graphql';

/** Typed through Nest, which loads @apollo/server's ES module types, not its CommonJS ones. */
type ApolloServerPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

type Refusal = (error: GraphQLFormattedError) => { status: number; headers: [string, string][] };

/** A refusal to retry later: Retry-After says when, from the error's retryAfterSeconds. */
const retryLater =
  (status: number, defaultSeconds: number): Refusal =>
  (error) => ({ status, headers: [['retry-after', String(error.extensions?.retryAfterSeconds ?? defaultSeconds)]] });

/** The HTTP status of an answer refused as a whole for one of these codes, and the headers that say what to do. */
const REFUSALS: Record<string, Refusal> = {
  // RFC 6750: a bearer-protected resource answers 401 and names its scheme.
  UNAUTHENTICATED: () => ({ status: 401, headers: [['www-authenticate', 'Bearer realm="journey-service"']] }),
  RATE_LIMITED: retryLater(429, 60),
  SERVICE_BUSY: retryLater(503, 1),
  STORE_UNAVAILABLE: retryLater(503, 30),
};

/**
 * Gives an answer that holds no data because the caller was refused the HTTP status clients,
 * proxies and monitoring read without parsing the body: 401 with WWW-Authenticate, 429 or 503
 * with Retry-After (docs/security.md says why). An answer with data keeps 200.
 */
export const errorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        const answered = data != null && Object.values(data).some((value) => value !== null);
        const refusal = !answered && errors?.find((e) => typeof e.extensions?.code === 'string' && e.extensions.code in REFUSALS);
        if (!refusal) return;
        const { status, headers } = REFUSALS[refusal.extensions!.code as string]!(refusal);
        response.http.status = status;
        for (const [name, value] of headers) response.http.headers.set(name, value);
      },
    };
  },
};
