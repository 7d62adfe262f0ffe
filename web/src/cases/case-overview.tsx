import type { CaseFile, ParticipantProfile } from '../api/case-types';
import type { City } from '../api/types';
import { programmeName } from '../common/catalogue-names';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';

/** A term and its value in a case file's lists of facts, the value's code kept for whoever reads the page by machine. */
function Fact({ term, code, children }: { term: string; code?: string | number | null; children: preact.ComponentChildren }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-code={code ?? undefined}>{children}</dd>
    </div>
  );
}

/** Where the case stands: reference, status and outcome, programme, the spell's dates, its exit and its active activities. */
export function CaseOverview({ caseFile, cities }: { caseFile: CaseFile; cities: City[] | undefined }) {
  const tr = useTranslator();
  const { t } = tr;
  const none = (key: MessageKey) => <span class="muted">{t(key)}</span>;
  return (
    <dl class="case-facts" data-fact="overview">
      <Fact term={t('cases.reference')} code={caseFile.reference}>
        {caseFile.reference}
      </Fact>
      <Fact term={t('cases.status')} code={caseFile.status}>
        {t(`participantStatus.${caseFile.status}` as MessageKey)}
      </Fact>
      <Fact term={t('caseFile.outcome')} code={caseFile.outcome}>
        {caseFile.outcome ? t(`outcome.${caseFile.outcome}` as MessageKey) : none('caseFile.noOutcome')}
      </Fact>
      <Fact term={t('cases.programme')} code={caseFile.programme}>
        {programmeName(cities, caseFile.programme)}
      </Fact>
      <Fact term={t('caseFile.enrolledOn')} code={caseFile.enrolledOn}>
        {tr.date(caseFile.enrolledOn)}
      </Fact>
      <Fact term={t('cases.firstEnrolledOn')} code={caseFile.firstEnrolledOn}>
        {tr.date(caseFile.firstEnrolledOn)}
      </Fact>
      {caseFile.exitedOn && (
        <Fact term={t('caseFile.exit')} code={caseFile.exitReason}>
          {t('caseFile.exitedOn', { date: tr.date(caseFile.exitedOn), reason: t(`exitReason.${caseFile.exitReason}` as MessageKey) })}
        </Fact>
      )}
      <Fact term={t('caseFile.activeActivities')} code={caseFile.activeActivities.join(' ')}>
        {caseFile.activeActivities.length === 0
          ? none('caseFile.noActivity')
          : caseFile.activeActivities.map((activity) => t(`activity.${activity}` as MessageKey)).join(', ')}
      </Fact>
    </dl>
  );
}

/** The participant's profile at enrolment, its coded values in the viewer's language. */
export function CaseProfile({ profile }: { profile: ParticipantProfile }) {
  const tr = useTranslator();
  const { t } = tr;
  return (
    <section aria-labelledby="case-profile-title">
      <h2 id="case-profile-title">{t('caseFile.profile')}</h2>
      <dl class="case-facts" data-fact="profile">
        <Fact term={t('caseFile.birthYear')} code={profile.birthYear}>
          {String(profile.birthYear)}
        </Fact>
        <Fact term={t('caseFile.gender')} code={profile.gender}>
          {t(`gender.${profile.gender}` as MessageKey)}
        </Fact>
        <Fact term={t('caseFile.education')} code={profile.educationLevel}>
          {t(`education.${profile.educationLevel}` as MessageKey)}
        </Fact>
        <Fact term={t('caseFile.positionLevel')} code={profile.positionLevel}>
          {t(`positionLevel.${profile.positionLevel}` as MessageKey)}
        </Fact>
        <Fact term={t('caseFile.lastSector')} code={profile.lastSector}>
          {profile.lastSector}
        </Fact>
        <Fact term={t('caseFile.unemployedSince')} code={profile.unemployedSince}>
          {profile.unemployedSince ? tr.date(profile.unemployedSince) : <span class="muted">{t('caseFile.notGiven')}</span>}
        </Fact>
        <Fact term={t('caseFile.incomeSupport')} code={profile.incomeSupport}>
          {t(`incomeSupport.${profile.incomeSupport}` as MessageKey)}
        </Fact>
      </dl>
    </section>
  );
}
