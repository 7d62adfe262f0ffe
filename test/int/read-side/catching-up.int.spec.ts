import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { projectionCatchingUp } from '../../../src/read-side/life-paths/catching-up';

describe('whether a projection is catching up (int, a real SQLite store in memory)', () => {
  const db = openSqliteDatabase(':memory:');
  const store = new SqliteEventStore(db);
  let position = 0n;
  const runner = { status: () => [{ name: 'life-paths', position, healthy: true, lastError: null, failedAttempts: 0, problems: [] }] };
  const catchingUp = projectionCatchingUp(runner, store, 'life-paths');

  beforeAll(async () => {
    const metadata = { recordedAt: '2026-01-05T09:00:00.000Z', recordedBy: 'adviser-1', commandId: null };
    await store.appendToStream('participant-1', Array.from({ length: 10_005 }, (_, i) => ({ type: 'CoachingSessionHeld', data: { i }, metadata })), 0);
  });
  afterAll(() => db.close());

  it('is, a whole batch (10,000 events) or more behind the head', async () => {
    position = 0n;
    expect(await catchingUp()).toBe(true);
    position = 5n;
    expect(await catchingUp()).toBe(true);
  });

  it('is not, less than a batch behind, at the head, or for a projection the runner does not run', async () => {
    position = 6n;
    expect(await catchingUp()).toBe(false);
    position = 10_005n;
    expect(await catchingUp()).toBe(false);
    expect(await projectionCatchingUp(runner, store, 'outcomes')()).toBe(false);
  });
});
