import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '../../support/eventually';
import { enrolmentInput, mutation, PARTICIPANT_QUERY } from '../../support/journey-api';
import { type Replica, startReplicas, twoReplicasForTests } from '../../support/replicas';
import { subscribe } from '../../support/subscription-client';
import { bearer } from '../../support/tokens';

const DASHBOARD = `query { cityDashboard(city: "paris") { enrolled exited } }`;
const DASHBOARD_UPDATES = `subscription { dashboardUpdated(city: "paris") { enrolled exited } }`;

type Pushed = { data: { dashboardUpdated: { enrolled: number; exited: number } } };

describe('two replicas of the built service sharing one EventStoreDB (the protocol double; a real server with EVENTSTORE_TEST_URL)', () => {
  const cluster = twoReplicasForTests();

  async function enrolOn(replica: Replica): Promise<string> {
    const input = enrolmentInput();
    const enrolled = await replica.gql(mutation('enrolParticipant'), { input });
    expect(enrolled.errors).toBeUndefined();
    return input.participantId as string;
  }

  async function caseOn(replica: Replica, participantId: string): Promise<Record<string, any> | null> {
    const found = await replica.gql(PARTICIPANT_QUERY, { id: participantId });
    expect(found.errors).toBeUndefined();
    return found.data!.participant;
  }

  async function parisOn(replica: Replica): Promise<{ enrolled: number; exited: number }> {
    const answer = await replica.gql(DASHBOARD, {}, await bearer('coordinator', 'paris'));
    expect(answer.errors).toBeUndefined();
    return answer.data!.cityDashboard;
  }

  it("shows a mutation on one replica in the other's case file and dashboard once caught up", async () => {
    const { first, second } = cluster;
    const before = await parisOn(second);
    const participantId = await enrolOn(first);
    const onFirst = await caseOn(first, participantId);

    let onSecond: Record<string, any> | null = null;
    await eventually('the second replica has the case', async () => (onSecond = await caseOn(second, participantId)) !== null);
    expect(onSecond).toEqual(onFirst);
    await eventually('the second replica counts the enrolment', async () => (await parisOn(second)).enrolled === before.enrolled + 1);

    const exit = await second.gql(mutation('recordExit'), { input: { participantId, occurredOn: '2007-09-03', reason: 'DROPPED_OUT' } });
    expect(exit.errors).toBeUndefined();
    await eventually('the first replica has the exit', async () => (await caseOn(first, participantId))!.version === 2);
    expect(await caseOn(first, participantId)).toEqual(exit.data!.recordExit);
  });

  it('lists case files by their latest change alike on both replicas, ordered by the log positions each folded', async () => {
    const { first, second } = cluster;
    const RECENT = `query { participants(city: "paris", orderBy: RECENTLY_CHANGED, first: 2) { edges { node { id } } } }`;
    const recentOn = async (replica: Replica) => ((await replica.gql(RECENT)).data!.participants.edges as { node: { id: string } }[]).map((e) => e.node.id);
    const changed = await enrolOn(first);
    const enrolled = await enrolOn(second);
    const coaching = { participantId: changed, occurredOn: '2007-03-20', mode: 'GROUP', durationMinutes: 90 };
    expect((await second.gql(mutation('recordCoachingSession'), { input: coaching })).errors).toBeUndefined();
    expect(await recentOn(second)).toEqual([changed, enrolled]);
    await eventually('the first replica lists the coaching session first', async () => (await recentOn(first))[0] === changed);
    expect(await recentOn(first)).toEqual([changed, enrolled]);
  });

  it("pushes one replica's mutations to the other's subscribers", async () => {
    const { first, second } = cluster;
    const updates = subscribe<Pushed>(second.url, DASHBOARD_UPDATES, {}, { authorization: await bearer('coordinator', 'paris') });
    try {
      // graphql-ws does not acknowledge a subscription: enrol until the second replica pushes one.
      let pushed: Pushed | null = null;
      for (let attempt = 0; pushed === null && attempt < 20; attempt += 1) {
        await enrolOn(first);
        pushed = await updates.nextWithin(500);
      }
      const expected = (await parisOn(first)).enrolled + 1;
      await enrolOn(first);
      while (pushed !== null && pushed.data.dashboardUpdated.enrolled < expected) pushed = await updates.nextWithin(10_000);
      expect(pushed?.data.dashboardUpdated.enrolled).toBe(expected);
    } finally {
      await updates.close();
    }
  });

  it('lets exactly one of concurrent commands with one expected version win across the replicas; the others get CONFLICT', async () => {
    const { first, second } = cluster;
    const participantId = await enrolOn(first);
    await eventually('the second replica has the case', async () => (await caseOn(second, participantId)) !== null);

    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, attempt) =>
        (attempt % 2 === 0 ? first : second).gql(mutation('recordCoachingSession'), {
          input: { participantId, occurredOn: '2007-04-02', mode: 'INDIVIDUAL', durationMinutes: 30 + attempt, expectedVersion: 1, commandId: randomUUID() },
        }),
      ),
    );

    const won = attempts.filter((answer) => answer.errors === undefined);
    expect(won).toHaveLength(1);
    for (const lost of attempts.filter((answer) => answer.errors !== undefined)) {
      expect(lost.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    }
    for (const replica of [first, second]) {
      await eventually(`${replica.name} has the one coaching session`, async () => (await caseOn(replica, participantId))!.version === 2);
      expect((await caseOn(replica, participantId))!.timeline).toHaveLength(2);
    }
  });

  it("rebuilds one replica's read models from the cluster's log with projections:rebuild, while it serves", async () => {
    const { first, second } = cluster;
    const participantId = await enrolOn(second);
    await eventually('the first replica has the case', async () => (await caseOn(first, participantId)) !== null);
    const before = { case: await caseOn(first, participantId), paris: await parisOn(first) };
    // A row lost from this replica's read models, which only a rebuild from the cluster's log brings back.
    const readModels = new Database(first.readModelFile);
    readModels.prepare('DELETE FROM case_timelines WHERE case_id IN (SELECT case_id FROM case_files WHERE participant_id = ?)').run(participantId);
    readModels.prepare('DELETE FROM case_files WHERE participant_id = ?').run(participantId);
    readModels.close();
    expect(await caseOn(first, participantId)).toBeNull();

    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, '../../../dist/cli/rebuild-projections.js')], {
      env: { ...process.env, NODE_ENV: 'test', EVENT_STORE_URL: cluster.esdb.url, READ_MODEL_PATH: first.readModelFile },
    });

    expect(stdout).toMatch(/case-files/);
    expect(await caseOn(first, participantId)).toEqual(before.case);
    expect(await parisOn(first)).toEqual(before.paris);
  });

  it("builds a new replica's read models from the whole log at its first start, and says ready only once they hold it", async () => {
    const { first } = cluster;
    const enrolled = [await enrolOn(first), await enrolOn(first), await enrolOn(first)];
    const paris = await parisOn(first);

    // Returns once the new replica says it is ready.
    const late = await startReplicas(cluster.esdb.url, 1);
    try {
      const [replica] = late.replicas as [Replica];
      for (const participantId of enrolled) expect(await caseOn(replica, participantId)).toEqual(await caseOn(first, participantId));
      expect(await parisOn(replica)).toEqual(paris);
    } finally {
      await late.stop();
    }
  }, 90_000);
});
