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
import { InvalidInput } from '../../journey/domain/errors';
import { isMonthEnd } from '../../outcomes/calendar-days';
import { exactly, type Publish } from '../../outcomes/cell';
import { cellKeyMethod } from '../../outcomes/cell-key-method';
import { DashboardUpdates } from '../outcomes/dashboard-updates';
import { type DashboardView, type SurvivalCurveView, toSurvivalCurve } from '../outcomes/dashboard-view';
import { OutcomesReader } from '../outcomes/outcomes.reader';
import { DashboardType } from './dashboard.type';
import { SurvivalCurveType } from './survival-curve.type';

const AS_OF = `Null for the live figures; otherwise the business date they are as of. Researchers may ask only for a
month's last day (BAD_USER_INPUT otherwise): figures a day apart would tell one person's change apart.`;

@Resolver(() => DashboardType)
export class DashboardsResolver {
  /** Researchers' figures: every count perturbed by the cell key method (docs/access-and-privacy.md). */
  private readonly perturbed: Publish;

  constructor(
    private readonly outcomes: OutcomesReader,
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
  cityDashboard(
    @Caller() caller: Principal,
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
    @Args('asOf', { type: () => CalendarDateScalar, nullable: true, description: AS_OF }) asOf: string | null = null,
  ): DashboardView {
    assertAllowed(caller, 'readOutcomes', city);
    const publish = this.publisherFor(caller, asOf ?? null);
    return this.outcomes.dashboard(city, programme ?? null, asOf ?? null, publish);
  }

  @Query(() => [DashboardType], { description: 'The dashboard of every city the caller may see; perturbed for researchers.' })
  @Requires('readOutcomes')
  dashboards(
    @Caller() caller: Principal,
    @Args('asOf', { type: () => CalendarDateScalar, nullable: true, description: AS_OF }) asOf: string | null = null,
  ): DashboardView[] {
    const publish = this.publisherFor(caller, asOf ?? null);
    const only = cityScope(caller, 'readOutcomes');
    return this.catalogue.cities
      .filter((city) => only === null || city.code === only)
      .map((city) => this.outcomes.dashboard(city.code, null, asOf ?? null, publish));
  }

  @Query(() => SurvivalCurveType, {
    description: 'How long participants take to find a job or start a business (Kaplan-Meier); perturbed for researchers.',
  })
  @Requires('readOutcomes')
  timeToOutcome(
    @Caller() caller: Principal,
    @Args('city') city: string,
    @Args('programme', { type: () => String, nullable: true }) programme: string | null = null,
  ): SurvivalCurveView {
    assertAllowed(caller, 'readOutcomes', city);
    return toSurvivalCurve(this.outcomes.figures(city, programme ?? null, null), this.publisherFor(caller, null));
  }

  @Subscription(() => DashboardType, {
    description:
      "The live dashboard of a city or programme, pushed after every event that changes it, and at its city's midnight; perturbed for researchers.",
    resolve(this: DashboardsResolver, view: DashboardView, _args: unknown, context: WithPrincipal) {
      const publish = this.publisherFor(context.principal!, null);
      // The pushed view is exact: researchers get the same scope's figures read again, perturbed (cached by the reader).
      return publish === exactly ? view : this.outcomes.dashboard(view.city, view.programme, null, publish);
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

  /**
   * Exact figures for advisers, coordinators and admins; perturbed ones for researchers, who may
   * ask for past figures only at a month's end.
   */
  private publisherFor(caller: Principal, asOf: string | null): Publish {
    if (seesExactFigures(caller)) return exactly;
    if (asOf !== null && !isMonthEnd(asOf)) {
      throw new InvalidInput([{ field: 'asOf', message: `Researchers may ask for figures as of a month's last day only, not ${asOf}` }]);
    }
    return this.perturbed;
  }
}
