import type Database from 'better-sqlite3';
import type { Catalogue } from '../../src/catalogue/catalogue';
import { counterKeysOf, type KeyedContribution } from '../../src/outcomes/counter-keys';
import { addCounts, countsOf, emptyCounts } from '../../src/outcomes/outcome-counts';
import type { StoredFact } from '../../src/outcomes/outcome-facts';
import { targetsOf } from '../../src/outcomes/outcome-targets';
import { contributionAt } from '../../src/outcomes/participant-contribution';
import { keySumsOf, talliesOf } from '../../src/outcomes/survival';
import type { OutcomeFigures } from '../../src/read-side/outcomes/dashboard-view';

/**
 * A dashboard's figures as of a date folded from every participant's stored facts, as the reader
 * computed them before the dated tables kept them: the oracle the tables are tested against.
 * Stamped with the last of its participants' facts dated by then (position 0 when none).
 */
export function foldedAsOf(db: Database.Database, catalogue: Catalogue, city: string, programme: string | null, asOf: string): OutcomeFigures {
  const rows = db
    .prepare<[string], { recordKey: number; facts: string }>('SELECT record_key AS recordKey, facts FROM outcome_participants WHERE city = ?')
    .all(city);
  const members: KeyedContribution[] = [];
  let last: StoredFact | undefined;
  for (const row of rows) {
    const facts: StoredFact[] = JSON.parse(row.facts);
    const contribution = contributionAt({ city, facts }, asOf, catalogue.exitClasses);
    if (!contribution || (programme !== null && contribution.programme !== programme)) continue;
    members.push({ contribution, recordKey: row.recordKey });
    for (const fact of facts) if (fact.on <= asOf && (last === undefined || BigInt(fact.position) > BigInt(last.position))) last = fact;
  }
  const contributions = members.map((m) => m.contribution);
  return {
    city,
    programme,
    asOf,
    targets: targetsOf(catalogue, city, programme),
    counts: contributions.reduce((sum, c) => addCounts(sum, countsOf(c)), emptyCounts()),
    counterKeys: counterKeysOf(members),
    tallies: talliesOf(contributions),
    survivalKeys: keySumsOf(members),
    censorAt: asOf,
    lastEventPosition: BigInt(last?.position ?? 0),
    updatedAt: last?.recordedAt ?? '',
  };
}
