import { useMemo } from 'preact/hooks';
import { ErrorMessage } from '../common/error-message';
import { sequenceOf } from './amendable';
import { CommandForm, type CommandFormProps } from './command-form';
import type { CommandFormSpec } from './form-spec';
import { notFound } from './not-found';

/**
 * The form component of an action about one milestone (`/cases/:id/correct?sequence=3`): its
 * spec made for that milestone, its draft named by both (`correct-3`); not found without one.
 */
export const perMilestoneForm = (specOf: (sequence: number) => CommandFormSpec, action: string) =>
  function PerMilestoneForm(props: CommandFormProps) {
    const sequence = sequenceOf(location.search);
    const spec = useMemo(() => (sequence === null ? null : specOf(sequence)), [sequence]);
    if (spec === null) return <ErrorMessage error={notFound()} />;
    return <CommandForm key={sequence} {...props} spec={spec} draftName={`${action}-${sequence}`} />;
  };
