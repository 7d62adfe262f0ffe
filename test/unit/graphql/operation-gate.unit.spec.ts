import { OperationGate, ServiceBusy } from '../../../src/graphql/hardening/operation-gate';

describe('operation gate (at most n operations at once, a short queue, then SERVICE_BUSY)', () => {
  it('lets n in at once, queues 2 × n in order, refuses the next at once', async () => {
    const gate = new OperationGate(2, 60_000);
    const running = [await gate.enter(), await gate.enter()];
    const order: number[] = [];
    const queued = [1, 2, 3, 4].map((i) => gate.enter().then((leave) => (order.push(i), leave)));
    await expect(gate.enter()).rejects.toBeInstanceOf(ServiceBusy);

    running[0]!();
    running[1]!();
    const [first, second] = await Promise.all(queued.slice(0, 2));
    expect(order).toEqual([1, 2]);
    first!();
    second!();
    const rest = await Promise.all(queued.slice(2));
    expect(order).toEqual([1, 2, 3, 4]);
    for (const leave of rest) leave();
    // Every slot was given back: n run at once again.
    await gate.enter();
    await gate.enter();
  });

  it('refuses an operation that waited longer than its wait, and gives its place to no one', async () => {
    const gate = new OperationGate(1, 10);
    const leave = await gate.enter();
    await expect(gate.enter()).rejects.toMatchObject({ name: 'ServiceBusy', retryAfterSeconds: 1 });
    leave();
    // Leaving twice frees one slot, not two.
    leave();
    const again = await gate.enter();
    await expect(gate.enter()).rejects.toBeInstanceOf(ServiceBusy);
    again();
  });
});
