import './command-form.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseForForm } from '../api/command-types';
import { ServiceError } from '../api/failure';
import { navigate } from '../app/router';
import type { Session } from '../auth/session';
import { casePath } from '../cases/case-path';
import { ErrorMessage } from '../common/error-message';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { todayIn } from './city-today';
import { type CommandDraft, draftKey, dropDraft, keepDraft, readDraft } from './command-draft';
import { type CommandFailure, commandFailureOf } from './command-failure';
import { ConflictView } from './conflict-view';
import { problemsOf } from './field-checks';
import { type PlacedFieldErrors, placeFieldErrors } from './field-paths';
import { type FieldMessage, FormField, fieldId } from './form-field';
import type { CommandFormSpec, FormContext, FormValues, Problem } from './form-spec';
import { RETRY_DELAYS_MS, sendWithRetry } from './retry-policy';
import { fieldOfRule, isRuleCode } from './rule-fields';
import { sendCommand } from './send-command';
import { type CaseAndCity, useCaseForForm } from './use-case-for-form';

/** What a page gives a command form: who fills it, the case (null to enrol a participant), the form. */
export interface CommandFormProps {
  session: Session;
  caseId: string | null;
  spec: CommandFormSpec;
  /** Names the form's draft in the tab's storage: the action, with the milestone's sequence for a form about one (`correct-3`). */
  draftName: string;
}

/**
 * A command form and everything around it: it reads the case and its city's catalogue, shows the
 * spec's content above the fields, keeps a draft of what is typed (values, commandId, version seen)
 * per case and `draftName` in sessionStorage, checks the values as the service would, sends the
 * command with `expectedVersion` (unless the spec sends none) and `commandId`, freezes the fields while
 * its outcome is unknown (only the very input sent can be sent again, or dropped), shows each
 * refusal beside its field or above the form, offers the conflict view when the case changed
 * meanwhile, and goes to the case file once the command is recorded.
 */
export function CommandForm({ session, caseId, spec, draftName }: CommandFormProps) {
  const { t } = useTranslator();
  const loaded = useCaseForForm(caseId, session.city);
  if (loaded.error !== undefined) return <ErrorMessage error={loaded.error} />;
  if (!loaded.value) return <p>{t('app.loading')}</p>;
  return <FilledForm session={session} caseId={caseId} spec={spec} draftName={draftName} loaded={loaded.value} reload={loaded.reload} />;
}

/** Why the last send was refused, as the form shows it. */
interface Refusal {
  failure: CommandFailure;
  placed: PlacedFieldErrors;
  /** The rule broken and the field it concerns (null: the case as a whole). */
  rule: { key: MessageKey; field: string | null } | null;
}

type Phase = { name: 'editing' } | { name: 'sending'; attempt: number } | { name: 'conflict' };

interface FilledFormProps extends CommandFormProps {
  loaded: CaseAndCity;
  reload(): Promise<CaseForForm | null>;
}

const newId = (): string => crypto.randomUUID();

/** Refusals that may pass if the same command is sent again later (the same commandId keeps it from being recorded twice). */
const RETRYABLE: ReadonlySet<string> = new Set(['NETWORK_ERROR', 'RATE_LIMITED', 'SERVICE_BUSY', 'STORE_UNAVAILABLE', 'SHUTTING_DOWN', 'INTERNAL_SERVER_ERROR']);

/** Failures after which the command may or may not have been recorded: no answer came, or the service failed midway. */
const UNKNOWN_OUTCOME: ReadonlySet<string> = new Set(['NETWORK_ERROR', 'INTERNAL_SERVER_ERROR']);

