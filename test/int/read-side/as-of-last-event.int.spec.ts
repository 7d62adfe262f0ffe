import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { foldEvents } from '../../../src/projections/fold-events';
import { ProjectionCheckpoints } from '../../../src/projections/projection-checkpoints';
import { resetIfLaidOutOtherwise } from '../../../src/projections/projection-layout';
import { OutcomesProjection } from '../../../src/read-side/outcomes/outcomes.projection';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { event } from '../../unit/journey/fixtures';
import { tempDir } from '../../support/temp-files';
import { outcomesReader } from '../../support/research-read-models';
import { StoppedClock } from '../../support/stopped-clock';

const NOW = '2008-06-30T12:00:00.000Z';

/** Events of two Paris participants, recorded on the day given, one global position each. */
const LOG: [participant: string, event: JourneyEvent, recordedOn: string][] = [
  ['a', event.enrolled({ participantId: 'a', occurredOn: '2007-01-10' }), '2007-01-10'],
  ['b', event.enrolled({ participantId: 'b', occurredOn: '2007-02-01' }), '2007-02-02'],
  // Recorded late: its position is after B's enrolment, its date before.
  ['a', event.jobStarted('2007-01-20', { participantId: 'a' }), '2007-03-01'],
  ['b', event.coachingHeld('2007-02-10', { participantId: 'b' }), '2007-03-02'],
];

function stored(log = LOG): StoredEvent[] {
  const versions = new Map<string, number>();
  return log.map(([participant, e, recordedOn], i) => {
    versions.set(participant, (versions.get(participant) ?? 0) + 1);
    return {
      ...e,
      streamId: `participant-${participant}`,
      version: versions.get(participant)!,
      position: BigInt(i + 1),
      metadata: { recordedAt: `${recordedOn}T09:00:00.000Z`, recordedBy: 'test', commandId: null },
    };
  });
}

