import { AVAILABILITY_BY_ACTION, type CaseState, isAvailable } from '../../../web/src/commands/availability';
import { CASE_ACTIONS } from '../../../web/src/commands/case-actions';
import { coachingForm } from '../../../web/src/commands/coaching-form';
import { completeActivityForm } from '../../../web/src/commands/complete-activity-form';
import { exitForm } from '../../../web/src/commands/exit-form';
import { followUpForm } from '../../../web/src/commands/follow-up-form';
import type { CommandFormSpec } from '../../../web/src/commands/form-spec';
import { jobForm } from '../../../web/src/commands/job-form';
import { noteForm } from '../../../web/src/commands/note-form';
import { reEnrolForm } from '../../../web/src/commands/re-enrol-form';
import { referralForm } from '../../../web/src/commands/referral-form';
import { selfEmploymentForm } from '../../../web/src/commands/self-employment-form';
import { startActivityForm } from '../../../web/src/commands/start-activity-form';

const WHOLE_CASE = CASE_ACTIONS.filter((entry) => !entry.perMilestone).map((entry) => entry.action);
const offered = (state: CaseState) => WHOLE_CASE.filter((action) => isAvailable(action, state));

describe("the case file's links to the forms", () => {
  // The erasure's and personal details' forms are .tsx, which the service's typecheck of these tests does not compile.
  it("follow the forms' own rules", () => {
    const forms: [keyof typeof AVAILABILITY_BY_ACTION, CommandFormSpec][] = [
      ['re-enrol', reEnrolForm],
      ['coaching', coachingForm],
      ['start-activity', startActivityForm],
      ['complete-activity', completeActivityForm],
      ['referral', referralForm],
      ['job', jobForm],
      ['self-employment', selfEmploymentForm],
      ['exit', exitForm],
      ['follow-up', followUpForm],
      ['note', noteForm],
    ];
    for (const [action, spec] of forms) expect(spec.unavailable).toBe(AVAILABILITY_BY_ACTION[action]);
  });

  it('offer no re-enrolment or follow-up on an active case, nor completing an activity when none runs', () => {
    const links = offered({ status: 'ACTIVE', personalDataErased: false, activeActivities: [] });
    expect(links).toEqual(['coaching', 'start-activity', 'referral', 'job', 'self-employment', 'exit', 'note', 'personal-details', 'erase']);
    expect(offered({ status: 'ACTIVE', personalDataErased: false, activeActivities: ['TRAINING'] })).toContain('complete-activity');
  });

  it('offer only re-enrolment, follow-up and the personal data on an exited case, and none of the latter once erased', () => {
    expect(offered({ status: 'EXITED', personalDataErased: false, activeActivities: [] })).toEqual(['re-enrol', 'follow-up', 'note', 'personal-details', 'erase']);
    expect(offered({ status: 'EXITED', personalDataErased: true, activeActivities: [] })).toEqual(['re-enrol', 'follow-up']);
  });
});
