import type { LifePathRecord } from './life-path-record';
import { ageAtEntry, entryQuarter, entryYear, fiveYearAgeBand, sectorGroupOf, tenYearAgeBand } from './quasi-identifiers';

/** One level of a quasi-identifier's generalisation hierarchy: its name and what it releases of a record. */
export interface Level {
  name: string;
  value: (record: LifePathRecord) => string | null;
}

/** A generalisable quasi-identifier: its released field and its levels, finest first. */
interface Dimension {
  field: GeneralisableField;
  levels: readonly Level[];
}

type GeneralisableField = 'ageBand' | 'entryPeriod' | 'sectorGroup' | 'gender' | 'educationLevel' | 'programme';

/** The level chosen for each generalisable quasi-identifier, by name. */
export type GeneralisationLevels = Record<GeneralisableField, string>;

/** What a nullable quasi-identifier releases once generalised to the top: nothing. */
const NONE: Level = { name: 'NONE', value: () => null };

/**
 * The top of a quasi-identifier the API declares non-null (entry period, age band): '*', any
 * value, as ARX writes the top of a hierarchy.
 */
const ANY_VALUE = '*';
const ANY: Level = { name: 'ANY', value: () => ANY_VALUE };

const ageOf = (r: LifePathRecord): number => ageAtEntry(r.entryDate, r.birthYear);

/**
 * The hierarchies, in the order a tie between equally good nodes is settled (docs/access-and-privacy.md):
 * programme first, because the evaluation compares programmes. City is a quasi-identifier too but
 * is never generalised: coordinators see their own city's paths, and a path without a city could
 * not be scoped. Education level has no grouping finer than NONE: three ISCED groups are already coarse.
 * Entry period and age band can go as far as ANY: without it, a programme of a few dozen
 * participants spread over two years and two age bands cannot be kept within the suppression limit.
 */
export const DIMENSIONS: readonly Dimension[] = [
  { field: 'programme', levels: [{ name: 'KEPT', value: (r) => r.programme }, NONE] },
  { field: 'educationLevel', levels: [{ name: 'KEPT', value: (r) => r.educationLevel }, NONE] },
  { field: 'gender', levels: [{ name: 'KEPT', value: (r) => r.gender }, NONE] },
  { field: 'sectorGroup', levels: [{ name: 'GROUP', value: (r) => sectorGroupOf(r.lastSector) }, NONE] },
  {
    field: 'entryPeriod',
    levels: [
      { name: 'QUARTER', value: (r) => entryQuarter(r.entryDate) },
      { name: 'YEAR', value: (r) => entryYear(r.entryDate) },
      ANY,
    ],
  },
  {
    field: 'ageBand',
    levels: [
      { name: 'FIVE_YEARS', value: (r) => fiveYearAgeBand(ageOf(r)) },
      { name: 'TEN_YEARS', value: (r) => tenYearAgeBand(ageOf(r)) },
      ANY,
    ],
  },
];

/** A node of the lattice: a level index per dimension, in the order of DIMENSIONS. */
export type LatticeNode = readonly number[];

/** Every node of the lattice (2^4 × 3^2 = 144 today): few enough to try them all. */
export function allNodes(): LatticeNode[] {
  return DIMENSIONS.reduce<number[][]>(
    (nodes, { levels }) => nodes.flatMap((node) => levels.map((_, level) => [...node, level])),
    [[]],
  );
}

/** The node's levels by name. */
export function levelsOf(node: LatticeNode): GeneralisationLevels {
  return Object.fromEntries(DIMENSIONS.map((d, i) => [d.field, d.levels[node[i]!]!.name])) as GeneralisationLevels;
}
