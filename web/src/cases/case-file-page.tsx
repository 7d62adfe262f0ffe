import { CASE_FILE } from '../api/case-documents';
import type { CaseFile } from '../api/case-types';
import { query } from '../api/client';
import type { PageProps } from '../app/pages';
import { AppLink } from '../common/app-link';
import { useCatalogue } from '../common/catalogue';
import { ErrorMessage } from '../common/error-message';
import { useAsync } from '../common/use-async';
import { notFound } from '../commands/not-found';
import { useTranslator } from '../i18n/i18n';
import { CaseActionLinks } from './case-action-links';
import { CaseNotes } from './case-notes';
import { CaseOverview, CaseProfile } from './case-overview';
import { CaseTimeline } from './case-timeline';
import { lastListPath } from './last-list';
import { PersonalDetailsSection } from './personal-details-section';
import './cases.css';

/** A case file, without its personal details; a case the service does not show this adviser (unknown, or another city's) is NOT_FOUND. */
async function caseFileOf(id: string): Promise<CaseFile> {
  const { participant } = await query<{ participant: CaseFile | null }>(CASE_FILE, { id });
  // The service answers another city's case as an unknown one, so as not to tell that it exists.
  if (!participant) throw notFound();
  return participant;
}

/**
 * A case file (`/cases/:id`), with a way back to the list it was opened from: its overview, personal details on request only, profile, the forms
 * that record on it, the timeline with its corrections and voids, and its notes.
 */
export function CaseFilePage({ params }: PageProps) {
  const { t } = useTranslator();
  const cities = useCatalogue().value;
  const file = useAsync(() => caseFileOf(params.id), [params.id]);
  const caseFile = file.value;
  return (
    <article aria-labelledby="case-title" class="case-file">
      <p>
        <AppLink href={lastListPath()}>{t('caseFile.back')}</AppLink>
      </p>
      <h1 id="case-title">{caseFile ? t('caseFile.title', { reference: caseFile.reference }) : t('caseFile.heading')}</h1>
      {file.error !== undefined && <ErrorMessage error={file.error} />}
      {!caseFile && file.error === undefined && <p>{t('app.loading')}</p>}
      {caseFile && (
        <>
          <CaseOverview caseFile={caseFile} cities={cities} />
          <PersonalDetailsSection caseFile={caseFile} />
          <CaseProfile profile={caseFile.profile} />
          <CaseActionLinks caseFile={caseFile} />
          <CaseTimeline caseFile={caseFile} cities={cities} />
          <CaseNotes notes={caseFile.notes} />
        </>
      )}
    </article>
  );
}
