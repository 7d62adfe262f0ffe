import { RETRY_DELAYS_MS, retryDelay, sendWithRetry } from '../../../web/src/commands/retry-policy';

const failing = (code: string) => Object.assign(new Error(code), { code });
const codeOf = (error: unknown) => ({ code: (error as { code: string }).code });

describe("a command's retry policy", () => {
  it('retries only a failure to reach the service, a few times with longer waits', () => {
    expect(RETRY_DELAYS_MS.map((_, at) => retryDelay({ code: 'NETWORK_ERROR' }, at + 1))).toEqual([...RETRY_DELAYS_MS]);
    expect(retryDelay({ code: 'NETWORK_ERROR' }, RETRY_DELAYS_MS.length + 1)).toBeNull();
    for (const code of ['CONFLICT', 'RULE_VIOLATION', 'BAD_USER_INPUT', 'RATE_LIMITED', 'UNAUTHENTICATED']) expect(retryDelay({ code }, 1)).toBeNull();
  });

  it('sends the same command again after each wait, until an answer comes', async () => {
    const sent: number[] = [];
    const waits: number[] = [];
    const answer = await sendWithRetry(
      async () => {
        sent.push(sent.length + 1);
        if (sent.length < 3) throw failing('NETWORK_ERROR');
        return 'recorded';
      },
      codeOf,
      () => {},
      async (ms) => void waits.push(ms),
    );
    expect(answer).toBe('recorded');
    expect(sent).toEqual([1, 2, 3]);
    expect(waits).toEqual([RETRY_DELAYS_MS[0], RETRY_DELAYS_MS[1]]);
  });

  it('gives up with the last failure once the retries are spent, and at once on an answer of the service', async () => {
    let sends = 0;
    const attempts: number[] = [];
    await expect(
      sendWithRetry(
        async () => {
          sends++;
          throw failing('NETWORK_ERROR');
        },
        codeOf,
        (attempt) => void attempts.push(attempt),
        async () => {},
      ),
    ).rejects.toThrow('NETWORK_ERROR');
    expect(sends).toBe(RETRY_DELAYS_MS.length + 1);
    expect(attempts).toEqual([2, 3, 4]);
    let refused = 0;
    await expect(sendWithRetry(async () => (refused++, Promise.reject(failing('CONFLICT'))), codeOf, () => {}, async () => {})).rejects.toThrow('CONFLICT');
    expect(refused).toBe(1);
  });
});
