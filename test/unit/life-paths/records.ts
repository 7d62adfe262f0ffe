import type { ReleasedQuasiIdentifiers } from '../../../src/life-paths/anonymise-release';
import type { LifePathRecord } from '../../../src/life-paths/life-path-record';

// A Paris participant who entered in May 2007 aged 55 (band '55-59', period '2007-Q2', sector
// group 'M-N'); each test overrides only the values it is about.
let nextId = 0;

export function aRecord(over: Partial<LifePathRecord> = {}): LifePathRecord {
  nextId += 1;
  return {
    participantId: `3f0c6a1e-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    city: 'paris',
    programme: 'paris-gatp',
    entryDate: '2007-05-14',
    birthYear: 1952,
    gender: 'FEMALE',
    educationLevel: 'ISCED_5_8',
    lastSector: 'M',
    outcome: 'POSITIVE',
    steps: [
      { month: 0, kind: 'ENROLLED', detail: null },
      { month: 2, kind: 'JOB_STARTED', detail: 'PERMANENT' },
      { month: 2, kind: 'EXITED', detail: 'EMPLOYMENT' },
    ],
    ...over,
  };
}

/** What aRecord() releases at the finest level, each quasi-identifier kept. */
export const FINEST: ReleasedQuasiIdentifiers = {
  city: 'paris',
  programme: 'paris-gatp',
  entryPeriod: '2007-Q2',
  ageBand: '55-59',
  gender: 'FEMALE',
  educationLevel: 'ISCED_5_8',
  sectorGroup: 'M-N',
};

/** `count` records alike but for their participant id. */
export const alike = (count: number, over: Partial<LifePathRecord> = {}): LifePathRecord[] =>
  Array.from({ length: count }, () => aRecord(over));

/** The seven released quasi-identifiers of a path, as one comparable value. */
export const quasiIdentifiersOf = (p: ReleasedQuasiIdentifiers): string => JSON.stringify([p.city, p.programme, p.entryPeriod, p.ageBand, p.gender, p.educationLevel, p.sectorGroup]);
