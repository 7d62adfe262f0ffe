import { whileActive } from './availability';
import { enumChoices, partnerChoices } from './choices';
import { milestoneInput, noteField, occurredOnField, textOrNull, todayValues } from './common-fields';
import type { CommandFormSpec } from './form-spec';
import { ACTIVITY_KINDS } from './vocabulary';

/** An activity starts (health programme, IT training…), delivered by a partner of the city or not; one not already running (ACTIVITY_ALREADY_STARTED). */
export const startActivityForm: CommandFormSpec = {
  mutation: 'startActivity',
  inputType: 'StartActivityInput',
  title: 'action.startActivity',
  unavailable: whileActive,
  initialValues: todayValues,
  fields: (context) => {
    const running = context.caseFile?.activeActivities ?? [];
    return [
      occurredOnField(context),
      {
        name: 'activity',
        label: context.tr.t('field.activity'),
        type: 'select',
        required: true,
        choices: enumChoices(context.tr, 'activity', ACTIVITY_KINDS.filter((kind) => !running.includes(kind))),
        hint: running.length > 0 ? context.tr.t('field.activityRunningHint', { activities: running.map((kind) => context.tr.t(`activity.${kind}` as 'activity.IT_TRAINING')).join(', ') }) : undefined,
      },
      { name: 'provider', label: context.tr.t('field.provider'), type: 'select', choices: partnerChoices(context.city) },
      noteField(context),
    ];
  },
  toInput: (values) => ({ ...milestoneInput(values), activity: values.activity, provider: textOrNull(values.provider) }),
};
