import { Inject } from '@nestjs/common';
import { Args, Query, Resolver, Subscription } from '@nestjs/graphql';
import { assertAllowed, cityScope, seesSmallCells } from '../../auth/access-policy';
import { Caller, type WithPrincipal } from '../../auth/caller.decorator';
import type { Principal } from '../../auth/principal';
import { Requires } from '../../auth/requires.decorator';
import type { Catalogue } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CalendarDateScalar } from '../../graphql/calendar-date.scalar';
import { DashboardUpdates } from '../outcomes/dashboard-updates';
import { type DashboardView, type SurvivalCurveView, toSurvivalCurve } from '../outcomes/dashboard-view';
import { OutcomesReader } from '../outcomes/outcomes.reader';
import { hideSmallCells, hideSmallCurve } from '../outcomes/small-cells';
import { DashboardType } from './dashboard.type';
import { SurvivalCurveType } from './survival-curve.type';

@Resolver(() => DashboardType)
export class DashboardsResolver {
  constructor(
    private readonly outcomes: OutcomesReader,
    private readonly updates: DashboardUpdates,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => DashboardType, { description: "A city's outcome figures, or one of its programmes', live or as of a business date." })
  @Requires('readOutcomes')
  cityDashboard(
    @Caller() caller: Principal,
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
    @Args('asOf', { type: () => CalendarDateScalar, nullable: true }) asOf: string | null = null,
  ): DashboardView {
    assertAllowed(caller, 'readOutcomes', city);
    return this.asSeenBy(caller, this.outcomes.dashboard(city, programme ?? null, asOf ?? null));
  }

  @Query(() => [DashboardType], { description: 'The dashboard of every city the caller may see.' })
  @Requires('readOutcomes')
  dashboards(
    @Caller() caller: Principal,
    @Args('asOf', { type: () => CalendarDateScalar, nullable: true }) asOf: string | null = null,
  ): DashboardView[] {
    const only = cityScope(caller, 'readOutcomes');
    return this.catalogue.cities
      .filter((city) => only === null || city.code === only)
      .map((city) => this.asSeenBy(caller, this.outcomes.dashboard(city.code, null, asOf ?? null)));
  }

  @Query(() => SurvivalCurveType, { description: 'How long participants take to find a job or start a business (Kaplan-Meier).' })
  @Requires('readOutcomes')
  timeToOutcome(
    @Caller() caller: Principal,
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
  ): SurvivalCurveView {
    assertAllowed(caller, 'readOutcomes', city);
    const curve = toSurvivalCurve(this.outcomes.figures(city, programme ?? null, null));
    return seesSmallCells(caller) ? curve : hideSmallCurve(curve, this.config.kAnonymity);
  }

  @Subscription(() => DashboardType, {
    description: "The live dashboard of a city or programme, pushed after every event that changes it, and at its city's midnight.",
    resolve(this: DashboardsResolver, view: DashboardView, _args: unknown, context: WithPrincipal) {
      return this.asSeenBy(context.principal!, view);
    },
  })
  @Requires('readOutcomes')
  dashboardUpdated(
    @Caller() caller: Principal,
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
  ): AsyncIterableIterator<DashboardView> {
    assertAllowed(caller, 'readOutcomes', city);
    this.outcomes.checkScope(city, programme ?? null);
    return this.updates.updatesOf(city, programme ?? null);
  }

  private asSeenBy(caller: Principal, view: DashboardView): DashboardView {
    return seesSmallCells(caller) ? view : hideSmallCells(view, this.config.kAnonymity);
  }
}
