import { useMemo } from 'preact/hooks';
import type { PageProps } from '../app/pages';
import { useSearch } from '../app/router';
import { ErrorMessage } from '../common/error-message';
import { sequenceOf } from './amendable';
import type { CaseAction } from './case-actions';
import { CommandForm } from './command-form';
import { FORMS_BY_ACTION } from './forms-by-action';
import { notFound } from './not-found';

/**
 * `/cases/:id/:action`: the form of the action for the case, its draft named by the action; a form
 * about one milestone (`?sequence=3`) is made for it, its draft named by both (`correct-3`). An
 * action with no form, or a milestone's form without a sequence, is not found.
 */
export function CommandPage({ session, params }: PageProps) {
  const action = params.action!;
  const entry = Object.hasOwn(FORMS_BY_ACTION, action) ? FORMS_BY_ACTION[action as CaseAction] : undefined;
  const search = useSearch();
  const sequence = typeof entry === 'function' ? sequenceOf(search) : null;
  const spec = useMemo(() => (typeof entry === 'function' ? (sequence === null ? undefined : entry(sequence)) : entry), [entry, sequence]);
  if (!spec) return <ErrorMessage error={notFound()} />;
  const draftName = sequence === null ? action : `${action}-${sequence}`;
  // A new form for another case, action or milestone: its own draft, its own state.
  return <CommandForm key={`${params.id}/${draftName}`} session={session} caseId={params.id!} spec={spec} draftName={draftName} />;
}
