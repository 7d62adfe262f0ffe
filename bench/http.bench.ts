import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { bearer, gql } from './graphql';
import { inParallel, median } from './stats';

export interface HttpSettings {
  connections: number;
  /** Length of each measured round, per server. */
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  /** Participants enrolled beforehand, whom the recorded sessions go to in turn. */
  participants: number;
}

export interface LoadFigures {
  /** Median over rounds of requests answered per second. */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  rounds: { perSecond: number; p50Ms: number; p99Ms: number; requests: number }[];
}

export interface HttpFigures {
  service: LoadFigures;
  /** The service answering a query that reads nothing: its request pipeline alone. */
  pipeline: LoadFigures;
  /** The bare app on the service's adapter, Fastify. */
  bare: LoadFigures;
  /** The same bare app on Nest's Express adapter, which the service ran on before. */
  bareExpress: LoadFigures;
}

export const SESSION = {
  occurredOn: '2008-03-17',
  mode: 'INDIVIDUAL',
  durationMinutes: 60,
  note: 'Went through two openings at insurers in La Défense; will call back after the interviews.',
};

export const RECORD = 'mutation ($input: RecordCoachingSessionInput!) { recordCoachingSession(input: $input) { id version } }';
const NOTHING = 'mutation ($input: NothingInput!) { recordNothing(input: $input) { id version } }';
/** Through the service's whole pipeline (token, guard, hardening, metrics, request log) to a resolver that only reads the catalogue. */
const PIPELINE = JSON.stringify({ query: '{ cities { code } }' });

export const ENROL = 'mutation ($input: EnrolParticipantInput!) { enrolParticipant(input: $input) { id version } }';

/** An enrolment as an adviser records it; the participant id is chosen by the client. */
export const enrolment = (participantId: string, city = 'paris', programme = 'paris-gatp', enrolledOn = '2008-01-07') => ({
  participantId,
  city,
  programme,
  enrolledOn,
  birthYear: 1953,
  gender: 'FEMALE',
  educationLevel: 'ISCED_5_8',
  positionLevel: 'SENIOR_MANAGER',
  lastSector: 'K',
  unemployedSince: '2007-09-01',
  incomeSupport: 'UNEMPLOYMENT_INSURANCE',
  personal: { fullName: 'Hélène Marchetti-Duval', email: 'helene.marchetti@example.org', phone: '+33 1 45 67 89 10' },
  note: 'Former head of treasury at a regional bank; wants a time-share position.',
});

/**
 * A coaching session recorded over HTTP (the whole path: token, guard, validation, command bus,
 * load and decide, sealed append, read-your-writes wait) against the bare server's mutation that
 * takes the same input and does nothing, on the service's adapter (Fastify), and on Express beside
 * it; autocannon on loopback, in rotating rounds. The service's pipeline alone, answering a query
 * that reads nothing, tells what the recording itself costs.
 */
export async function benchHttp(urls: { service: string; bare: string; bareExpress: string }, settings: HttpSettings): Promise<HttpFigures> {
  const serviceUrl = urls.service;
  const authorization = await bearer('adviser');
  const participants = Array.from({ length: settings.participants }, () => randomUUID());
  await inParallel(participants, 8, async (id) => {
    await gql(serviceUrl, authorization, ENROL, { input: enrolment(id) });
  });
  let next = 0;
  const service = () => {
    const participantId = participants[next++ % participants.length];
    return JSON.stringify({ query: RECORD, variables: { input: { participantId, ...SESSION } } });
  };
  const bare = () => {
    const participantId = participants[next++ % participants.length];
    return JSON.stringify({ query: NOTHING, variables: { input: { participantId, ...SESSION } } });
  };
  const loads = {
    service: { url: serviceUrl, body: service },
    pipeline: { url: serviceUrl, body: () => PIPELINE },
    bare: { url: urls.bare, body: bare },
    bareExpress: { url: urls.bareExpress, body: bare },
  };
  const order = ['bare', 'service', 'pipeline', 'bareExpress'] as const;
  const runs = { service: [] as LoadFigures['rounds'], pipeline: [] as LoadFigures['rounds'], bare: [] as LoadFigures['rounds'], bareExpress: [] as LoadFigures['rounds'] };
  for (const which of order) await load(loads[which].url, authorization, loads[which].body, settings.connections, settings.warmupSeconds);
  for (let round = 0; round < settings.rounds; round++) {
    // Each load goes first in turn, so that none always runs on the hottest or coldest machine.
    for (let i = 0; i < order.length; i++) {
      const which = order[(round + i) % order.length];
      runs[which].push(await load(loads[which].url, authorization, loads[which].body, settings.connections, settings.seconds));
    }
  }
  return { service: summary(runs.service), pipeline: summary(runs.pipeline), bare: summary(runs.bare), bareExpress: summary(runs.bareExpress) };
}

function summary(rounds: LoadFigures['rounds']): LoadFigures {
  return {
    perSecond: median(rounds.map((r) => r.perSecond)),
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    rounds,
  };
}

/** One autocannon run; throws if any answer was not a GraphQL success. */
export async function load(url: string, authorization: string, body: () => string, connections: number, seconds: number): Promise<LoadFigures['rounds'][number]> {
  let failures = 0;
  let firstFailure = '';
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: body() }),
        onResponse: (status, text) => {
          if (status === 200 && !text.includes('"errors"')) return;
          failures += 1;
          firstFailure ||= `${status} ${text.slice(0, 300)}`;
        },
      },
    ],
  });
  if (failures > 0 || result.errors > 0 || result.non2xx > 0) {
    throw new Error(`Load on ${url} failed: ${failures} bad answers, ${result.errors} errors, ${result.non2xx} non-2xx; first: ${firstFailure}`);
  }
  const answered = result['2xx'];
  return { perSecond: answered / result.duration, p50Ms: result.latency.p50, p99Ms: result.latency.p99, requests: answered };
}
