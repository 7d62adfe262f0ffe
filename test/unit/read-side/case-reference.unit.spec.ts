import { formatCaseReference, parseCaseReference } from '../../../src/read-side/cases/case-reference';

describe('case references', () => {
  it.each([
    [{ prefix: 'PAR', number: 42 }, 'PAR-0042'],
    [{ prefix: 'STO', number: 1 }, 'STO-0001'],
    [{ prefix: 'FRANK', number: 12_345 }, 'FRANK-12345'],
  ])('writes %j as %s, with at least four digits', (reference, text) => {
    expect(formatCaseReference(reference)).toBe(text);
    expect(parseCaseReference(text)).toEqual(reference);
  });

  it.each(['par-42', 'PAR 0042', 'par42', ' Par-000042 '])('reads %j as PAR-0042', (typed) => {
    expect(parseCaseReference(typed)).toEqual({ prefix: 'PAR', number: 42 });
  });

  it.each(['dupont', 'P-42', 'PARISX-42', 'PAR--42', 'PAR-42a', 'PAR-1234567890', '42', 'É-42'])('does not read %j as a reference', (typed) => {
    expect(parseCaseReference(typed)).toBeNull();
  });
});