function FilledForm({ session, caseId, spec, draftName, loaded, reload }: FilledFormProps) {
  const tr = useTranslator();
  const { t } = tr;
  const key = draftKey(session.user, caseId, draftName);
  const base = { session, tr, caseFile: loaded.caseFile, city: loaded.city, today: todayIn(loaded.city.timeZone) };
  const [draft, setDraft] = useState<CommandDraft>(
    () =>
      readDraft(key) ?? {
        values: spec.initialValues?.({ ...base, values: {} }) ?? {},
        commandId: newId(),
        versionSeen: loaded.caseFile?.version ?? null,
        ...(caseId === null ? { participantId: newId() } : {}),
      },
  );
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'editing' });
  const [unavailable] = useState(() => spec.unavailable?.({ ...base, values: draft.values }) ?? null);
  // A form whose fields wait for a choice shows them once `before` fills them, or at once for a kept draft.
  const [fieldsShown, setFieldsShown] = useState(() => !spec.fieldsWait || readDraft(key) !== null);
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    // An earlier render's effect may run before the element is shown: the focus waits for it.
    const target = focusNext.current === null ? null : document.getElementById(focusNext.current);
    if (!target) return;
    target.focus();
    focusNext.current = null;
  });

  const context: FormContext = { ...base, values: draft.values };
  const fields = spec.fields(context);
  const caseFilePath = caseId === null ? '/cases' : casePath(caseId);

  const change = (name: string, value: string) => {
    const next = { ...draft, values: { ...draft.values, [name]: value } };
    setDraft(next);
    keepDraft(key, next);
  };

  const fill = (values: FormValues) => {
    const next = { ...draft, values };
    setDraft(next);
    keepDraft(key, next);
    setFieldsShown(true);
    if (fields[0]) focusNext.current = fieldId(fields[0].name);
  };
  const before = spec.before?.(context, fieldsShown ? null : fill);

  const messagesOf = (name: string): FieldMessage[] => [
    ...(problems[name] ? [{ text: t(problems[name].key, problems[name].values) }] : []),
    ...(refusal?.rule?.field === name ? [{ text: t(refusal.rule.key), detail: refusal.failure.detail ?? undefined }] : []),
    ...(refusal?.placed.byField[name] ?? []).map((message) => ({ text: t('form.refusedValue'), detail: message })),
  ];
  const firstInvalid = (found: Record<string, Problem>, placed?: PlacedFieldErrors, ruleField?: string | null) =>
    fields.find((f) => found[f.name] || placed?.byField[f.name] || ruleField === f.name)?.name ?? null;

  const submit = async (sent: CommandDraft, withContext: FormContext) => {
    const found = problemsOf(fields, sent.values, withContext, spec.crossChecks);
    setProblems(found);
    setRefusal(null);
    const invalid = firstInvalid(found);
    if (invalid !== null) {
      focusNext.current = fieldId(invalid);
      return;
    }
    const input = {
      ...spec.toInput(sent.values, withContext),
      commandId: sent.commandId,
      participantId: caseId ?? sent.participantId,
      ...(caseId !== null && spec.sendsVersion !== false ? { expectedVersion: sent.versionSeen } : {}),
    };
    await send({ ...sent, sent: input });
  };

  /** Sends a draft's input, kept in the draft first so that a reload or "Try again" sends exactly it; it is forgotten once the service answers. */
  const send = async (pending: CommandDraft & { sent: Record<string, unknown> }) => {
    setDraft(pending);
    keepDraft(key, pending);
    setRefusal(null);
    setPhase({ name: 'sending', attempt: 1 });
    try {
      const answer = await sendWithRetry(
        () => sendCommand(spec.mutation, spec.inputType, pending.sent),
        commandFailureOf,
        (attempt) => setPhase({ name: 'sending', attempt }),
      );
      dropDraft(key);
      navigate(casePath(answer.id));
    } catch (error) {
      const failure = commandFailureOf(error);
      if (!UNKNOWN_OUTCOME.has(failure.code)) {
        const { sent: _answered, ...answered } = pending;
        setDraft(answered);
        keepDraft(key, answered);
      }
      await refused(failure);
    }
  };

  const refused = async (failure: CommandFailure) => {
    if (failure.code === 'CONFLICT') {
      try {
        await reload();
        setPhase({ name: 'conflict' });
        focusNext.current = 'conflict';
        return;
      } catch (error) {
        failure = commandFailureOf(error);
      }
    }
    const placed = placeFieldErrors(failure.code === 'BAD_USER_INPUT' ? failure.fieldErrors : [], fields);
    const ruleCode = failure.code === 'RULE_VIOLATION' && isRuleCode(failure.rule) ? failure.rule : null;
    const rule = ruleCode
      ? { key: `rule.${ruleCode}` as MessageKey, field: fieldOfRule(ruleCode, fields.map((f) => f.name), spec.ruleFields) }
      : null;
    setRefusal({ failure, placed, rule });
    setPhase({ name: 'editing' });
    focusNext.current = (() => {
      const invalid = firstInvalid({}, placed, rule?.field);
      return invalid === null ? 'form-refusal' : fieldId(invalid);
    })();
  };

  const applyOnTop = () => {
    const next = { ...draft, versionSeen: loaded.caseFile?.version ?? null };
    setDraft(next);
    setPhase({ name: 'editing' });
    void submit(next, context);
  };
  const drop = () => {
    dropDraft(key);
    navigate(caseFilePath);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (phase.name !== 'sending') void submit(draft, context);
  };

  const problemCount = fields.filter((f) => messagesOf(f.name).length > 0).length;
  // A rule this app has no message for yet reads as any refusal: the code's message and the service's words.
  const otherFailure = refusal && refusal.failure.code !== 'BAD_USER_INPUT' && !refusal.rule ? refusal.failure : null;
  const sending = phase.name === 'sending';
  // Sent, and no answer yet: the fields are frozen so that only what was sent can be sent again.
  const pendingSend = draft.sent ? { ...draft, sent: draft.sent } : null;
  const frozen = sending || pendingSend !== null;
  return (
    <section class="command-form" aria-labelledby="form-title">
      <p>
        <a
          href={caseFilePath}
          onClick={(event) => {
            event.preventDefault();
            navigate(caseFilePath);
          }}
        >
          {t(caseId === null ? 'form.backToCases' : 'form.backToCase')}
        </a>
      </p>
      <h1 id="form-title">{t(spec.title)}</h1>
      {loaded.caseFile && <p class="case-line">{t('form.caseLine', { reference: loaded.caseFile.reference })}</p>}
      {spec.intro && <p>{t(spec.intro)}</p>}
      {unavailable !== null ? (
        <p class="note">{t(unavailable)}</p>
      ) : (
        <>
          {typeof before === 'string' ? <p>{before}</p> : before}
          {phase.name === 'conflict' && loaded.caseFile && draft.versionSeen !== null && (
            <ConflictView caseFile={loaded.caseFile} versionSeen={draft.versionSeen} onApply={applyOnTop} onDrop={drop} />
          )}
          {pendingSend && !sending && (
            <div id="form-refusal" class="outcome-unknown" tabIndex={-1}>
              {refusal ? (
                <ErrorMessage error={new ServiceError(refusal.failure)} title="form.outcomeUnknown" />
              ) : (
                <p>
                  <strong>{t('form.outcomeUnknown')}</strong>
                </p>
              )}
              <p>{t('form.outcomeUnknownHelp')}</p>
              <p class="form-actions">
                <button type="button" class="primary" onClick={() => void send(pendingSend)}>
                  {t('form.tryAgain')}
                </button>
                <button type="button" onClick={drop}>
                  {t('form.drop')}
                </button>
              </p>
            </div>
          )}
          {otherFailure && !pendingSend && (
            <div id="form-refusal" tabIndex={-1}>
              <ErrorMessage error={new ServiceError(otherFailure)} title="form.notRecorded" />
              {RETRYABLE.has(otherFailure.code) && (
                <p>
                  <button type="button" onClick={() => void submit(draft, context)}>
                    {t('form.tryAgain')}
                  </button>
                </p>
              )}
            </div>
          )}
          {!otherFailure && (problemCount > 0 || refusal) && (
            <div class="error form-refusal" role="alert" id="form-refusal" tabIndex={-1}>
              <p>
                <strong>{t('form.notRecorded')}</strong> {refusal?.rule?.field === null && t(refusal.rule.key)}
              </p>
              {refusal?.rule?.field === null && refusal.failure.detail && (
                <p class="muted">
                  {t('error.detail')} <span lang="en">{refusal.failure.detail}</span>
                </p>
              )}
              {problemCount > 0 && (
                <>
                  <p>{t('form.problems', { count: problemCount })}</p>
                  <ul>
                    {fields
                      .filter((f) => messagesOf(f.name).length > 0)
                      .map((f) => (
                        <li key={f.name}>
                          <a href={`#${fieldId(f.name)}`}>{f.label}</a>
                        </li>
                      ))}
                  </ul>
                </>
              )}
              {refusal && refusal.placed.unmatched.length > 0 && (
                <ul>
                  {refusal.placed.unmatched.map(({ field, message }) => (
                    <li key={field}>
                      {t('error.field', { field })}{' '}
                      <span class="muted" lang="en">
                        {message}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {fieldsShown && (
            <form class="fields" noValidate onSubmit={onSubmit} aria-labelledby="form-title" inert={phase.name === 'conflict' || frozen}>
              {fields.map((field) => (
                <FormField key={field.name} field={field} value={draft.values[field.name] ?? ''} messages={messagesOf(field.name)} onChange={(value) => change(field.name, value)} />
              ))}
              <p class="hint">{t(frozen ? 'form.frozen' : 'form.draftKept')}</p>
              <div class="form-actions">
                <button type="submit" class="primary" disabled={frozen || spec.canSubmit?.(draft.values, context) === false}>
                  {t(spec.submit ?? 'form.record')}
                </button>
                <button type="button" onClick={drop} disabled={frozen}>
                  {t('form.cancel')}
                </button>
              </div>
            </form>
          )}
          <p role="status" class="status">
            {sending && (phase.attempt === 1 ? t('form.sending') : t('form.retrying', { attempt: phase.attempt, max: RETRY_DELAYS_MS.length + 1 }))}
          </p>
        </>
      )}
    </section>
  );
}
