import { leastLossNode } from '../../../src/life-paths/lattice-search';
import { levelsOf } from '../../../src/life-paths/generalisation-lattice';
import { alike } from './records';

// Three of each programme and gender: no class reaches k = 5 at the finest node, but dropping
// either the programme or the gender leaves two classes of six. Both cost the same (each hides one
// of two values on every path) and suppress nothing; every other quasi-identifier holds one value,
// so generalising it costs nothing either. Many nodes tie: the documented rule settles it.
const population = () => [
  ...alike(3, { programme: 'paris-gatp', gender: 'FEMALE' }),
  ...alike(3, { programme: 'paris-gatp', gender: 'MALE' }),
  ...alike(3, { programme: 'paris-rmi', gender: 'FEMALE' }),
  ...alike(3, { programme: 'paris-rmi', gender: 'MALE' }),
];

describe('the lattice search, between nodes of equal loss and suppression', () => {
  it('takes the finer level on the first quasi-identifier where they differ, programme first, then each finest after it', () => {
    const chosen = leastLossNode(population(), 5);
    expect({ loss: chosen.loss, suppressedCount: chosen.suppressedCount }).toEqual({ loss: 1 / 6, suppressedCount: 0 });
    expect(levelsOf(chosen.node)).toEqual({
      programme: 'KEPT',
      educationLevel: 'KEPT',
      gender: 'NONE',
      sectorGroup: 'GROUP',
      entryPeriod: 'QUARTER',
      ageBand: 'FIVE_YEARS',
    });
  });

  it('settles the tie the same way whatever the order of the records', () => {
    const records = population();
    expect(leastLossNode([...records].reverse(), 5).node).toEqual(leastLossNode(records, 5).node);
  });
});
