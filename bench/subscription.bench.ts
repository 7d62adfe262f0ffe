import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { bearer, gql } from './graphql';
import { ENROL, enrolment } from './http.bench';
import { quantile, sleep } from './stats';

export interface SubscriptionSettings {
  perSecond: number;
  seconds: number;
}

export interface PushLatency {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Changes measured: events committed, or ticks. */
  samples: number;
  /** Pushes received for them (a push may carry several events committed together). */
  pushes: number;
}

/** Wall-clock milliseconds, sub-millisecond; the service stamps events with the same clock (one machine). */
export const wallClock = (): number => performance.timeOrigin + performance.now();

interface Push {
  position: bigint;
  updatedAt: string;
  receivedAt: number;
}

const CITY = 'stockholm';
const PROGRAMME = 'stockholm-test-group';
const SUBSCRIPTION = `subscription ($city: String!) { dashboardUpdated(city: $city) { lastEventPosition updatedAt enrolled } }`;

/**
 * Commit-to-push latency of a city's live dashboard while enrolments into that city are recorded
 * at a steady rate over HTTP: for each event of the run, from its `recordedAt` (stamped just
 * before the append commits) to the arrival at a graphql-ws subscriber of the first push whose
 * `lastEventPosition` includes it.
 */
export async function benchServiceSubscription(url: string, databaseFile: string, settings: SubscriptionSettings): Promise<PushLatency> {
  const adviser = await bearer('adviser');
  const pushes: Push[] = [];
  const client = subscribe(url, await bearer('coordinator'), SUBSCRIPTION, { city: CITY }, (data: { dashboardUpdated: { lastEventPosition: string; updatedAt: string } }) => {
    pushes.push({ position: BigInt(data.dashboardUpdated.lastEventPosition), updatedAt: data.dashboardUpdated.updatedAt, receivedAt: wallClock() });
  });
  const enrol = () => gql(url, adviser, ENROL, { input: enrolment(randomUUID(), CITY, PROGRAMME) });
  try {
    // graphql-ws does not acknowledge a subscription: make changes until one is pushed.
    for (let i = 0; pushes.length === 0; i++) {
      if (i === 50) throw new Error('No dashboard push after 50 enrolments');
      await enrol();
      await sleep(100);
    }
    const from = pushes.at(-1)!.position;
    await paced(settings, enrol);
    const events = eventsAfter(databaseFile, from);
    const last = events.at(-1)!.position;
    for (let waited = 0; !(pushes.at(-1)!.position >= last); waited += 10) {
      if (waited > 10_000) throw new Error(`The push of position ${last} never came`);
      await sleep(10);
    }
    const latencies = events.map(({ position, recordedAt }) => {
      const push = pushes.find((p) => p.position >= position)!;
      return push.receivedAt - Date.parse(recordedAt);
    });
    return summary(latencies, pushes.filter((p) => p.position > from).length);
  } finally {
    await client.dispose();
  }
}

/**
 * The same on the bare server: a mutation that publishes a tick at once, stamped when published,
 * and a subscriber of the ticks. What graphql-ws, Apollo and Nest cost a push with nothing behind it.
 */
export async function benchBareSubscription(url: string, settings: SubscriptionSettings): Promise<PushLatency> {
  const authorization = await bearer('coordinator');
  const latencies = new Map<number, number>();
  const client = subscribe(url, authorization, 'subscription { ticked { sequence updatedAt } }', {}, (data: { ticked: { sequence: number; updatedAt: string } }) => {
    latencies.set(data.ticked.sequence, wallClock() - Date.parse(data.ticked.updatedAt));
  });
  const tick = async () => (await gql<{ tick: number }>(url, authorization, 'mutation { tick }')).tick;
  try {
    for (let i = 0; latencies.size === 0; i++) {
      if (i === 50) throw new Error('No tick pushed after 50 ticks');
      await tick();
      await sleep(100);
    }
    const first = Math.max(...latencies.keys());
    const sent = await paced(settings, tick);
    const last = Math.max(...sent);
    for (let waited = 0; !latencies.has(last); waited += 10) {
      if (waited > 10_000) throw new Error(`Tick ${last} was never pushed`);
      await sleep(10);
    }
    const measured = [...latencies.entries()].filter(([sequence]) => sequence > first).map(([, ms]) => ms);
    return summary(measured, measured.length);
  } finally {
    await client.dispose();
  }
}

/** Sends `perSecond` requests a second for `seconds`, each on its own schedule (not waiting for the previous). */
export async function paced<T>({ perSecond, seconds }: SubscriptionSettings, send: () => Promise<T>): Promise<T[]> {
  const count = Math.max(1, Math.round(perSecond * seconds));
  const interval = 1_000 / perSecond;
  const started = performance.now();
  const sent: Promise<T>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    sent.push(send());
  }
  return Promise.all(sent);
}

export function summary(latencies: number[], pushes: number): PushLatency {
  return {
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    maxMs: Math.max(...latencies),
    samples: latencies.length,
    pushes,
  };
}

export function eventsAfter(file: string, after: bigint): { position: bigint; recordedAt: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare<[bigint], { position: bigint; metadata: string }>('SELECT global_position AS position, metadata FROM events WHERE global_position > ? ORDER BY 1')
      .safeIntegers()
      .all(after);
    return rows.map((r) => ({ position: r.position, recordedAt: (JSON.parse(r.metadata) as { recordedAt: string }).recordedAt }));
  } finally {
    db.close();
  }
}

export function subscribe<T>(httpUrl: string, authorization: string, query: string, variables: Record<string, unknown>, next: (data: T) => void): Client {
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  client.subscribe<T>(
    { query, variables },
    {
      next: (message) => {
        if (message.data) next(message.data as T);
      },
      error: (error) => console.error('Subscription failed:', error),
      complete: () => undefined,
    },
  );
  return client;
}
