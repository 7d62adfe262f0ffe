import type { DashboardSettings } from './dashboards.bench';
import type { HttpSettings } from './http.bench';
import type { StoreSettings } from './store.bench';
import type { SubscriptionSettings } from './subscription.bench';

export interface BenchSize {
  name: string;
  store: StoreSettings;
  concurrentWriters: number;
  concurrentStore: StoreSettings;
  http: HttpSettings;
  /** Events of the replayed log (at least: it ends with a whole window of journeys). */
  replayEvents: number;
  /** The first events of that log copied into EventStoreDB for its replay rows (at least: whole appends). */
  esdbReplayEvents: number;
  /** Participants of the small and the large service. */
  smallParticipants: number;
  largeParticipants: number;
  /** Participants whose journeys are interleaved by date in the logs (fixtures.ts). */
  window: number;
  dashboards: DashboardSettings;
  subscription: SubscriptionSettings;
}

/** The speed targets of docs/operations.md. A full run takes about ten minutes on two cores. */
export const FULL: BenchSize = {
  name: 'full',
  store: { appends: 3_000, rounds: 3, streams: 100 },
  concurrentWriters: 32,
  concurrentStore: { appends: 3_200, rounds: 3, streams: 4 },
  http: { connections: 10, seconds: 5, rounds: 3, warmupSeconds: 2, participants: 1_000 },
  replayEvents: 1_000_000,
  // Copied in one append at a time, slower than replayed (about 800 events/s into the double here): a part keeps the run within minutes.
  esdbReplayEvents: 50_000,
  smallParticipants: 1_000,
  largeParticipants: 100_000,
  window: 2_000,
  dashboards: { queries: 200, rounds: 3, asOfQueries: 20, asOf: '2008-06-17', seriesQueries: 10 },
  subscription: { perSecond: 100, seconds: 15 },
};

/**
 * A national roll-out: a million participants' journeys (about 21 million events), the whole log
 * replayed into each projection. The fixtures alone take about twenty minutes here; the run, an hour or more.
 */
export const NATIONAL: BenchSize = {
  ...FULL,
  name: 'national',
  replayEvents: 20_000_000,
  largeParticipants: 1_000_000,
};

/** The same harness at a size for CI: checks that every figure is measured, not how fast. */
export const CI: BenchSize = {
  name: 'ci',
  store: { appends: 100, rounds: 1, streams: 10 },
  concurrentWriters: 32,
  concurrentStore: { appends: 64, rounds: 1, streams: 1 },
  http: { connections: 2, seconds: 1, rounds: 1, warmupSeconds: 0.2, participants: 10 },
  replayEvents: 2_000,
  // More than the replay log holds: all of it.
  esdbReplayEvents: 10_000,
  smallParticipants: 10,
  largeParticipants: 200,
  window: 50,
  dashboards: { queries: 5, rounds: 1, asOfQueries: 2, asOf: '2008-06-17', seriesQueries: 2 },
  subscription: { perSecond: 100, seconds: 0.5 },
};

export const SIZES: Record<string, BenchSize> = { full: FULL, national: NATIONAL, ci: CI };
