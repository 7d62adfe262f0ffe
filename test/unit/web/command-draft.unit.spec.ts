import { SignJWT } from 'jose';
import { draftKey } from '../../../web/src/commands/command-draft';
import { sessionOf } from '../../../web/src/auth/token-session';

describe("a command draft's storage key", () => {
  it('names who typed it, so that another person signing in at the same tab never gets it', () => {
    expect(draftKey('adviser-1', 'p-1', 'referral')).not.toBe(draftKey('adviser-2', 'p-1', 'referral'));
    expect(draftKey('adviser-1', null, 'enrol')).toBe('command-draft:adviser-1:new:enrol');
  });

  it('cannot be confused by a user name holding the separator', () => {
    expect(draftKey('a:b', 'c', 'referral')).not.toBe(draftKey('a', 'b:c', 'referral'));
  });

  it("takes the user from the access token's sub", async () => {
    const token = await new SignJWT({ sub: 'dev-adviser-paris', role: 'adviser', city: 'paris' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode('k'.repeat(32)));
    expect(sessionOf(token).user).toBe('dev-adviser-paris');
  });
});
