import {
  type EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  type ResolvedEvent,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { LRUCache } from 'lru-cache';
import { answerWithin, DEADLINE_MS, readWithin } from '../event-store/esdb/esdb-call';
import { KeyShredded, type KeyVault, type PendingKeyRemovals } from './key-vault.port';
import { newParticipantKey } from './personal-data-cipher';

/** Outside the participants' log (`participant-`): keys never reach a projection. */
const KEY_STREAM_PREFIX = 'personal-data-key-';
const KEY_EVENT_TYPE = 'ParticipantKeyCreated';
/** Keys of the participants written to lately: every append seals with one. 10 000 keys hold 320 KB. */
const CACHED_KEYS = 10_000;

export const keyStreamOf = (participantId: string): string => `${KEY_STREAM_PREFIX}${participantId}`;

const ABSENT = Symbol('absent');
const SHREDDED = Symbol('shredded');

/**
 * Keys in EventStoreDB, shared by every replica: a participant's key is the one event of the
 * stream `personal-data-key-<participantId>` (created at no stream: one replica's key wins,
 * the others read it). Shredding tombstones the stream: the key is unreadable at once, and the
 * stream can never be created again. Keys are cached in this process; an erasure by another
 * replica reaches this one through the log, and `forget` drops its copy then. Reads ask the
 * leader, so that a key created or shredded elsewhere is seen at once. Transport faults reject
 * with StoreUnavailable.
 *
 * The client belongs to whoever made it.
 */
export class EsdbKeyVault implements KeyVault {
  /** Keys, and keys known shredded: shredding is for ever, and an erased case is still read often. */
  private readonly cache = new LRUCache<string, Buffer | typeof SHREDDED>({ max: CACHED_KEYS });

  constructor(private readonly client: EventStoreDBClient) {}

  async keyFor(participantId: string): Promise<Buffer> {
    const found = await this.lookUp(participantId);
    if (found === SHREDDED) throw new KeyShredded(participantId);
    return found === ABSENT ? this.create(participantId) : found;
  }

  async find(participantId: string): Promise<Buffer | null> {
    const found = await this.lookUp(participantId);
    return typeof found === 'symbol' ? null : found;
  }

  async shred(participantId: string): Promise<void> {
    this.cache.delete(participantId);
    try {
      // Tombstoning a stream never created works too: no key can be created for it afterwards.
      await answerWithin(`Shredding the key of ${participantId}`, DEADLINE_MS, this.client.tombstoneStream(keyStreamOf(participantId), { deadline: DEADLINE_MS }));
    } catch (error) {
      if (!(error instanceof StreamDeletedError)) throw error;
    }
    // Also replaces a key a keyFor of this process read before the tombstone and cached since.
    this.cache.set(participantId, SHREDDED);
  }

  /**
   * None that the service can observe: a tombstoned key's bytes leave the nodes' disks at the
   * cluster's next scavenge (an operator's or a schedule's), which the service is not told of.
   * Until then they are unreadable through the database, but present in its chunk files.
   */
  async pendingRemovals(): Promise<PendingKeyRemovals> {
    return { count: 0, oldestSince: null };
  }

  /** Drops this process's copy of the key, when another replica may have shredded it. */
  forget(participantId: string): void {
    this.cache.delete(participantId);
  }

  private async lookUp(participantId: string): Promise<Buffer | typeof ABSENT | typeof SHREDDED> {
    const cached = this.cache.get(participantId);
    if (cached) return cached;
    try {
      const [event] = await readWithin(
        `Reading the key of ${participantId}`,
        DEADLINE_MS,
        this.client.readStream(keyStreamOf(participantId), { fromRevision: START, maxCount: 1, requiresLeader: true }),
      );
      if (!event) return ABSENT;
      const key = keyOf(event);
      this.cache.set(participantId, key);
      return key;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return ABSENT;
      if (error instanceof StreamDeletedError) {
        this.cache.set(participantId, SHREDDED);
        return SHREDDED;
      }
      throw error;
    }
  }

  private async create(participantId: string): Promise<Buffer> {
    const stream = keyStreamOf(participantId);
    const key = newParticipantKey();
    try {
      // Before the key: the stream holds its one event and nothing else, whoever wrote it.
      await answerWithin(`Creating the key of ${participantId}`, DEADLINE_MS, this.client.setStreamMetadata(stream, { maxCount: 1 }, { deadline: DEADLINE_MS }));
      await answerWithin(
        `Creating the key of ${participantId}`,
        DEADLINE_MS,
        this.client.appendToStream(stream, jsonEvent({ type: KEY_EVENT_TYPE, data: { key: key.toString('base64') } }), {
          expectedRevision: NO_STREAM,
          deadline: DEADLINE_MS,
        }),
      );
    } catch (error) {
      if (error instanceof StreamDeletedError) throw new KeyShredded(participantId);
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // Another replica created it meanwhile (or shredded it since): theirs is the key.
      const theirs = await this.lookUp(participantId);
      if (theirs === SHREDDED) throw new KeyShredded(participantId);
      if (theirs === ABSENT) throw new Error(`The key stream of ${participantId} exists, yet holds no key`);
      return theirs;
    }
    this.cache.set(participantId, key);
    return key;
  }
}

function keyOf({ event }: ResolvedEvent): Buffer {
  const encoded = (event?.data as { key?: unknown } | undefined)?.key;
  if (event?.type !== KEY_EVENT_TYPE || typeof encoded !== 'string') throw new Error(`The stream ${event?.streamId} holds no key`);
  return Buffer.from(encoded, 'base64');
}
