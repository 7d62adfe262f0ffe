import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Caller } from '../../auth/caller.decorator';
import type { Principal } from '../../auth/principal';
import { Requires } from '../../auth/requires.decorator';
import { InvalidInput } from '../../journey/domain/errors';
import { callerFilter, callerScope } from '../life-paths/caller-filter';
import { type CommonSequences, MAX_SEQUENCES } from '../life-paths/common-sequences';
import { type LifePathPage, pageOfRelease } from '../life-paths/life-path-page';
import { LifePathsReader } from '../life-paths/life-paths.reader';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './case-files.resolver';
import { LifePathSequencesType } from './life-path-sequences.type';
import { LifePathConnectionType, LifePathFilterInput, LifePathType } from './life-path.type';

/** Sequences given when `first` is absent. */
const DEFAULT_SEQUENCES = 10;

@Resolver(() => LifePathType)
export class LifePathsResolver {
  constructor(private readonly reader: LifePathsReader) {}

  @Query(() => LifePathConnectionType, {
    description:
      "The k-anonymous life paths of the last closed monthly snapshot (releasedAsOf), in pseudonym order, a page at a time; a coordinator's own city when no city is given.",
  })
  @Requires('readLifePaths')
  async lifePaths(
    @Caller() caller: Principal,
    @Args('filter', { type: () => LifePathFilterInput, nullable: true }) filter: LifePathFilterInput | null = null,
    @Args('first', { type: () => Int, nullable: true, description: `At most ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when absent.` })
    first: number | null = null,
    @Args('after', { type: () => String, nullable: true }) after: string | null = null,
  ): Promise<LifePathPage> {
    const scoped = callerFilter(caller, filter ?? {});
    const size = sizeOf(first, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    return pageOfRelease(await this.reader.release(), scoped, callerScope(caller), size, after ?? null);
  }

  @Query(() => LifePathSequencesType, {
    description:
      'The most common sequences of steps over every released path lifePaths gives for the same filter and caller, with how many paths begin with each.',
  })
  @Requires('readLifePaths')
  async lifePathSequences(
    @Caller() caller: Principal,
    @Args('filter', { type: () => LifePathFilterInput, nullable: true }) filter: LifePathFilterInput | null = null,
    @Args('first', { type: () => Int, nullable: true, description: `At most ${MAX_SEQUENCES}; ${DEFAULT_SEQUENCES} when absent.` })
    first: number | null = null,
  ): Promise<CommonSequences & Pick<LifePathPage, 'k' | 'releasedAsOf'>> {
    const size = sizeOf(first, DEFAULT_SEQUENCES, MAX_SEQUENCES);
    const release = await this.reader.release();
    const { k, releasedAsOf } = release.facts;
    const all = release.commonSequences(callerFilter(caller, filter ?? {}));
    return { ...all, sequences: all.sequences.slice(0, size), k, releasedAsOf };
  }
}

/** `first`, or `byDefault` when absent; refused outside 1 to `max`. */
function sizeOf(first: number | null, byDefault: number, max: number): number {
  const size = first ?? byDefault;
  if (size < 1 || size > max) throw new InvalidInput([{ field: 'first', message: `first must be between 1 and ${max}` }]);
  return size;
}
