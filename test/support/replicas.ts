import { type EsdbUnderTest, startEsdbUnderTest } from './esdb-under-test';
import { eventually } from './eventually';
import { type GraphQLResponse, postGraphQL } from './graphql-client';
import { type ServiceProcess, startServiceProcess } from './service-process';
import { tempDir } from './temp-files';
import { defaultBearer } from './tokens';

/** One replica of the built service, as a load balancer would reach it. */
export interface Replica {
  name: string;
  process: ServiceProcess;
  /** Its READ_MODEL_PATH. */
  readModelFile: string;
  /** Its GraphQL endpoint. */
  url: string;
  /** A request as the default caller (an adviser of every city), or as the caller of `authorization`. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, authorization?: string): Promise<GraphQLResponse<T>>;
}

export interface Replicas {
  replicas: Replica[];
  stop(): Promise<void>;
}

/**
 * `count` processes of the built service on one EventStoreDB, each with a read-model file of its
 * own in a temporary folder, as compose.cluster.yaml runs them.
 */
export async function startReplicas(eventStoreUrl: string, count: number, env: Record<string, string> = {}): Promise<Replicas> {
  const folder = tempDir('journey-replicas-');
  const asDefault = await defaultBearer();
  const started = await Promise.allSettled(
    Array.from({ length: count }, async (_, index): Promise<Replica> => {
      const name = `replica-${index + 1}`;
      const readModelFile = folder.file(`${name}.db`);
      // Ready only once caught up with the whole log: a server of EVENTSTORE_TEST_URL may hold much.
      const process = await startServiceProcess({ EVENT_STORE_URL: eventStoreUrl, READ_MODEL_PATH: readModelFile, READINESS_MAX_LAG: '0', ...env });
      return {
        name,
        process,
        readModelFile,
        url: process.url,
        gql: (query, variables, authorization = asDefault) => postGraphQL(process.url, query, variables, { authorization }),
      };
    }),
  );
  const replicas = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const stop = async () => {
    await Promise.all(replicas.map(({ process }) => stopProcess(process)));
    folder.remove();
  };
  const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  await Promise.all(replicas.map((replica) => eventually(`${replica.name} is ready`, async () => (await readiness(replica)) === 200, 60_000)));
  return { replicas, stop };
}

/** The status of the replica's `/health/ready`. */
export async function readiness(replica: Replica): Promise<number> {
  return (await fetch(replica.url.replace(/\/graphql$/, '/health/ready'))).status;
}

/** SIGTERM, as an orchestrator stops it; SIGKILL if it has not exited within its drain time and more. */
async function stopProcess(process: ServiceProcess): Promise<void> {
  process.child.kill('SIGTERM');
  const timer = setTimeout(() => process.child.kill('SIGKILL'), 30_000);
  await process.exited;
  clearTimeout(timer);
}

/** Two replicas and the EventStoreDB they share, for a test file. */
export interface TwoReplicas {
  readonly esdb: EsdbUnderTest;
  readonly first: Replica;
  readonly second: Replica;
}

/**
 * Declares, inside a `describe`, two replicas on the EventStoreDB under test (the protocol double,
 * or EVENTSTORE_TEST_URL's server): started in `beforeAll`, stopped in `afterAll`.
 */
export function twoReplicasForTests(): TwoReplicas {
  let esdb: EsdbUnderTest | undefined;
  let cluster: Replicas | undefined;
  beforeAll(async () => {
    esdb = await startEsdbUnderTest();
    cluster = await startReplicas(esdb.url, 2);
  }, 90_000);
  afterAll(async () => {
    await cluster?.stop();
    await esdb?.stop();
  });
  const started = (): Replicas => {
    if (!cluster) throw new Error('The replicas start in beforeAll: use them inside a test or hook');
    return cluster;
  };
  return {
    get esdb() {
      return started() && esdb!;
    },
    get first() {
      return started().replicas[0]!;
    },
    get second() {
      return started().replicas[1]!;
    },
  };
}
