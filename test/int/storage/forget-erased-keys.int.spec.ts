import { randomUUID } from 'node:crypto';
import { connectEventStoreDb } from '../../../src/event-store/esdb/esdb-connection';
import { EsdbEventStore } from '../../../src/event-store/esdb/esdb-event-store';
import { participantStream } from '../../../src/journey/application/journey-repository';
import { EsdbKeyVault } from '../../../src/personal-data/esdb-key-vault';
import { forgetKeysOnErasure } from '../../../src/storage/forget-erased-keys';
import { event } from '../../support/event-store-contract';
import { ESDB_UNDER_TEST, type EsdbUnderTest, startEsdbUnderTest } from '../../support/esdb-under-test';
import { eventually } from '../../support/eventually';

/** One replica's storage in cluster mode, wired as src/storage/cluster-storage.ts wires it. */
function replicaStorage(url: string): { store: EsdbEventStore; vault: EsdbKeyVault } {
  const client = connectEventStoreDb(url);
  const store = new EsdbEventStore(client);
  const vault = new EsdbKeyVault(client);
  forgetKeysOnErasure(store, vault);
  return { store, vault };
}

describe(`a replica's cached keys against ${ESDB_UNDER_TEST}`, () => {
  let esdb: EsdbUnderTest;
  let erasing: ReturnType<typeof replicaStorage>;
  let other: ReturnType<typeof replicaStorage>;

  beforeAll(async () => {
    esdb = await startEsdbUnderTest();
    erasing = replicaStorage(esdb.url);
    other = replicaStorage(esdb.url);
  });

  afterAll(async () => {
    await Promise.all([erasing.store.close(), other.store.close()]);
    await esdb.stop();
  });

  it("drops its cached key when another replica's PersonalDataErased reaches it, and only then", async () => {
    const participantId = randomUUID();
    const key = await erasing.vault.keyFor(participantId);
    expect(await other.vault.find(participantId)).toEqual(key);

    // As JourneyRepository.erase does it: the key is tombstoned, then the erasure recorded.
    await erasing.vault.shred(participantId);
    expect(await other.vault.find(participantId)).toEqual(key);
    await erasing.store.appendToStream(participantStream(participantId), [event('PersonalDataErased')], 0);

    await eventually('the other replica no longer opens the data', async () => (await other.vault.find(participantId)) === null);
  });

  it('keeps a cached key while only other events of the participant pass', async () => {
    const participantId = randomUUID();
    const key = await other.vault.keyFor(participantId);
    // Tombstoned in the cluster, so that a dropped cache would show as null.
    await erasing.vault.shred(participantId);
    const passed = await erasing.store.appendToStream(participantStream(participantId), [event('ParticipantEnrolled'), event('CoachingSessionHeld')], 0);

    // Resolves once an event after the first is delivered: the second, told to the listeners first.
    await other.store.waitForEvents(passed.events[0]!.position);
    expect(await other.vault.find(participantId)).toEqual(key);
  });
});
