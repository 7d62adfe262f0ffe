import { serverAudits } from 'graphql-http';
import { appForTests } from '../support/test-app';

/**
 * The GraphQL over HTTP specification's requirements, as graphql-http audits them, against the
 * real app with its hardening on: every MUST holds.
 */
describe('GraphQL over HTTP conformance (e2e, graphql-http server audits)', () => {
  const api = appForTests();
  const audits = serverAudits({
    url: () => api.url,
    // As an adviser of every city, so that no audit is answered by the access rules.
    fetchFn: (input: string, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: api.bearer } }),
  });

  it.each(audits.filter((audit) => audit.name.startsWith('MUST')).map((audit) => [audit.id, audit.name, audit] as const))(
    '%s: %s',
    async (_id, _name, audit) => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    },
  );
});
