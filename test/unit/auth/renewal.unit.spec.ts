import { scheduleRenewal } from '../../../web/src/auth/renewal';

describe("the web app's renewal of its access token (fake timers)", () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-11-27T09:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('renews a minute before a long-lived token expires', () => {
    const renew = jest.fn();
    scheduleRenewal(Date.now() + 3_600_000, renew);
    jest.advanceTimersByTime(3_540_000 - 1);
    expect(renew).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('renews a short-lived token at three quarters of its life', () => {
    const renew = jest.fn();
    scheduleRenewal(Date.now() + 40_000, renew);
    jest.advanceTimersByTime(30_000 - 1);
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
