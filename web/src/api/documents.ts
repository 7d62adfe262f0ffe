/** The app's GraphQL documents. */
const DASHBOARD_FIELDS = `
  city programme asOf suppressed updatedAt lastEventPosition
  enrolled active exited
  positiveExitRate positiveExitTarget jobReturnRate jobReturnTarget businessCreationRate businessCreationTarget
  medianDaysToOutcome sustainedOutcomes6m
  exitsByReason { reason count }
  jobsByContract { contractType count }
`;

export const CITIES = `query Cities {
  cities { code name timeZone positiveExitTarget partners { code name } programmes { code name city targets { positiveExitRate jobReturnRate businessCreationRate } } }
}`;

export const DASHBOARDS = `query Dashboards($asOf: Date) { dashboards(asOf: $asOf) { ${DASHBOARD_FIELDS} } }`;

export const CITY_DASHBOARD = `query CityDashboard($city: String!, $programme: String, $asOf: Date) {
  cityDashboard(city: $city, programme: $programme, asOf: $asOf) { ${DASHBOARD_FIELDS} }
}`;

export const DASHBOARD_UPDATED = `subscription DashboardUpdated($city: String!, $programme: String) {
  dashboardUpdated(city: $city, programme: $programme) { ${DASHBOARD_FIELDS} }
}`;

export const TIME_TO_OUTCOME = `query TimeToOutcome($city: String!, $programme: String, $asOf: Date) {
  timeToOutcome(city: $city, programme: $programme, asOf: $asOf) {
    city programme suppressed participants events censored medianDays points { day stillSearching atRisk events }
  }
}`;

/** The trend: only what the trends page and its CSV show (web/src/trends/trend-figures.ts), for up to 600 month ends. */
export const DASHBOARD_SERIES = `query DashboardSeries($city: String!, $programme: String, $from: Date, $to: Date) {
  dashboardSeries(city: $city, programme: $programme, from: $from, to: $to, interval: MONTH) {
    city programme interval
    points {
      city programme asOf suppressed enrolled active exited sustainedOutcomes6m
      positiveExitRate positiveExitTarget jobReturnRate jobReturnTarget businessCreationRate businessCreationTarget
    }
  }
}`;

export const LIFE_PATHS = `query LifePaths($filter: LifePathFilter, $first: Int, $after: String) {
  lifePaths(filter: $filter, first: $first, after: $after) {
    k suppressedCount totalCount releasedAsOf
    pageInfo { hasNextPage endCursor }
    edges { node { pseudonym city programme ageBand gender educationLevel entryPeriod outcome steps { month kind detail } } }
  }
}`;

export const LIFE_PATH_SEQUENCES = `query LifePathSequences($filter: LifePathFilter, $first: Int) {
  lifePathSequences(filter: $filter, first: $first) { totalCount sequences { kinds count share } }
}`;
