import { Inject } from '@nestjs/common';
import { Args, Query, Resolver, Subscription } from '@nestjs/graphql';
import { assertAllowed, cityScope, seesExactFigures } from '../../auth/access-policy';
import { Caller, type WithPrincipal } from '../../auth/caller.decorator';
import type { Principal } from '../../auth/principal';
import { Requires } from '../../auth/requires.decorator';
import type { Catalogue } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CalendarDateScalar } from '../../graphql/calendar-date.scalar';
import type { Publish } from '../../outcomes/cell';
import { cellKeyMethod } from '../../outcomes/cell-key-method';
import { DashboardUpdates } from '../outcomes/dashboard-updates';
import { type DashboardView, type SurvivalCurveView, toSurvivalCurve } from '../outcomes/dashboard-view';
import { type DashboardSeriesView, MAX_RESEARCH_POINTS, MAX_SERIES_POINTS, OutcomeSeriesReader } from '../outcomes/outcome-series.reader';
import { RESEARCH_MONTHS } from '../../outcomes/research-months';
import { OutcomesReader } from '../outcomes/outcomes.reader';
import { DashboardType } from './dashboard.type';
import { DashboardSeriesType, SeriesInterval } from './dashboard-series.type';
import { SurvivalCurveType } from './survival-curve.type';

const AS_OF = `Null for the live figures; otherwise the business date they are as of. For researchers, "live" is the last
month end the read models have closed (the month before the latest one a fact was recorded in), and asOf must be the last
day of a closed month (BAD_USER_INPUT otherwise): their figures count the facts the read model folded by then only, so
they never change once given; live figures, or figures a day apart, would tell one person's change apart.`;

@Resolver(() => DashboardType)
export class DashboardsResolver {
  /** Researchers' figures: every count perturbed by the cell key method (docs/access-and-privacy.md). */
  private readonly perturbed: Publish;

  constructor(
    private readonly outcomes: OutcomesReader,
    private readonly series: OutcomeSeriesReader,
    private readonly updates: DashboardUpdates,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.perturbed = cellKeyMethod(config.pseudonymSecret);
  }

  @Query(() => DashboardType, {
    description: "A city's outcome figures, or one of its programmes', live or as of a business date; perturbed for researchers.",
  })
  @Requires('readOutcomes')
  async cityDashboard(
    @Caller() caller: Principal,
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
    @Args('asOf', { type: () => CalendarDateScalar, nullable: true, description: AS_OF }) asOf: string | null = null,
  ): Promise<DashboardView> {
    assertAllowed(caller, 'readOutcomes', city);
    return this.dashboardFor(caller, city, programme ?? null, asOf ?? null);
  }

  @Query(() => [DashboardType], { description: 'The dashboard of every city the caller may see; perturbed for researchers.' })
  @Requires('readOutcomes')
  async dashboards(
    @Caller() caller: Principal,
    @Args('asOf', { type: () => CalendarDateScalar, nullable: true, description: AS_OF }) asOf: string | null = null,
  ): Promise<DashboardView[]> {
    const only = cityScope(caller, 'readOutcomes');
    return Promise.all(
      this.catalogue.cities.filter((city) => only === null || city.code === only).map((city) => this.dashboardFor(caller, city.code, null, asOf ?? null)),
    );
  }

  @Query(() => DashboardSeriesType, {
    description: `A city's or programme's figures at each month end, for trend charts: from the first enrolment (or from) until
today (or to), at most ${MAX_SERIES_POINTS} points; for researchers, perturbed month ends up to the last they may see, by default
the last ${RESEARCH_MONTHS} (never from the data's first enrolment, which would be one person's), at most ${MAX_RESEARCH_POINTS}.`,
  })
  @Requires('readOutcomes')
  async dashboardSeries(
    @Caller() caller: Principal,
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
    @Args('from', { type: () => CalendarDateScalar, nullable: true }) from: string | null = null,
    @Args('to', { type: () => CalendarDateScalar, nullable: true }) to: string | null = null,
    // One interval today; the argument keeps room for others without a breaking change.
    @Args('interval', { type: () => SeriesInterval, defaultValue: SeriesInterval.MONTH }) _interval: 'MONTH' = 'MONTH',
  ): Promise<DashboardSeriesView> {
    assertAllowed(caller, 'readOutcomes', city);
    if (seesExactFigures(caller)) return this.series.series(city, programme ?? null, from ?? null, to ?? null);
    return this.series.researchSeries(city, programme ?? null, from ?? null, to ?? null, this.perturbed);
  }

  @Query(() => SurvivalCurveType, {
    description: `How long participants take to find a job or start a business (Kaplan-Meier), live or as of a business date,
from the same participants and facts as the dashboard of that date; for researchers, perturbed, with days grouped into 30-day
bins (points and median at bin ends).`,
  })
  @Requires('readOutcomes')
  async timeToOutcome(
    @Caller() caller: Principal,
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
    @Args('asOf', { type: () => CalendarDateScalar, nullable: true, description: AS_OF }) asOf: string | null = null,
  ): Promise<SurvivalCurveView> {
    assertAllowed(caller, 'readOutcomes', city);
    if (seesExactFigures(caller)) return toSurvivalCurve(this.outcomes.figures(city, programme ?? null, asOf ?? null));
    return toSurvivalCurve(await this.outcomes.researchFigures(city, programme ?? null, asOf ?? null), this.perturbed);
  }

  @Subscription(() => DashboardType, {
    description:
      "The live dashboard of a city or programme, pushed after every event that changes it, and at its city's midnight. Researchers get no push per event nor per day: only, once the read model first folds a fact recorded in a later month, the perturbed figures of the month end it has just closed.",
    resolve(this: DashboardsResolver, view: DashboardView, _args: unknown, context: WithPrincipal) {
      // The pushed view is exact: researchers get the same month end's figures read again, perturbed (cached by the reader).
      if (seesExactFigures(context.principal!)) return view;
      return this.outcomes.researchDashboard(view.city, view.programme, view.asOf, this.perturbed);
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
    return this.updates.updatesOf(city, programme ?? null, !seesExactFigures(caller));
  }

  /**
   * Exact figures for advisers, coordinators and admins; for researchers, perturbed figures of a
   * month end that is over (the last one when `asOf` is null).
   */
  private async dashboardFor(caller: Principal, city: string, programme: string | null, asOf: string | null): Promise<DashboardView> {
    if (seesExactFigures(caller)) return this.outcomes.dashboard(city, programme, asOf);
    return this.outcomes.researchDashboard(city, programme, asOf, this.perturbed);
  }
}
