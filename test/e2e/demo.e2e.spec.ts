import { postGraphQL } from '../support/graphql-client';
import { startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';
import { bearer } from '../support/tokens';

const DASHBOARDS = '{ dashboards { city enrolled exited positiveExitRate positiveExitTarget medianDaysToOutcome } }';
const PARIS_RMI_PATHS = '{ lifePaths(filter: { programme: "paris-rmi" }) { totalCount releasedAsOf } }';

describe('npm run demo (e2e, the built demo as a child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('serves every city with a realistic run of the programme, and reuses it on a second start', async () => {
    const env = { EVENT_STORE_URL: `sqlite:${tmp.file('demo.db')}` };
    const auth = { authorization: await bearer('coordinator', '*') };
    const first = await startServiceProcess(env, 'cli/demo.js');
    let figures: unknown;
    try {
      const { data, errors } = await postGraphQL(first.url, DASHBOARDS, {}, auth);
      expect(errors).toBeUndefined();
      expect(data!.dashboards.map((d: { city: string }) => d.city)).toEqual(['paris', 'frankfurt', 'stockholm']);
      for (const d of data!.dashboards) {
        expect(d.enrolled).toBeGreaterThan(50);
        expect(d.exited).toBeGreaterThan(0);
        // Near the 60% target, but not on it.
        expect(d.positiveExitRate).toBeGreaterThan(0.5);
        expect(d.positiveExitRate).toBeLessThan(0.7);
        expect(d.positiveExitRate).not.toBe(d.positiveExitTarget);
        expect(d.medianDaysToOutcome).toBeGreaterThan(0);
      }
      figures = data!.dashboards;
      // Recorded as when the programme ended, the run is in this month's release of life paths already.
      const paths = await postGraphQL(first.url, PARIS_RMI_PATHS, {}, { authorization: await bearer('researcher') });
      expect(paths.errors).toBeUndefined();
      expect(paths.data!.lifePaths.totalCount).toBeGreaterThanOrEqual(5);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }

    const second = await startServiceProcess(env, 'cli/demo.js');
    try {
      const { data } = await postGraphQL(second.url, DASHBOARDS, {}, auth);
      expect(data!.dashboards).toEqual(figures);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);
});
