import type Database from 'better-sqlite3';
import type { Catalogue } from '../../catalogue/catalogue';
import type { GlobalPosition } from '../../event-store/event-store.port';
import { EXIT_REASONS } from '../../journey/domain/vocabulary';
import { addKey, KEY_MODULUS } from '../../outcomes/cell';
import { COUNTER_NAMES } from '../../outcomes/outcome-counts';
import type { ReadModelProblem } from '../../projections/projection';
import { oneRowPerParticipant } from '../participant-rows';

/**
 * The city counters that the participants' facts sum to, as `contributionAt` counts them, in one
 * pass of SQLite's JSON functions over the facts: "latest" is by date, then by place in the list
 * (the rank); a participant without an enrolment fact counts nowhere. Positive and neutral exits
 * are derived from the exits by reason, with the catalogue's classes.
 */
const CITY_COUNTERS_FROM_FACTS = `
  WITH fact AS MATERIALIZED (
    SELECT p.participant_id AS id, p.city AS city, f.value ->> 'kind' AS kind,
           (f.value ->> 'on') || printf('%010d', f.key) AS rank, f.value AS value
    FROM outcome_participants AS p, json_each(p.facts) AS f
  ),
  counted AS MATERIALIZED (SELECT * FROM fact WHERE id IN (SELECT id FROM fact WHERE kind = 'ENROLLED')),
  -- Bare columns beside max(): SQLite takes them from the row holding the maximum.
  edge AS (SELECT city, kind, value ->> 'reason' AS reason, max(rank) FROM counted WHERE kind IN ('ENROLLED', 'EXITED') GROUP BY id),
  followUp AS (
    SELECT city, value ->> 'status' AS status, max(rank) FROM counted
    WHERE kind = 'FOLLOW_UP' AND value ->> 'monthsAfterExit' = 6 GROUP BY id
  )
  SELECT city, 'enrolled' AS counter, count(*) AS value FROM edge GROUP BY city
  UNION ALL SELECT city, 'active', count(*) FROM edge WHERE kind = 'ENROLLED' GROUP BY city
  UNION ALL SELECT city, 'exited', count(*) FROM edge WHERE kind = 'EXITED' GROUP BY city
  UNION ALL SELECT city, 'exitsByReason.' || reason, count(*) FROM edge WHERE kind = 'EXITED' GROUP BY city, reason
  UNION ALL SELECT city, 'jobReturns', count(DISTINCT id) FROM counted WHERE kind = 'JOB' GROUP BY city
  UNION ALL SELECT city, 'businessCreations', count(DISTINCT id) FROM counted WHERE kind = 'SELF_EMPLOYMENT' GROUP BY city
  UNION ALL SELECT city, 'jobsByContract.' || (value ->> 'contractType'), count(*) FROM counted WHERE kind = 'JOB' GROUP BY city, value ->> 'contractType'
  UNION ALL SELECT city, 'followUps6m', count(*) FROM followUp GROUP BY city
  -- The statuses participant-contribution.ts counts as a sustained outcome.
  UNION ALL SELECT city, 'sustainedOutcomes6m', count(*) FROM followUp WHERE status IN ('EMPLOYED', 'SELF_EMPLOYED') GROUP BY city
`;

/** Mismatches listed by name, beyond which a count is enough to act on. */
const SHOWN = 5;

interface CounterRow {
  scope: string;
  counter: string;
  value: number;
}

type Sum = (a: number, b: number) => number;
const plus: Sum = (a, b) => a + b;

/**
 * The outcomes read model against itself: one facts row per participant enrolled up to the
 * checkpoint, no scope stamped after it, every city counter equal to what its participants' facts
 * sum to, every city equal to the sum of its programmes (counts and key sums), every scope's
 * survival tallies holding each of its participants once (their count and key sum are its
 * `enrolled` counter's), and every counter and tally equal to the sum of its months' changes and
 * to the sum of its days' (the dated tables of trends and figures as of a date).
 */
