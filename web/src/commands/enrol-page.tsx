import type { PageProps } from '../app/pages';
import { CommandForm } from './command-form';
import { enrolForm } from './enrol-form';

/** `/cases/new`: the enrolment of a participant in the adviser's city. */
export function EnrolPage({ session }: PageProps) {
  return <CommandForm session={session} caseId={null} spec={enrolForm} draftName="enrol" />;
}
