import { CatchUpTurns } from '../../../src/projections/catch-up-turns';
import { holdEventLoop } from '../../support/event-loop-turns';

describe('CatchUpTurns', () => {
  it('given three loops asking in the same turn, when each holds the event loop in its turn, then a timer due meanwhile runs between every two of them', async () => {
    const turns = new CatchUpTurns();
    const order: string[] = [];
    // Stands for a request: a callback of the event loop's own phases, due as soon as a turn ends.
    const timer = setInterval(() => order.push('timer'), 0);
    try {
      await Promise.all(
        ['a', 'b', 'c'].map(async (loop) => {
          for (let batch = 0; batch < 2; batch++) {
            await turns.next();
            order.push(loop);
            holdEventLoop(2);
          }
        }),
      );
    } finally {
      clearInterval(timer);
    }

    const loops = order.filter((entry) => entry !== 'timer');
    expect(loops).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    const firstLoop = order.indexOf('a');
    const between = order.slice(firstLoop).join(' ');
    expect(between).toBe('a timer b timer c timer a timer b timer c');
  });
});
