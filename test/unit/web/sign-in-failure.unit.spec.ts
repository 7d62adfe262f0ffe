import * as oauth from 'oauth4webapi';
import { signInFailureOf } from '../../../web/src/auth/sign-in-failure';

const server: oauth.AuthorizationServer = { issuer: 'https://id.example.org', authorization_endpoint: 'https://id.example.org/auth' };
const client: oauth.Client = { client_id: 'journeys-web' };

/** What oauth4webapi throws for the provider's redirect back to the app. */
function redirectFailure(query: string, expectedState: string): unknown {
  try {
    oauth.validateAuthResponse(server, client, new URL(`https://app.example.org/?${query}`), expectedState);
  } catch (error) {
    return error;
  }
  throw new Error('oauth4webapi accepted the redirect');
}

describe("the app's code of a sign-in failure at the OpenID provider (web/src/auth/sign-in-failure.ts, oauth4webapi's own errors)", () => {
  it("codes the provider's refusal SIGN_IN_REFUSED, with its error code and description as the detail", () => {
    const failure = signInFailureOf(redirectFailure('error=access_denied&error_description=Not+for+you&state=s1', 's1'));
    expect([failure.code, failure.message]).toEqual(['SIGN_IN_REFUSED', 'access_denied: Not for you']);
  });

  it("codes a redirect whose state is not this tab's SIGN_IN_FAILED, with oauth4webapi's code in the detail", () => {
    const failure = signInFailureOf(redirectFailure('code=abc&state=someone-else', 's1'));
    expect(failure.code).toBe('SIGN_IN_FAILED');
    expect(failure.message).toMatch(/^OAUTH_[A-Z_]+: /);
  });

  it('codes a provider that gave no answer at all (fetch rejected) PROVIDER_UNREACHABLE', () => {
    expect(signInFailureOf(new TypeError('Failed to fetch')).code).toBe('PROVIDER_UNREACHABLE');
  });
});
