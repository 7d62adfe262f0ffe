import type { CaseAction } from './case-actions';
import { coachingForm } from './coaching-form';
import { completeActivityForm } from './complete-activity-form';
import { correctForm } from './correct-form';
import { eraseForm } from './erase-form';
import { exitForm } from './exit-form';
import { followUpForm } from './follow-up-form';
import type { CommandFormSpec } from './form-spec';
import { jobForm } from './job-form';
import { noteForm } from './note-form';
import { personalDetailsForm } from './personal-details-form';
import { reEnrolForm } from './re-enrol-form';
import { referralForm } from './referral-form';
import { selfEmploymentForm } from './self-employment-form';
import { startActivityForm } from './start-activity-form';
import { voidForm } from './void-form';

/** The spec of a form about one milestone (`/cases/:id/correct?sequence=3`), made for that milestone. */
type PerMilestoneSpec = (sequence: number) => CommandFormSpec;

/** The form of each case action (`/cases/:id/:action`); an action without one is not found. */
export const FORMS_BY_ACTION: Partial<Record<CaseAction, CommandFormSpec | PerMilestoneSpec>> = {
  're-enrol': reEnrolForm,
  coaching: coachingForm,
  'start-activity': startActivityForm,
  'complete-activity': completeActivityForm,
  referral: referralForm,
  job: jobForm,
  'self-employment': selfEmploymentForm,
  exit: exitForm,
  'follow-up': followUpForm,
  correct: correctForm,
  void: voidForm,
  note: noteForm,
  'personal-details': personalDetailsForm,
  erase: eraseForm,
};
