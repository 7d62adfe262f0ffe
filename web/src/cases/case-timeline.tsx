import type { CaseFile, Milestone } from '../api/case-types';
import type { City } from '../api/types';
import { AppLink } from '../common/app-link';
import { amendableMilestone } from '../commands/amendable';
import { actionPath, CASE_ACTIONS } from '../commands/case-actions';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { milestoneSummary } from './milestone-summary';
import { recordedWhen } from './recorded-when';

/** The forms of one milestone (correct, void). */
const MILESTONE_ACTIONS = CASE_ACTIONS.filter((entry) => entry.perMilestone);

/** One milestone: its date and line, marks, who recorded it and when, its note, its corrections and voiding with their reasons, its forms. */
function MilestoneEntry({ participantId, milestone, cities }: { participantId: string; milestone: Milestone; cities: City[] | undefined }) {
  const tr = useTranslator();
  const { t } = tr;
  const { sequence, kind, occurredOn, voided, corrected, original } = milestone;
  // Only the forms the service would take: none for a voided milestone or an erasure, no void of the enrolment.
  const actions = MILESTONE_ACTIONS.filter((entry) => amendableMilestone([milestone], sequence, entry.action).refusal === null);
  return (
    <li class={voided ? 'milestone voided' : 'milestone'} data-sequence={sequence} data-kind={kind} data-occurred-on={occurredOn} data-voided={String(voided)} data-corrected={String(corrected)}>
      <h3>
        <span class="milestone-date">{tr.date(occurredOn)}</span> <span class="milestone-summary">{milestoneSummary(tr, kind, milestone.values, cities)}</span>
        {voided && <span class="mark voided-mark">{t('caseFile.voidedMark')}</span>}
        {corrected && <span class="mark corrected-mark">{t('caseFile.correctedMark')}</span>}
      </h3>
      <p class="muted recorded" data-recorded-by={milestone.recordedBy} data-recorded-at={milestone.recordedAt}>
        {t('caseFile.recorded', { who: milestone.recordedBy, when: recordedWhen(tr, milestone.recordedAt) })}
      </p>
      {milestone.note !== null && <p class="note-text">{t('caseFile.milestoneNote', { note: milestone.note })}</p>}
      {original && (
        <p class="original" data-occurred-on={original.occurredOn}>
          {t('caseFile.original', { summary: milestoneSummary(tr, kind, original, cities), date: tr.date(original.occurredOn) })}
        </p>
      )}
      {milestone.amendments.length > 0 && (
        <ul class="amendments">
          {milestone.amendments.map((amendment) => (
            <li key={amendment.sequence} data-sequence={amendment.sequence} data-kind={amendment.kind} data-recorded-by={amendment.recordedBy} data-recorded-at={amendment.recordedAt}>
              {t(`amendment.${amendment.kind}` as MessageKey, { who: amendment.recordedBy, when: recordedWhen(tr, amendment.recordedAt) })}{' '}
              <span class="reason">{amendment.reason === null ? t('caseFile.reasonErased') : t('caseFile.reason', { reason: amendment.reason })}</span>
            </li>
          ))}
        </ul>
      )}
      {actions.length > 0 && (
        <ul class="milestone-actions">
          {actions.map((entry) => (
            <li key={entry.action}>
              <AppLink href={actionPath(participantId, entry.action, sequence)}>
                {t(entry.label)}
                <span class="visually-hidden"> {t('caseFile.ofMilestone', { date: tr.date(occurredOn), kind: t(`milestone.${kind}` as MessageKey) })}</span>
              </AppLink>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Every milestone of the case in the order recorded, voided ones included (marked so). */
export function CaseTimeline({ caseFile, cities }: { caseFile: CaseFile; cities: City[] | undefined }) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="case-timeline-title">
      <h2 id="case-timeline-title">{t('caseFile.timeline')}</h2>
      <ol class="timeline">
        {caseFile.timeline.map((milestone) => (
          <MilestoneEntry key={milestone.sequence} participantId={caseFile.id} milestone={milestone} cities={cities} />
        ))}
      </ol>
    </section>
  );
}