export function verifyOutcomes(db: Database.Database, checkpoint: GlobalPosition, exitClasses: Catalogue['exitClasses']): ReadModelProblem[] {
  const problems = oneRowPerParticipant(db, 'outcome_participants', checkpoint);
  const stamped = db.prepare<[], bigint | null>('SELECT max(last_position) FROM outcome_scopes').pluck().safeIntegers().get() ?? null;
  if (stamped !== null && stamped > checkpoint) {
    problems.push({ kind: 'checkpoint', message: `outcome_scopes holds changes up to position ${stamped}, after its checkpoint ${checkpoint}` });
  }
  const stored = new Map<string, Map<string, number>>();
  const keys = new Map<string, Map<string, number>>();
  const rows = db.prepare<[], CounterRow & { keySum: number }>('SELECT scope, counter, value, key_sum AS keySum FROM outcome_counters').all();
  for (const { scope, counter, value, keySum } of rows) {
    valuesOf(stored, scope).set(counter, value);
    valuesOf(keys, scope).set(counter, keySum);
  }
  const cities = new Map([...stored].filter(([scope]) => !isProgramme(scope)));
  const cityKeys = new Map([...keys].filter(([scope]) => !isProgramme(scope)));
  const mismatches = [
    ...compare(cities, cityCountersFromFacts(db, exitClasses), "its participants' facts sum to"),
    ...compare(cities, programmeSums(stored, plus), 'its programmes sum to'),
    ...compare(cityKeys, programmeSums(keys, addKey), 'its programmes sum to', 'the key sum of '),
    ...tallyMismatches(db, stored, keys),
    ...(['month', 'day'] as const).flatMap((period) => [
      ...compare(stored, periodTotals(db, period, 'value'), `its ${period}s sum to`),
      ...compare(keys, periodTotals(db, period, 'key_sum'), `its ${period}s sum to`, 'the key sum of '),
      ...periodTallyMismatches(db, period),
    ]),
  ];
  if (mismatches.length > 0) {
    const more = mismatches.length > SHOWN ? `, and ${mismatches.length - SHOWN} more` : '';
    problems.push({ kind: 'rows', message: `outcome counters do not add up: ${mismatches.slice(0, SHOWN).join('; ')}${more}` });
  }
  return problems;
}

function cityCountersFromFacts(db: Database.Database, exitClasses: Catalogue['exitClasses']): Map<string, Map<string, number>> {
  const expected = new Map<string, Map<string, number>>();
  for (const { scope, counter, value } of db.prepare<[], CounterRow>(`SELECT city AS scope, counter, value FROM (${CITY_COUNTERS_FROM_FACTS})`).all()) {
    valuesOf(expected, scope).set(counter, value);
  }
  for (const values of expected.values()) {
    const exits = (outcome: string) =>
      EXIT_REASONS.filter((r) => exitClasses[r] === outcome).reduce((sum, r) => sum + (values.get(`exitsByReason.${r}`) ?? 0), 0);
    values.set('positiveExits', exits('POSITIVE'));
    values.set('neutralExits', exits('NEUTRAL'));
  }
  return expected;
}

/** Each scope's counters (or key sums) as the changes of its months (or days) add up: every fact is dated by today, so to the live ones. */
function periodTotals(db: Database.Database, period: 'month' | 'day', column: 'value' | 'key_sum'): Map<string, Map<string, number>> {
  const totals = new Map<string, Map<string, number>>();
  // SQLite sums integers exactly; key sums are then taken mod 2^32 as everywhere.
  const total = column === 'value' ? 'sum(value)' : `sum(key_sum) % ${KEY_MODULUS}`;
  for (const { scope, counter, value } of db.prepare<[], CounterRow>(`SELECT scope, counter, ${total} AS value FROM outcome_${period}_counters GROUP BY scope, counter`).all()) {
    valuesOf(totals, scope).set(counter, value);
  }
  return totals;
}

