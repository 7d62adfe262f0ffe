import type { PageProps } from '../app/pages';
import { ErrorMessage } from '../common/error-message';
import type { CaseAction } from './case-actions';
import { FORMS_BY_ACTION } from './forms-by-action';
import { notFound } from './not-found';

/** `/cases/:id/:action`: the form of the action for the case; an action with no form is not found. */
export function CommandPage({ session, params }: PageProps) {
  const Form = Object.hasOwn(FORMS_BY_ACTION, params.action!) ? FORMS_BY_ACTION[params.action as CaseAction] : undefined;
  if (!Form) return <ErrorMessage error={notFound()} />;
  // A new form for another case or action: its own draft, its own state.
  return <Form key={`${params.id}/${params.action}`} session={session} caseId={params.id!} />;
}
