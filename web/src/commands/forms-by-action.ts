import type { CaseAction } from './case-actions';
import type { CommandFormProps } from './command-form';
import { formOf } from './command-form';
import { coachingForm } from './coaching-form';
import { completeActivityForm } from './complete-activity-form';
import { exitForm } from './exit-form';
import { followUpForm } from './follow-up-form';
import { jobForm } from './job-form';
import { reEnrolForm } from './re-enrol-form';
import { referralForm } from './referral-form';
import { selfEmploymentForm } from './self-employment-form';
import { startActivityForm } from './start-activity-form';
// h-amend's imports (correct, void, note, personal-details, erase) go on the next lines.
import { correctForm } from './correct-form';
import { voidForm } from './void-form';
import { noteForm } from './note-form';
import { PersonalDetailsPage } from './personal-details-page';
import { EraseForm } from './erase-form';
import { perMilestoneForm } from './per-milestone-form';

/** The form of each case action (`/cases/:id/:action`); an action without one is not found. */
export const FORMS_BY_ACTION: Partial<Record<CaseAction, (props: CommandFormProps) => preact.JSX.Element>> = {
  're-enrol': formOf(reEnrolForm, 're-enrol'),
  coaching: formOf(coachingForm, 'coaching'),
  'start-activity': formOf(startActivityForm, 'start-activity'),
  'complete-activity': formOf(completeActivityForm, 'complete-activity'),
  referral: formOf(referralForm, 'referral'),
  job: formOf(jobForm, 'job'),
  'self-employment': formOf(selfEmploymentForm, 'self-employment'),
  exit: formOf(exitForm, 'exit'),
  'follow-up': formOf(followUpForm, 'follow-up'),
  // h-amend: correct
  correct: perMilestoneForm(correctForm, 'correct'),
  // h-amend: void
  void: perMilestoneForm(voidForm, 'void'),
  // h-amend: note
  note: formOf(noteForm, 'note'),
  // h-amend: personal-details
  'personal-details': PersonalDetailsPage,
  // h-amend: erase
  erase: EraseForm,
};
