import { Inject } from '@nestjs/common';
import { Args, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { Catalogue } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { CalendarDateScalar } from '../../graphql/calendar-date.scalar';
import { DashboardUpdates } from '../outcomes/dashboard-updates';
import { type DashboardView, type SurvivalCurveView, toDashboard, toSurvivalCurve } from '../outcomes/dashboard-view';
import { OutcomesReader } from '../outcomes/outcomes.reader';
import { DashboardType } from './dashboard.type';
import { SurvivalCurveType } from './survival-curve.type';

@Resolver(() => DashboardType)
export class DashboardsResolver {
  constructor(
    private readonly outcomes: OutcomesReader,
    private readonly updates: DashboardUpdates,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  @Query(() => DashboardType, { description: "A city's outcome figures, or one of its programmes', live or as of a business date." })
  cityDashboard(
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
    @Args('asOf', { type: () => CalendarDateScalar, nullable: true }) asOf: string | null = null,
  ): DashboardView {
    return toDashboard(this.outcomes.figures(city, programme ?? null, asOf ?? null));
  }

  @Query(() => [DashboardType], { description: "Every city's dashboard." })
  dashboards(@Args('asOf', { type: () => CalendarDateScalar, nullable: true }) asOf: string | null = null): DashboardView[] {
    return this.catalogue.cities.map((city) => toDashboard(this.outcomes.figures(city.code, null, asOf ?? null)));
  }

  @Query(() => SurvivalCurveType, { description: 'How long participants take to find a job or start a business (Kaplan-Meier).' })
  timeToOutcome(
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
  ): SurvivalCurveView {
    return toSurvivalCurve(this.outcomes.figures(city, programme ?? null, null));
  }

  @Subscription(() => DashboardType, {
    description: 'The live dashboard of a city or programme, pushed after every event that changes it.',
    resolve: (view: DashboardView) => view,
  })
  dashboardUpdated(
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
  ): AsyncIterableIterator<DashboardView> {
    this.outcomes.checkScope(city, programme ?? null);
    return this.updates.updatesOf(city, programme ?? null);
  }
}