describe('a dashboard as of a date (int, real SQLite file)', () => {
  const tmp = tempDir('journey-as-of-');
  afterAll(() => tmp.remove());

  it('says which event its figures go up to: the last one dated on or before that date, not the live one', () => {
    const db = openSqliteDatabase(tmp.file('journeys.db'));
    try {
      const writer = new OutcomesProjection(BUILT_IN_CATALOGUE).open(db);
      db.transaction(() => foldEvents(writer, stored(), 0n))();
      const reader = outcomesReader(db, BUILT_IN_CATALOGUE, new StoppedClock(NOW));
      const stamp = (asOf: string | null) => {
        const { lastEventPosition, updatedAt } = reader.dashboard('paris', null, asOf);
        return { lastEventPosition, updatedAt };
      };

      expect(stamp('2007-01-15')).toEqual({ lastEventPosition: '1', updatedAt: '2007-01-10T09:00:00.000Z' });
      // The job dated 20 January was recorded after B's enrolment: it is the last event of figures as of 25 January.
      expect(stamp('2007-01-25')).toEqual({ lastEventPosition: '3', updatedAt: '2007-03-01T09:00:00.000Z' });
      // The coaching session counts in no figure.
      expect(stamp('2007-12-31')).toEqual({ lastEventPosition: '3', updatedAt: '2007-03-01T09:00:00.000Z' });
      expect(stamp(null)).toEqual({ lastEventPosition: '3', updatedAt: '2007-03-01T09:00:00.000Z' });
    } finally {
      db.close();
    }
  });

  it('is stamped by a void on the days whose figures it takes back, not on the days before', () => {
    const db = openSqliteDatabase(tmp.file('voided.db'));
    try {
      const writer = new OutcomesProjection(BUILT_IN_CATALOGUE).open(db);
      // A's job (its second event) voided: the figures from 20 January on change, those before do not.
      const log: typeof LOG = [...LOG, ['a', event.voided(2, { participantId: 'a', occurredOn: '2007-04-01' }), '2007-04-01']];
      db.transaction(() => foldEvents(writer, stored(log), 0n))();
      const reader = outcomesReader(db, BUILT_IN_CATALOGUE, new StoppedClock(NOW));

      expect(reader.dashboard('paris', null, '2007-01-15')).toMatchObject({ lastEventPosition: '1', jobReturns: 0 });
      expect(reader.dashboard('paris', null, '2007-01-25')).toMatchObject({ lastEventPosition: '5', updatedAt: '2007-04-01T09:00:00.000Z', jobReturns: 0 });
      expect(reader.dashboard('paris', null, null)).toMatchObject({ lastEventPosition: '5', jobReturns: 0 });
    } finally {
      db.close();
    }
  });

  it('is kept by the same reader until an event changes a day up to its date: a later-dated one leaves it, a late record dated before renews it', () => {
    const db = openSqliteDatabase(tmp.file('kept.db'));
    try {
      const writer = new OutcomesProjection(BUILT_IN_CATALOGUE).open(db);
      const log = stored();
      db.transaction(() => foldEvents(writer, log.slice(0, 2), 0n))();
      const reader = outcomesReader(db, BUILT_IN_CATALOGUE, new StoppedClock(NOW));
      const first = reader.dashboard('paris', null, '2007-01-25');
      expect(first).toMatchObject({ lastEventPosition: '1', jobReturns: 0, enrolled: 1 });
      expect(reader.dashboard('paris', null, '2007-01-25')).toBe(first);

      // B's coaching session (dated 10 February, after the date) is folded: the answer stands.
      const later = { ...log[3]!, position: 3n };
      db.transaction(() => foldEvents(writer, [later], 2n))();
      expect(reader.dashboard('paris', null, '2007-01-25')).toBe(first);

      // A's job, dated 20 January but recorded after both: the answer as of 25 January counts it.
      const late = { ...log[2]!, position: 4n };
      db.transaction(() => foldEvents(writer, [late], 3n))();
      expect(reader.dashboard('paris', null, '2007-01-25')).toMatchObject({ lastEventPosition: '4', jobReturns: 1, enrolled: 1 });
      expect(reader.figures('paris', null, '2007-01-25').counts.jobReturns).toBe(1);
    } finally {
      db.close();
    }
  });

  it('comes from facts folded again at start when the tables were laid out before facts were stamped with their event', () => {
    const db = openSqliteDatabase(tmp.file('earlier-layout.db'));
    try {
      const projection = new OutcomesProjection(BUILT_IN_CATALOGUE);
      const writer = projection.open(db);
      const checkpoints = new ProjectionCheckpoints(db);
      db.transaction(() => {
        foldEvents(writer, stored(), 0n);
        checkpoints.write(projection.name, BigInt(LOG.length));
      })();
      // As layout 2 left them: facts without the event that set them.
      const rows = db.prepare<[], { participant_id: string; facts: string }>('SELECT participant_id, facts FROM outcome_participants').all();
      for (const { participant_id, facts } of rows) {
        const unstamped = (JSON.parse(facts) as Record<string, unknown>[]).map(({ position: _p, recordedAt: _r, ...fact }) => fact);
        db.prepare('UPDATE outcome_participants SET facts = ? WHERE participant_id = ?').run(JSON.stringify(unstamped), participant_id);
      }
      checkpoints.writeLayout(projection.name, 2);

      expect(resetIfLaidOutOtherwise(db, projection, checkpoints)).toBe(2);
      db.transaction(() => foldEvents(projection.open(db), stored(), 0n))();

      const reader = outcomesReader(db, BUILT_IN_CATALOGUE, new StoppedClock(NOW));
      expect(reader.dashboard('paris', null, '2007-01-25')).toMatchObject({ lastEventPosition: '3', updatedAt: '2007-03-01T09:00:00.000Z' });
    } finally {
      db.close();
    }
  });

  it('before any event, and on an empty store, is at position 0 and read now', () => {
    const db = openSqliteDatabase(tmp.file('empty.db'));
    try {
      const writer = new OutcomesProjection(BUILT_IN_CATALOGUE).open(db);
      const reader = outcomesReader(db, BUILT_IN_CATALOGUE, new StoppedClock(NOW));
      for (const asOf of [null, '2007-01-01']) {
        expect(reader.dashboard('paris', null, asOf)).toMatchObject({ lastEventPosition: '0', updatedAt: NOW });
      }
      db.transaction(() => foldEvents(writer, stored(), 0n))();
      expect(reader.dashboard('paris', null, '2007-01-09')).toMatchObject({ lastEventPosition: '0', updatedAt: NOW, enrolled: 0 });
    } finally {
      db.close();
    }
  });
});
