import { randomUUID } from 'node:crypto';
import type { EventStoreDBClient } from '@eventstore/db-client';
import { connectEventStoreDb } from '../../../src/event-store/esdb/esdb-connection';
import { EsdbKeyVault, keyStreamOf } from '../../../src/personal-data/esdb-key-vault';
import { KeyShredded } from '../../../src/personal-data/key-vault.port';
import { ESDB_UNDER_TEST, type EsdbUnderTest, startEsdbUnderTest } from '../../support/esdb-under-test';

describe(`EsdbKeyVault against ${ESDB_UNDER_TEST}`, () => {
  let esdb: EsdbUnderTest;
  const clients: EventStoreDBClient[] = [];

  /** A vault on a client of its own, as a replica of the service has one. */
  function openVault(): EsdbKeyVault {
    const client = connectEventStoreDb(esdb.url);
    clients.push(client);
    return new EsdbKeyVault(client);
  }

  beforeAll(async () => {
    esdb = await startEsdbUnderTest();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });

  afterAll(async () => {
    await esdb.stop();
  });

  it('creates a 32-byte key on first use, the same for every later ask and for another replica', async () => {
    const participantId = randomUUID();
    const vault = openVault();

    const key = await vault.keyFor(participantId);

    expect(key).toBeInstanceOf(Buffer);
    expect(key).toHaveLength(32);
    expect((await vault.keyFor(participantId)).equals(key)).toBe(true);
    expect((await openVault().keyFor(participantId)).equals(key)).toBe(true);
    expect((await openVault().find(participantId))?.equals(key)).toBe(true);
  });

  it('keeps the key as the one event of its stream, limited to one ($maxCount)', async () => {
    const participantId = randomUUID();
    const vault = openVault();
    await vault.keyFor(participantId);

    const { metadata } = await clients[0]!.getStreamMetadata(keyStreamOf(participantId));

    expect(metadata?.maxCount).toBe(1);
    if (esdb.double) expect(esdb.double.storedEvents(keyStreamOf(participantId))).toHaveLength(1);
  });

  it('gives two replicas asking at once for a new participant the same key', async () => {
    const [first, second] = [openVault(), openVault()];
    const participants = Array.from({ length: 20 }, () => randomUUID());

    const keys = await Promise.all(participants.map((id) => Promise.all([first.keyFor(id), second.keyFor(id)])));

    for (const [fromFirst, fromSecond] of keys) expect(fromFirst.equals(fromSecond)).toBe(true);
    const third = openVault();
    for (const [index, id] of participants.entries()) expect((await third.find(id))?.equals(keys[index]![0])).toBe(true);
  });

  it('finds no key of a participant never given one, and creates none by looking', async () => {
    const participantId = randomUUID();
    const vault = openVault();

    expect(await vault.find(participantId)).toBeNull();
    expect(await openVault().find(participantId)).toBeNull();
    if (esdb.double) expect(esdb.double.storedEvents(keyStreamOf(participantId))).toEqual([]);
  });

  it('shreds by tombstoning the stream: KeyShredded for ever after, in every replica, and find answers null', async () => {
    const participantId = randomUUID();
    const vault = openVault();
    await vault.keyFor(participantId);

    await vault.shred(participantId);

    expect(await esdb.isTombstoned(keyStreamOf(participantId))).toBe(true);
    await expect(vault.keyFor(participantId)).rejects.toBeInstanceOf(KeyShredded);
    await expect(openVault().keyFor(participantId)).rejects.toBeInstanceOf(KeyShredded);
    expect(await vault.find(participantId)).toBeNull();
    await vault.shred(participantId);
  });

  it('shreds a key never created, which blocks its creation', async () => {
    const participantId = randomUUID();
    const vault = openVault();

    await vault.shred(participantId);

    expect(await esdb.isTombstoned(keyStreamOf(participantId))).toBe(true);
    await expect(openVault().keyFor(participantId)).rejects.toBeInstanceOf(KeyShredded);
  });

  it("keeps its copy of a key until told to forget it, then sees another replica's shred", async () => {
    const participantId = randomUUID();
    const [vault, other] = [openVault(), openVault()];
    const key = await vault.keyFor(participantId);

    await other.shred(participantId);
    expect((await vault.find(participantId))?.equals(key)).toBe(true);
    vault.forget(participantId);

    expect(await vault.find(participantId)).toBeNull();
    await expect(vault.keyFor(participantId)).rejects.toBeInstanceOf(KeyShredded);
  });

  it('reports no removal pending: the cluster removes the bytes at its next scavenge, unseen by the service', async () => {
    const vault = openVault();
    await vault.shred(randomUUID());

    expect(await vault.pendingRemovals()).toEqual({ count: 0, oldestSince: null });
  });
});
