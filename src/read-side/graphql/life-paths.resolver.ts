import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Caller } from '../../auth/caller.decorator';
import type { Principal } from '../../auth/principal';
import { Requires } from '../../auth/requires.decorator';
import { InvalidInput } from '../../journey/domain/errors';
import { callerFilter, callerScope } from '../life-paths/caller-filter';
import { type LifePathPage, pageOfRelease } from '../life-paths/life-path-page';
import { LifePathsReader } from '../life-paths/life-paths.reader';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './case-files.resolver';
import { LifePathConnectionType, LifePathFilterInput, LifePathType } from './life-path.type';

@Resolver(() => LifePathType)
export class LifePathsResolver {
  constructor(private readonly reader: LifePathsReader) {}

  @Query(() => LifePathConnectionType, {
    description:
      "The k-anonymous life paths of the last closed monthly snapshot (releasedAsOf), in pseudonym order, a page at a time; a coordinator's own city when no city is given.",
  })
  @Requires('readLifePaths')
  lifePaths(
    @Caller() caller: Principal,
    @Args('filter', { type: () => LifePathFilterInput, nullable: true }) filter: LifePathFilterInput | null = null,
    @Args('first', { type: () => Int, nullable: true, description: `At most ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when absent.` })
    first: number | null = null,
    @Args('after', { type: () => String, nullable: true }) after: string | null = null,
  ): LifePathPage {
    const size = first ?? DEFAULT_PAGE_SIZE;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInput([{ field: 'first', message: `first must be between 1 and ${MAX_PAGE_SIZE}` }]);
    }
    const scoped = callerFilter(caller, filter ?? {});
    return pageOfRelease(this.reader.release(), scoped, callerScope(caller), size, after ?? null);
  }
}
