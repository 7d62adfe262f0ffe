import { lastMilestoneOn } from '../../../src/journey/case/last-milestone';
import type { MilestoneKind } from '../../../src/journey/domain/vocabulary';

const milestone = (kind: MilestoneKind, occurredOn: string, voided = false) => ({ kind, occurredOn, voided });

describe("a case's last milestone", () => {
  it('is the latest date, whatever order the milestones were recorded in', () => {
    const timeline = [milestone('ENROLLED', '2026-03-15'), milestone('COACHING_SESSION', '2026-08-01'), milestone('COACHING_SESSION', '2026-07-10')];
    expect(lastMilestoneOn(timeline, '2026-03-15')).toBe('2026-08-01');
  });

  it('leaves out a voided milestone, and an erasure, which the service dates the day it is asked for', () => {
    const timeline = [
      milestone('ENROLLED', '2026-05-10'),
      milestone('COACHING_SESSION', '2026-07-01'),
      milestone('COACHING_SESSION', '2026-08-20', true),
      milestone('PERSONAL_DATA_ERASED', '2026-09-10'),
    ];
    expect(lastMilestoneOn(timeline, '2026-05-10')).toBe('2026-07-01');
  });

  it('keeps the date known so far when the milestones added are earlier, or do not count', () => {
    expect(lastMilestoneOn([milestone('COACHING_SESSION', '2026-07-10')], '2026-08-01')).toBe('2026-08-01');
    expect(lastMilestoneOn([milestone('PERSONAL_DATA_ERASED', '2026-09-10')], '2026-08-01')).toBe('2026-08-01');
    expect(lastMilestoneOn([milestone('EXITED', '2026-08-02')], '2026-08-01')).toBe('2026-08-02');
  });
});
