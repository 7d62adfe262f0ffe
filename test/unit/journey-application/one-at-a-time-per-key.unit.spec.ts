import { OneAtATimePerKey } from '../../../src/journey/application/one-at-a-time-per-key';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('OneAtATimePerKey', () => {
  it('runs tasks of one key one after another, in the order they came', async () => {
    const queue = new OneAtATimePerKey();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run('a', task('1')), queue.run('a', task('2')), queue.run('a', task('3'))]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('lets tasks of different keys overlap', async () => {
    const queue = new OneAtATimePerKey();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([queue.run('a', task('a')), queue.run('b', task('b'))]);
    expect(log.slice(0, 2)).toEqual(['start a', 'start b']);
  });

  it('goes on with the next task after one fails, and hands the failure to its caller', async () => {
    const queue = new OneAtATimePerKey();
    const failing = queue.run('a', async () => {
      throw new Error('refused');
    });
    const next = queue.run('a', async () => 'recorded');
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('recorded');
  });
});
