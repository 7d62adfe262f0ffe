import fc from 'fast-check';
import type { FoldedLifePath, RecordedStep } from '../../../src/life-paths/life-path-record';
import { heldLifePathOf, heldLifePathText, lifePathHeadOf, lifePathOf, lifePathText, NO_STEPS, wholeLifePath } from '../../../src/read-side/life-paths/life-path-text';

const steps: fc.Arbitrary<RecordedStep> = fc.record(
  {
    seq: fc.integer({ min: 1, max: 500 }),
    on: fc.constantFrom('2007-01-08', '2008-02-29', '2026-12-31'),
    month: fc.nat({ max: 240 }),
    kind: fc.constantFrom('ENROLLED', 'RE_ENROLLED', 'COACHING_SESSION', 'EXITED', 'FOLLOW_UP'),
    detail: fc.option(fc.constantFrom('INDIVIDUAL', 'EMPLOYMENT', '6m:EMPLOYED'), { nil: null }),
    programme: fc.constantFrom('paris-gatp', 'frankfurt-50plus'),
  },
  // Only enrolments and re-enrolments name a programme: the others have no such key at all.
  { requiredKeys: ['seq', 'on', 'month', 'kind', 'detail'] },
) as fc.Arbitrary<RecordedStep>;

const records: fc.Arbitrary<FoldedLifePath> = fc.record({
  participantId: fc.uuid(),
  city: fc.constantFrom('paris', 'frankfurt'),
  programme: fc.constantFrom('paris-gatp', 'paris-rmi'),
  entryDate: fc.constant('2007-01-08'),
  birthYear: fc.integer({ min: 1940, max: 1975 }),
  gender: fc.constantFrom('FEMALE', 'MALE'),
  educationLevel: fc.constantFrom('ISCED_3_4', 'ISCED_5_8'),
  lastSector: fc.constantFrom('K', 'M'),
  outcome: fc.constantFrom(null, 'POSITIVE', 'NEUTRAL'),
  steps: fc.array(steps, { maxLength: 30 }),
}) as fc.Arbitrary<FoldedLifePath>;

describe('a life-path record as stored', () => {
  it('reads back as the record written, a step with a programme or without one', () => {
    fc.assert(
      fc.property(records, (record) => {
        const read = lifePathOf(lifePathText(record));
        expect(read).toEqual(record);
        expect(read.steps.map((s) => 'programme' in s)).toEqual(record.steps.map((s) => 'programme' in s));
      }),
    );
  });

  it('reads back without its steps as the record written but its steps, for the lattice search', () => {
    fc.assert(fc.property(records, (record) => expect(lifePathHeadOf(lifePathText(record))).toEqual({ ...record, steps: [] })));
  });

  it('keeps each step as the array of its values, without their names', () => {
    const text = lifePathText({
      participantId: 'p-1', city: 'paris', programme: 'paris-gatp', entryDate: '2007-01-08', birthYear: 1950, gender: 'FEMALE',
      educationLevel: 'ISCED_5_8', lastSector: 'K', outcome: null,
      steps: [{ seq: 1, on: '2007-01-08', month: 0, kind: 'ENROLLED', detail: null, programme: 'paris-gatp' }, { seq: 2, on: '2007-02-01', month: 1, kind: 'COACHING_SESSION', detail: 'INDIVIDUAL' }],
    } as FoldedLifePath);
    expect(JSON.parse(text).steps).toEqual([[1, '2007-01-08', 0, 'ENROLLED', null, 'paris-gatp'], [2, '2007-02-01', 1, 'COACHING_SESSION', 'INDIVIDUAL']]);
  });

  it('held with its earlier steps as text, reads back whole and is stored again as the whole record, with the steps added after', () => {
    fc.assert(
      fc.property(records, fc.array(steps, { maxLength: 5 }), (record, added) => {
        const held = heldLifePathOf(lifePathText(record));
        expect(held.record.steps).toEqual([]);
        expect(wholeLifePath(held)).toEqual({ record, earlier: NO_STEPS });
        const grown = { ...held, record: { ...held.record, steps: added } };
        const whole = { ...record, steps: [...record.steps, ...added] };
        expect(heldLifePathText(grown)).toBe(lifePathText(whole));
        expect(wholeLifePath(grown).record).toEqual(whole);
      }),
    );
  });

  it('held, is stored with the fields its record holds now, not those it was read with', () => {
    fc.assert(
      fc.property(records, fc.constantFrom('paris-rmi', 'frankfurt-50plus'), fc.constantFrom(null, 'POSITIVE', 'NEGATIVE'), (record, programme, outcome) => {
        const held = heldLifePathOf(lifePathText(record));
        const changed = { ...held.record, programme, outcome };
        expect(heldLifePathText({ ...held, record: changed })).toBe(lifePathText({ ...changed, steps: record.steps }));
      }),
    );
  });

  it('finds the steps by their key, whatever the other fields hold', () => {
    const record = {
      participantId: 'p-1', city: ',"steps":[', programme: 'paris-gatp', entryDate: '2007-01-08', birthYear: 1950, gender: 'FEMALE',
      educationLevel: 'ISCED_5_8', lastSector: '"steps"', outcome: null,
      steps: [{ seq: 1, on: '2007-01-08', month: 0, kind: 'ENROLLED', detail: null, programme: 'paris-gatp' }],
    } as FoldedLifePath;
    expect(wholeLifePath(heldLifePathOf(lifePathText(record))).record).toEqual(record);
  });
});