/** Every survival tally, count and key sum, against the changes of its months (or days). */
function periodTallyMismatches(db: Database.Database, period: 'month' | 'day'): string[] {
  const rows = db
    .prepare<[], { scope: string; kind: string; key: string; live: number; months: number; liveKey: number; monthsKey: number }>(
      `WITH months AS (
         SELECT scope, kind, key, sum(count) AS n, sum(key_sum) % ${KEY_MODULUS} AS k FROM outcome_${period}_survival GROUP BY scope, kind, key
       ),
       both AS (
         SELECT l.scope, l.kind, l.key, l.count AS live, coalesce(m.n, 0) AS months, l.key_sum AS liveKey, coalesce(m.k, 0) AS monthsKey
         FROM outcome_survival l LEFT JOIN months m USING (scope, kind, key)
         UNION ALL
         SELECT m.scope, m.kind, m.key, 0, m.n, 0, m.k FROM months m
         WHERE m.n <> 0 AND NOT EXISTS (SELECT 1 FROM outcome_survival l WHERE (l.scope, l.kind, l.key) = (m.scope, m.kind, m.key))
       )
       SELECT * FROM both WHERE live <> months OR liveKey <> monthsKey`,
    )
    .all();
  return rows.map((r) => `the survival tally ${r.kind} ${r.key} of ${r.scope} holds ${r.live} (key sum ${r.liveKey}), its ${period}s sum to ${r.months} (${r.monthsKey})`);
}

const isProgramme = (scope: string): boolean => scope.includes('/');

/** Each city's counters as its programmes' add up, by `sum` (plus for counts, mod 2^32 for key sums). */
function programmeSums(stored: Map<string, Map<string, number>>, sum: Sum): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, number>>();
  for (const [scope, values] of stored) {
    if (!isProgramme(scope)) continue;
    const city = valuesOf(sums, scope.slice(0, scope.indexOf('/')));
    for (const [counter, value] of values) city.set(counter, sum(city.get(counter) ?? 0, value));
  }
  return sums;
}

/** Every counter of every scope either side has, an absent one being 0. */
function compare(actual: Map<string, Map<string, number>>, expected: Map<string, Map<string, number>>, source: string, what = ''): string[] {
  const mismatches: string[] = [];
  for (const scope of new Set([...actual.keys(), ...expected.keys()])) {
    for (const counter of COUNTER_NAMES) {
      const [is, should] = [actual.get(scope)?.get(counter) ?? 0, expected.get(scope)?.get(counter) ?? 0];
      if (is !== should) mismatches.push(`${what}${counter} of ${scope} is ${is}, ${source} ${should}`);
    }
  }
  return mismatches;
}

/** A participant sits in exactly one survival tally of each of its scopes: outcome, censored or still searching. */
function tallyMismatches(db: Database.Database, stored: Map<string, Map<string, number>>, keys: Map<string, Map<string, number>>): string[] {
  // Key sums are below 2^32 and a scope has a few hundred tallies: their plain sum is exact before the modulo.
  const tallies = new Map(
    db
      .prepare<[], { scope: string; total: number; keySum: number }>(
        `SELECT scope, sum(count) AS total, sum(key_sum) % ${KEY_MODULUS} AS keySum FROM outcome_survival GROUP BY scope`,
      )
      .all()
      .map(({ scope, total, keySum }) => [scope, { total, keySum }]),
  );
  return [...new Set([...stored.keys(), ...tallies.keys()])].flatMap((scope) => {
    const [enrolled, tallied] = [stored.get(scope)?.get('enrolled') ?? 0, tallies.get(scope)?.total ?? 0];
    if (enrolled !== tallied) return [`survival tallies of ${scope} hold ${tallied} participants, its enrolled counter ${enrolled}`];
    const [enrolledKey, talliedKey] = [keys.get(scope)?.get('enrolled') ?? 0, tallies.get(scope)?.keySum ?? 0];
    return enrolledKey === talliedKey ? [] : [`the key sum of the survival tallies of ${scope} is ${talliedKey}, of its enrolled counter ${enrolledKey}`];
  });
}

function valuesOf(byScope: Map<string, Map<string, number>>, scope: string): Map<string, number> {
  let values = byScope.get(scope);
  if (values === undefined) byScope.set(scope, (values = new Map()));
  return values;
}
