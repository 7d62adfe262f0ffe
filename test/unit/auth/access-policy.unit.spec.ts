import { Forbidden } from '../../../src/auth/access-errors';
import { assertAllowed, type Capability, cityScope, isAllowed, seesExactFigures } from '../../../src/auth/access-policy';
import type { Principal } from '../../../src/auth/principal';

const adviser: Principal = { sub: 'a', role: 'adviser', city: 'paris', expiresAt: Infinity };
const everywhere: Principal = { sub: 'c', role: 'coordinator', city: '*', expiresAt: Infinity };
const researcher: Principal = { sub: 'r', role: 'researcher', city: null, expiresAt: Infinity };
const admin: Principal = { sub: 'x', role: 'admin', city: null, expiresAt: Infinity };

describe('the access policy', () => {
  it("lets an adviser work in its own city only", () => {
    expect(() => assertAllowed(adviser, 'recordMilestones', 'paris')).not.toThrow();
    expect(() => assertAllowed(adviser, 'recordMilestones', 'frankfurt')).toThrow(Forbidden);
    expect(() => assertAllowed(adviser, 'readLifePaths')).toThrow(Forbidden);
  });

  it("reads '*' as every city", () => {
    expect(() => assertAllowed(everywhere, 'readOutcomes', 'stockholm')).not.toThrow();
    expect(cityScope(everywhere, 'readOutcomes')).toBeNull();
  });

  it('scopes lists to the caller city where the role is bound to one', () => {
    expect(cityScope(adviser, 'readCaseFiles')).toBe('paris');
    expect(cityScope(admin, 'readCaseFiles')).toBeNull();
    expect(() => cityScope(researcher, 'readCaseFiles')).toThrow(Forbidden);
  });

  it('lets researchers read every city with perturbed figures, and nothing personal', () => {
    expect(() => assertAllowed(researcher, 'readOutcomes', 'paris')).not.toThrow();
    expect(seesExactFigures(researcher)).toBe(false);
    expect(seesExactFigures(admin)).toBe(true);
    expect(() => assertAllowed(researcher, 'readCaseFiles')).toThrow(Forbidden);
  });

  it('lets admins erase anywhere but record nothing else', () => {
    expect(() => assertAllowed(admin, 'erasePersonalData', 'frankfurt')).not.toThrow();
    expect(() => assertAllowed(admin, 'recordMilestones', 'frankfurt')).toThrow(Forbidden);
  });

  it('answers as a yes or no what it refuses', () => {
    expect(isAllowed(adviser, 'readCaseFiles', 'paris')).toBe(true);
    expect(isAllowed(adviser, 'readCaseFiles', 'frankfurt')).toBe(false);
    expect(isAllowed(researcher, 'readCaseFiles')).toBe(false);
    expect(isAllowed(admin, 'readCaseFiles', 'frankfurt')).toBe(true);
  });

  it.each<[string, Principal, Capability, string | undefined]>([
    ['An adviser may not read life paths', adviser, 'readLifePaths', undefined],
    ['An adviser of paris may not record milestones of frankfurt', adviser, 'recordMilestones', 'frankfurt'],
    ['A coordinator of paris may not read outcome figures of stockholm', { ...everywhere, city: 'paris' }, 'readOutcomes', 'stockholm'],
    ['A researcher may not read case files', researcher, 'readCaseFiles', undefined],
    ['An admin may not record milestones', admin, 'recordMilestones', undefined],
  ])('refuses in English: %s', (message, principal, capability, city) => {
    expect(() => assertAllowed(principal, capability, city)).toThrow(new Forbidden(message));
  });
});
