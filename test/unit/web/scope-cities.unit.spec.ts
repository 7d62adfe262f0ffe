import type { City } from '../../../web/src/api/types';
import type { Session } from '../../../web/src/auth/session';
import { citiesInScope } from '../../../web/src/common/scope-cities';

const CITIES = ['paris', 'frankfurt', 'stockholm'].map((code) => ({ code }) as City);
const session = (role: string, city: string): Session => ({ accessToken: 't', user: 'u', role, city, expiresAt: Date.now() + 60_000 });
const codes = (role: string, city: string, capability: 'readOutcomes' | 'readLifePaths') => citiesInScope(CITIES, session(role, city), capability).map((c) => c.code);

describe("the cities a page offers (web/src/common/scope-cities.ts), by the service's access policy", () => {
  it("gives a coordinator their own city's figures and life paths, and every city to a coordinator of '*'", () => {
    expect(codes('coordinator', 'paris', 'readOutcomes')).toEqual(['paris']);
    expect(codes('coordinator', 'paris', 'readLifePaths')).toEqual(['paris']);
    expect(codes('coordinator', '*', 'readOutcomes')).toEqual(['paris', 'frankfurt', 'stockholm']);
  });

  it('gives researchers and administrators every city', () => {
    for (const role of ['researcher', 'admin']) {
      expect(codes(role, '*', 'readOutcomes')).toEqual(['paris', 'frankfurt', 'stockholm']);
      expect(codes(role, '*', 'readLifePaths')).toEqual(['paris', 'frankfurt', 'stockholm']);
    }
  });

  it("gives an adviser their city's figures and no life paths, and a role the service does not know nothing", () => {
    expect(codes('adviser', 'frankfurt', 'readOutcomes')).toEqual(['frankfurt']);
    expect(codes('adviser', 'frankfurt', 'readLifePaths')).toEqual([]);
    expect(codes('auditor', '*', 'readOutcomes')).toEqual([]);
  });
});
