import type { Projection } from './projection';

/** A projection name that no registered projection has: the operator mistyped it. */
export class UnknownProjection extends Error {
  override readonly name = 'UnknownProjection';
  constructor(
    readonly unknown: readonly string[],
    readonly known: readonly string[],
  ) {
    super(
      `Unknown projection${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ` +
        (known.length > 0 ? `the projections are: ${known.join(', ')}` : 'no projection is registered'),
    );
  }
}

/** A name is a projection's checkpoint key: two projections sharing one would skip each other's events. */
export function assertUniqueNames(projections: readonly Projection[]): void {
  const names = projections.map((p) => p.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) throw new Error(`Projection names must be unique; repeated: ${[...new Set(repeated)].join(', ')}`);
}

/** The projections named, in registry order; all of them when no name is given. */
export function selectProjections(projections: readonly Projection[], names: readonly string[]): Projection[] {
  const known = projections.map((p) => p.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UnknownProjection(unknown, known);
  return names.length === 0 ? [...projections] : projections.filter((p) => names.includes(p.name));
}
