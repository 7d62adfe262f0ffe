import type { releaseStream } from './anonymise-release';
import { type FinestClasses, finestClassCounter } from './finest-classes';
import type { NodeOutcome } from './lattice-search';
import type { LifePathRecord } from './life-path-record';

/**
 * The search's one pass over a population (finestClassCounter), keeping beside the counts what a
 * release without paths needs, so that it takes no second pass: one record of each finest class,
 * and the participants of the classes that have fewer than k records. A suppressed record is in a
 * class smaller than k at the chosen node, which holds its whole finest class: so its finest
 * class has fewer than k records, and is one of those kept.
 */
export function countedPopulation(k: number) {
  const counter = finestClassCounter();
  /** By finest class: its first record. */
  const firstOf: LifePathRecord[] = [];
  /** By finest class: its participants while it has fewer than k, then undefined. */
  const fewOf: (string[] | undefined)[] = [];
  return {
    add(record: LifePathRecord): void {
      const finest = counter.add(record);
      if (firstOf[finest] === undefined) {
        firstOf[finest] = record;
        fewOf[finest] = [];
      }
      const few = fewOf[finest];
      if (few === undefined) return;
      few.push(record.participantId);
      if (few.length >= k) fewOf[finest] = undefined;
    },
    classes: (): FinestClasses => counter.classes(),
    /**
     * Counts the population in `releasing`'s facts, a finest class at a time (what a release counts
     * of a record depends on its finest class only), and answers whom the chosen node suppresses.
     */
    withheld(releasing: ReturnType<typeof releaseStream>, { isSuppressed }: Pick<NodeOutcome, 'isSuppressed'>, { counts }: FinestClasses): string[] {
      const suppressed: string[] = [];
      firstOf.forEach((record, finest) => {
        releasing.countClass(record, counts[finest]!);
        if (isSuppressed(record)) suppressed.push(...fewOf[finest]!);
      });
      return suppressed;
    },
  };
}
