import fc from 'fast-check';
import { addKey, KEY_MODULUS } from '../../../src/outcomes/cell';
import { cellKeyMethod } from '../../../src/outcomes/cell-key-method';
import { MAX_PERTURBATION, perturb, perturbationRow, SLOTS } from '../../../src/outcomes/perturbation-table';
import { recordKeyOf } from '../../../src/outcomes/record-key';

const counts = fc.integer({ min: 1, max: 100_000 });
const cellKeys = fc.integer({ min: 0, max: KEY_MODULUS - 1 });

describe('the perturbation table', () => {
  it('moves a count by at most D = 2, never below 0, and never publishes 1 or 2', () => {
    fc.assert(
      fc.property(counts, cellKeys, (n, key) => {
        const published = perturb(n, key);
        expect(Math.abs(published - n)).toBeLessThanOrEqual(MAX_PERTURBATION);
        expect(published).toBeGreaterThanOrEqual(0);
        expect([1, 2]).not.toContain(published);
        expect(perturb(n, key)).toBe(published);
      }),
    );
  });

  it('keeps 0 at 0, whatever the key', () => {
    fc.assert(fc.property(cellKeys, (key) => expect(perturb(0, key)).toBe(0)));
  });

  it('is unbiased: each row sums to 60 slots and its expected value is the count', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 17, 1000]) {
      const row = perturbationRow(n);
      expect(row.reduce((sum, e) => sum + e.slots, 0)).toBe(SLOTS);
      expect(row.reduce((sum, e) => sum + e.published * e.slots, 0) / SLOTS).toBe(n);
    }
  });

  it('gives each entry to its share of cell keys: the first and last key of each slot', () => {
    const slotStart = (slot: number) => Math.ceil((slot * KEY_MODULUS) / SLOTS);
    expect(perturb(1, 0)).toBe(0);
    expect(perturb(1, slotStart(40) - 1)).toBe(0);
    expect(perturb(1, slotStart(40))).toBe(3);
    expect(perturb(1, KEY_MODULUS - 1)).toBe(3);
    expect(perturb(10, slotStart(6) - 1)).toBe(8);
    expect(perturb(10, slotStart(30))).toBe(10);
  });

  it('publishes no value that only one true count can give', () => {
    const sources = new Map<number, Set<number>>();
    for (let n = 0; n <= 60; n++) {
      for (const { published } of n === 0 ? [{ published: 0 }] : perturbationRow(n)) sources.set(published, (sources.get(published) ?? new Set()).add(n));
    }
    for (const [published, from] of sources) if (published <= 58) expect(from.size).toBeGreaterThanOrEqual(2);
  });
});

describe('record keys and cell keys', () => {
  it('a record key is a fixed 32-bit integer of the participant id', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const key = recordKeyOf(id);
        expect(Number.isInteger(key) && key >= 0 && key < KEY_MODULUS).toBe(true);
        expect(recordKeyOf(id)).toBe(key);
      }),
    );
    expect(recordKeyOf('p-1')).not.toBe(recordKeyOf('p-2'));
  });

  it('key sums are taken back exactly: adding and removing a contribution gives the sum back', () => {
    fc.assert(
      fc.property(cellKeys, cellKeys, fc.integer({ min: -3, max: 3 }), (sum, record, times) => {
        const added = addKey(sum, record, times);
        expect(added >= 0 && added < KEY_MODULUS).toBe(true);
        expect(addKey(added, record, -times)).toBe(sum);
      }),
    );
  });

  it('the same cell always publishes the same count; another secret, or another contributor, draws another perturbation', () => {
    const publish = cellKeyMethod('secret one');
    const ids = Array.from({ length: 400 }, (_, i) => `participant-${i}`);
    const keyOf = (members: string[]) => members.reduce((sum, id) => addKey(sum, recordKeyOf(id)), 0);
    let differs = 0;
    let otherSecret = 0;
    for (let i = 10; i < ids.length; i++) {
      const cell = { n: 10, key: keyOf(ids.slice(i - 10, i)) };
      expect(publish(cell)).toBe(publish({ ...cell }));
      if (publish(cell) !== publish({ n: 10, key: keyOf(ids.slice(i - 9, i + 1)) })) differs++;
      if (publish(cell) !== cellKeyMethod('secret two')(cell)) otherSecret++;
    }
    // Two independent draws from the row of 10 differ with probability 1 − (0.1² + 0.2² + 0.4² + 0.2² + 0.1²) = 0.66.
    expect(differs).toBeGreaterThan(150);
    expect(otherSecret).toBeGreaterThan(150);
    expect(publish({ n: 0, key: 0 })).toBe(0);
  });
});
