import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { assertAllowed, cityScope, isAllowed } from '../../auth/access-policy';
import { Caller } from '../../auth/caller.decorator';
import type { Principal } from '../../auth/principal';
import { Requires } from '../../auth/requires.decorator';
import { type Catalogue, timeZoneOf } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { Clock } from '../../clock/clock';
import { InvalidInput } from '../../journey/domain/errors';
import { ParticipantStatus } from '../../graphql/register-enums';
import type * as v from '../../journey/domain/vocabulary';
import { ParticipantCaseType } from '../../journey/graphql/types/participant-case.type';
import { type CasePage, CaseFilesReader } from '../cases/case-files.reader';
import { DEFAULT_CASE_ORDER, type CaseOrder as Order } from '../cases/case-order';
import { CaseSearch } from '../cases/case-search';
import { lastMilestoneDates, MAX_NO_MILESTONE_FOR_DAYS } from '../cases/no-milestone-for-days';
import { MAX_SEARCH_LENGTH } from '../cases/search-text';
import { CaseOrder } from './case-order.enum';
import { ParticipantCaseConnectionType } from './participant-case-connection.type';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@Resolver(() => ParticipantCaseType)
export class CaseFilesResolver {
  constructor(
    private readonly cases: CaseFilesReader,
    private readonly search: CaseSearch,
    private readonly clock: Clock,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  @Query(() => ParticipantCaseType, { nullable: true, description: "A participant's case file; null when unknown." })
  @Requires('readCaseFiles')
  async participant(@Args('id', { type: () => ID }) id: string, @Caller() caller: Principal) {
    if (!isUUID(id)) throw new InvalidInput([{ field: 'id', message: 'id must be a UUID' }]);
    const found = await this.cases.find(id);
    // Another city's participant is answered as an unknown one: a refusal would tell that it exists, and where.
    return found && isAllowed(caller, 'readCaseFiles', found.city) ? found : null;
  }

  @Query(() => ParticipantCaseConnectionType, {
    description: "Case files in the order asked for (first enrolment by default), a page at a time; an adviser's own city when no city is given.",
  })
  @Requires('readCaseFiles')
  async participants(
    @Caller() caller: Principal,
    @Args('city', { type: () => String, nullable: true }) city: string | null = null,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
    @Args('status', { type: () => ParticipantStatus, nullable: true }) status: v.ParticipantStatus | null = null,
    @Args('search', {
      type: () => String,
      nullable: true,
      description: `A case reference (\`PAR-0042\`, any case, \`par-42\`), or words of a name, each of which the name must have (\`dupont\`, \`Marie Dupont\`; case and accents aside); at most ${MAX_SEARCH_LENGTH} characters; a blank search filters nothing.`,
    })
    search: string | null = null,
    @Args('noMilestoneForDays', {
      type: () => Int,
      nullable: true,
      description: `Only ACTIVE cases with no milestone for this many days: whose lastMilestoneOn is at least that many days before today in the case's city (its time zone, by the service's clock). 30 lists the active participants with no milestone dated in the last 29 days nor today. Voided milestones and erasures do not count; a corrected one counts at its corrected date, whenever recorded; notes and new personal details are no milestones. With status EXITED the list is empty. From 1 to ${MAX_NO_MILESTONE_FOR_DAYS}.`,
    })
    noMilestoneForDays: number | null = null,
    @Args('orderBy', {
      type: () => CaseOrder,
      nullable: true,
      defaultValue: DEFAULT_CASE_ORDER,
      description: "A page's endCursor continues the list in its own order only; totalCount is the same in every order.",
    })
    orderBy: Order | null = DEFAULT_CASE_ORDER,
    @Args('first', { type: () => Int, nullable: true, description: `At most ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when absent.` })
    first: number | null = null,
    @Args('after', { type: () => String, nullable: true }) after: string | null = null,
  ): Promise<CasePage> {
    const size = first ?? DEFAULT_PAGE_SIZE;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInput([{ field: 'first', message: `first must be between 1 and ${MAX_PAGE_SIZE}` }]);
    }
    if (city) assertAllowed(caller, 'readCaseFiles', city);
    const scope = city || cityScope(caller, 'readCaseFiles');
    const lastMilestoneBy = noMilestoneForDays === null ? null : this.lastMilestoneByCity(noMilestoneForDays, scope);
    const participantIds = search?.trim() ? await this.search.participantsFound(search, scope) : null;
    // A search that finds nobody lists nobody: no need to read the city's cases for the page and the count.
    if (participantIds?.length === 0) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const filter = { city: scope, programme: programme ?? null, status: status ?? null, participantIds, lastMilestoneBy };
    return this.cases.list(filter, orderBy ?? DEFAULT_CASE_ORDER, size, after ?? null);
  }

  /** For each city in scope (one, or every city of the catalogue), by its own today. */
  private lastMilestoneByCity(days: number, scope: string | null) {
    const cities = scope === null ? this.catalogue.cities.map((c) => c.code) : [scope];
    return lastMilestoneDates(days, cities, (c) => this.clock.today(timeZoneOf(this.catalogue, c)));
  }
}
