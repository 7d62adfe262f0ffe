import { type EsdbUnderTest, startEsdbUnderTest } from './esdb-under-test';
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
  const replicas = await Promise.all(
    Array.from({ length: count }, async (_, index): Promise<Replica> => {
      const name = `replica-${index + 1}`;
      const readModelFile = folder.file(`${name}.db`);
      const process = await startServiceProcess({ EVENT_STORE_URL: eventStoreUrl, READ_MODEL_PATH: readModelFile, ...env });
      return {
        name,
        process,
        readModelFile,
        url: process.url,
        gql: (query, variables, authorization = asDefault) => postGraphQL(process.url, query, variables, { authorization }),
      };
    }),
  );
  return {
    replicas,
    stop: async () => {
      for (const { process } of replicas) process.child.kill('SIGTERM');
      await Promise.all(replicas.map(({ process }) => process.exited));
      folder.remove();
    },
  };
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
  });
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
