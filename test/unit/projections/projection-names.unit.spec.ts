import type { Projection } from '../../../src/projections/projection';
import { assertUniqueNames, selectProjections, UnknownProjection } from '../../../src/projections/projection-names';

const projection = (name: string): Projection => ({ name, tables: [], open: () => ({ apply: () => [] }) });

describe('projection names', () => {
  const registry = [projection('case-files'), projection('outcomes'), projection('life-paths')];

  it('selects every projection when none is named, and the named ones in registry order otherwise', () => {
    expect(selectProjections(registry, []).map((p) => p.name)).toEqual(['case-files', 'outcomes', 'life-paths']);
    expect(selectProjections(registry, ['life-paths', 'case-files']).map((p) => p.name)).toEqual(['case-files', 'life-paths']);
  });

  it('refuses unknown names, listing the known ones', () => {
    const refusal = () => selectProjections(registry, ['outcome', 'cases', 'outcomes']);

    expect(refusal).toThrow(UnknownProjection);
    expect(refusal).toThrow('Unknown projections outcome, cases; the projections are: case-files, outcomes, life-paths');
    expect(() => selectProjections([], ['outcomes'])).toThrow('Unknown projection outcomes; no projection is registered');
  });

  it('refuses a registry with a name twice, since a name is a checkpoint key', () => {
    expect(() => assertUniqueNames([...registry, projection('outcomes')])).toThrow('repeated: outcomes');
    expect(() => assertUniqueNames(registry)).not.toThrow();
  });
});
