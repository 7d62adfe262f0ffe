import { monthsAfter } from '../src/clock/months';
import { bearer, gql } from './graphql';
import { nowMs, quantile } from './stats';

const FIELDS = `city programme asOf enrolled active exited positiveExits neutralExits positiveExitRate positiveExitTarget
  jobReturns jobReturnRate jobReturnTarget businessCreations businessCreationRate businessCreationTarget medianDaysToOutcome
  followUps6m sustainedOutcomes6m exitsByReason { reason count } jobsByContract { contractType count } suppressed
  lastEventPosition updatedAt`;
export const DASHBOARD = `query ($city: String!, $asOf: Date) { cityDashboard(city: $city, asOf: $asOf) { ${FIELDS} } }`;
/** The trends page's own question (web/src/api/documents.ts, DASHBOARD_SERIES): the rates, their targets and the counts of each month end. */
const SERIES_FIELDS = `city programme asOf suppressed enrolled active exited sustainedOutcomes6m
  positiveExitRate positiveExitTarget jobReturnRate jobReturnTarget businessCreationRate businessCreationTarget`;
const SERIES = `query ($city: String!, $from: Date, $to: Date) { dashboardSeries(city: $city, from: $from, to: $to) { from to points { ${SERIES_FIELDS} } } }`;

/** The months of the trend series asked for: two years, as the target has it. */
export const SERIES_MONTHS = 24;

/** The first day of a series of SERIES_MONTHS points ending on `to`: its month's end or `to` itself is the last point. */
const seriesFrom = (to: string): string => `${monthsAfter(to.slice(0, 7), 1 - SERIES_MONTHS)}-01`;

/** The city whose dashboard is asked for: the largest of the run. */
export const DASHBOARD_CITY = 'paris';

export interface Latency {
  p50Ms: number;
  p99Ms: number;
  samples: number;
}

export interface DashboardSettings {
  /** Queries per server and round, one after the other. */
  queries: number;
  rounds: number;
  /** `asOf` queries on the large service, one after the other: as many each to a date of its own (none answered from memory), then as many the same. */
  asOfQueries: number;
  /** The business date of the `asOf` figures: a day inside a month, summed from the month tables and that month's days. */
  asOf: string;
  /** Trend series on the large service, one after the other: as many each to a day of its own (none answered from memory), then as many the same. */
  seriesQueries: number;
}

export interface DashboardFigures {
  small: Latency;
  large: Latency;
  /** The same date asked again with no event in between (as the live dashboard is). */
  largeAsOf: Latency;
  /** Each to a date of its own: computed afresh each time, as after an event dated before it. */
  largeAsOfCold: Latency;
  /** A SERIES_MONTHS-month series, asked again with no event in between (as the live dashboard is). */
  largeSeries: Latency;
  /** The same, each to a day of its own: computed afresh each time, as after an event. */
  largeSeriesCold: Latency;
  /** Points of that series. */
  seriesPoints: number;
  /** Participants the large dashboard counted, to check the fixture was read whole. */
  largeEnrolled: number;
  smallEnrolled: number;
}

/** A coordinator's live dashboard asked `queries` times, one after the other, on one service. */
export async function benchLiveDashboard(url: string, queries: number): Promise<Latency> {
  const authorization = await bearer('coordinator');
  const ms: number[] = [];
  for (let i = 0; i < queries; i++) {
    const started = nowMs();
    await gql(url, authorization, DASHBOARD, { city: DASHBOARD_CITY, asOf: null });
    ms.push(nowMs() - started);
  }
  return latency(ms);
}

const latency = (ms: number[]): Latency => ({ p50Ms: quantile(ms, 0.5), p99Ms: quantile(ms, 0.99), samples: ms.length });

/**
 * A coordinator's live dashboard over HTTP, queried one at a time, on a service holding few
 * participants and on one holding many, in alternating rounds; then the same dashboard as of a
 * past date on the large one. Latency is from sending the request to having the parsed answer.
 */
export async function benchDashboards(smallUrl: string, largeUrl: string, settings: DashboardSettings): Promise<DashboardFigures> {
  const authorization = await bearer('coordinator');
  const samples = { small: [] as number[], large: [] as number[], largeAsOf: [] as number[], largeAsOfCold: [] as number[], largeSeries: [] as number[], largeSeriesCold: [] as number[] };
  const query = async (url: string, asOf: string | null) => {
    const started = nowMs();
    const data = await gql<{ cityDashboard: { enrolled: number } }>(url, authorization, DASHBOARD, { city: DASHBOARD_CITY, asOf });
    return { ms: nowMs() - started, enrolled: data.cityDashboard.enrolled };
  };
  // Warm-up: prepared statements, JIT, SQLite's page cache.
  for (let i = 0; i < Math.min(20, settings.queries); i++) await Promise.all([query(smallUrl, null), query(largeUrl, null)]);
  let smallEnrolled = 0;
  let largeEnrolled = 0;
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const);
    for (const which of order) {
      for (let i = 0; i < settings.queries; i++) {
        const { ms, enrolled } = await query(which === 'small' ? smallUrl : largeUrl, null);
        samples[which].push(ms);
        if (which === 'small') smallEnrolled = enrolled;
        else largeEnrolled = enrolled;
      }
    }
  }
  // Cold: dates of their own, a week apart across the months before settings.asOf (each month's sums are computed once, then its days').
  const coldDate = (i: number) => new Date(Date.parse(`${settings.asOf}T00:00:00Z`) - (i + 1) * 7 * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < settings.asOfQueries; i++) samples.largeAsOfCold.push((await query(largeUrl, coldDate(i))).ms);
  await query(largeUrl, settings.asOf);
  for (let i = 0; i < settings.asOfQueries; i++) samples.largeAsOf.push((await query(largeUrl, settings.asOf)).ms);
  let seriesPoints = 0;
  const series = async (to: string) => {
    const started = nowMs();
    const data = await gql<{ dashboardSeries: { points: unknown[] } }>(largeUrl, authorization, SERIES, { city: DASHBOARD_CITY, from: seriesFrom(to), to });
    seriesPoints = data.dashboardSeries.points.length;
    return nowMs() - started;
  };
  // Cold: a day of its own each time, as a series is kept in memory per end date.
  for (let i = 0; i < settings.seriesQueries; i++) samples.largeSeriesCold.push(await series(new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)));
  // As the live dashboard is measured: warmed up, then the same question again, with no event in between.
  await series('2019-12-31');
  for (let i = 0; i < settings.seriesQueries; i++) samples.largeSeries.push(await series('2019-12-31'));
  return {
    small: latency(samples.small),
    large: latency(samples.large),
    largeAsOf: latency(samples.largeAsOf),
    largeAsOfCold: latency(samples.largeAsOfCold),
    largeSeries: latency(samples.largeSeries),
    largeSeriesCold: latency(samples.largeSeriesCold),
    seriesPoints,
    smallEnrolled,
    largeEnrolled,
  };
}
