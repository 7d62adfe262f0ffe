import { stopMidBurst } from '../support/stop-mid-burst';
import { tempDir } from '../support/temp-files';

describe('durability: every acknowledged mutation survives kill -9 (e2e, the built service as a child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('finds after a restart every mutation acknowledged before SIGKILL', async () => {
    const { exit, acknowledged } = await stopMidBurst(tmp.file('journeys.db'), 'SIGKILL');
    expect(exit).toBe('SIGKILL');
    expect(acknowledged).toBeGreaterThanOrEqual(40);
  });
});

describe('graceful shutdown: SIGTERM during a burst of mutations (e2e, the built service as a child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('finishes what it acknowledged, stores every acknowledged mutation and exits 0', async () => {
    const { exit, acknowledged } = await stopMidBurst(tmp.file('journeys.db'), 'SIGTERM');
    expect(exit).toBe(0);
    expect(acknowledged).toBeGreaterThanOrEqual(40);
  });
});
