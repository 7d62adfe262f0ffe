import type { ComponentChild } from 'preact';
import type { CaseForForm } from '../api/command-types';
import type { City } from '../api/types';
import type { MessageKey } from '../i18n/messages/en';
import type { RuleCode } from './rule-fields';

/** What a form holds: each field's text as typed or chosen ('' for nothing), by the field's name. */
export type FormValues = Record<string, string>;

/** Something wrong with a value, as a message of the app and its placeholders. */
export interface Problem {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** A client-side check of one field: null when the value holds. Run only on a value that is not empty. */
export type Check = (value: string, context: FormContext) => Problem | null;

/** One option of a select: its value and the text shown (translated, or a name from the catalogue). */
export interface Choice {
  value: string;
  label: string;
}

/** A labelled field of a form. */
export interface FieldSpec {
  /** The field's name in FormValues, and its path in the mutation's input unless `path` says otherwise. */
  name: string;
  /** Its label, translated. */
  label: string;
  type: 'date' | 'number' | 'text' | 'textarea' | 'select' | 'email' | 'tel';
  required?: boolean;
  /** A select's options, after an empty one: "Choose…" (a required select left on it is reported), or "None". */
  choices?: Choice[];
  /** A line under the label (what is expected), translated. */
  hint?: string;
  checks?: Check[];
  /** The field's path in the mutation's input, as the service's fieldErrors name it, when not `name` (`personal.fullName`). */
  path?: string;
  /** The browser's autofill hint (`name`, `email`, `tel`), for personal details. */
  autocomplete?: string;
}

/** What forms need of the app's translator (web/src/i18n/i18n.tsx), named apart so that their pure pieces need no DOM. */
export interface FormTranslator {
  locale: string;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A business date ('2007-05-14') in the language's words. */
  date(isoDate: string): string;
  dateTime(instant: string): string;
}

/** What a form's fields and input are made from: the case (null when enrolling), its city's catalogue, today there. */
export interface FormContext {
  /** Who fills the form (the session's role and city). */
  session: { role: string; city: string };
  tr: FormTranslator;
  caseFile: CaseForForm | null;
  /** The case's city, or the adviser's when enrolling, from the catalogue. */
  city: City;
  /** Today's date in the city's time zone (YYYY-MM-DD), as the service dates "the future". */
  today: string;
  /** The values typed so far: fields may depend on each other (an activity to complete among those running). */
  values: FormValues;
}

/** Fills a form's fields with these values and shows them, for a form whose fields wait for a choice (`fieldsWait`). */
export type Fill = (values: FormValues) => void;

/**
 * One command form: the mutation it sends, its fields and how its values make the mutation's
 * input. The machinery (CommandForm) adds `participantId`, `expectedVersion` (unless `sendsVersion`
 * is false) and `commandId`.
 */
export interface CommandFormSpec {
  /** The mutation's name (`recordExit`) and its input type (`RecordExitInput`). */
  mutation: string;
  inputType: string;
  /** The form's heading. */
  title: MessageKey;
  /** The submit button's text; "Record" by default. */
  submit?: MessageKey;
  /** An introduction under the heading (what the form records), when it needs one. */
  intro?: MessageKey;
  /**
   * What is shown above the fields, given the case read: a text is a paragraph (the milestone a
   * correction is about). `fill` is given while the fields wait (`fieldsWait`), null once they show.
   */
  before?(context: FormContext, fill: Fill | null): ComponentChild;
  /** Whether the fields wait until `before` fills them (a choice to make first); a kept draft shows them at once. */
  fieldsWait?: boolean;
  /** Whether the submit button works for these values (an erasure: once the case's reference is typed); always by default. */
  canSubmit?(values: FormValues, context: FormContext): boolean;
  fields(context: FormContext): FieldSpec[];
  /** The values a new form starts with (today's date, say). */
  initialValues?(context: FormContext): FormValues;
  /** The mutation's input from the values that passed the checks, without participantId, expectedVersion and commandId. */
  toInput(values: FormValues, context: FormContext): Record<string, unknown>;
  /** Checks across fields, by field name, run after each field's own (a date that must follow another). */
  crossChecks?(values: FormValues, context: FormContext): Record<string, Problem>;
  /** The field a refusal for a rule is about, where it is not the date (`occurredOn`, the default for every DATE_ rule). */
  ruleFields?: Partial<Record<RuleCode, string>>;
  /** False for an input without `expectedVersion` (an erasure, which holds whatever the case's version). */
  sendsVersion?: boolean;
  /** Why this form cannot be used for the case as it stands (an exit of a participant who already left), or null. */
  unavailable?(context: FormContext): MessageKey | null;
}
