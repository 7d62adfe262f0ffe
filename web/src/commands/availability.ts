import type { MessageKey } from '../i18n/messages/en';
import type { FormContext } from './form-spec';

/** A step of the spell needs a participant still in the programme (NOT_ACTIVE). */
export const whileActive = ({ caseFile }: FormContext): MessageKey | null => (caseFile?.status === 'EXITED' ? 'form.unavailable.exited' : null);

/** A note or personal details need personal data that can still be recorded (ERASED). */
export const whileNotErased = ({ caseFile }: FormContext): MessageKey | null => (caseFile?.personalDataErased ? 'rule.ERASED' : null);

/** A re-enrolment or follow-up needs a participant who has left (NOT_EXITED, FOLLOW_UP_BEFORE_EXIT). */
export const afterExit = ({ caseFile }: FormContext): MessageKey | null => (caseFile?.status === 'ACTIVE' ? 'form.unavailable.active' : null);
