import { scheduleRenewal } from '../../../web/src/auth/renewal';

describe("the web app's renewal of its access token (fake timers)", () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-11-27T09:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it.each([
    ['a minute before a long-lived token expires', 3_600_000, 3_540_000],
    ['a short-lived token at three quarters of its life', 40_000, 30_000],
  ])('renews %s', (_, lifetimeMs, renewAfterMs) => {
    const renew = jest.fn();
    scheduleRenewal(Date.now() + lifetimeMs, renew);
    jest.advanceTimersByTime(renewAfterMs - 1);
    expect(renew).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('renews an expired token at once', () => {
    const renew = jest.fn();
    scheduleRenewal(Date.now() - 5_000, renew);
    jest.advanceTimersByTime(0);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('does not renew once cancelled (signed out, or renewed meanwhile)', () => {
    const renew = jest.fn();
    const cancel = scheduleRenewal(Date.now() + 3_600_000, renew);
    cancel();
    jest.advanceTimersByTime(3_600_000);
    expect(renew).not.toHaveBeenCalled();
  });
});
