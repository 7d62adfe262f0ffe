import type { City } from '../api/types';
import type { MessageKey } from '../i18n/messages/en';
import type { Choice, FormTranslator } from './form-spec';
import { NACE_SECTIONS } from './vocabulary';

/** An enum's values as choices, each named by its message `<prefix>.<VALUE>` (`exitReason.EMPLOYMENT`). */
export const enumChoices = (tr: FormTranslator, prefix: string, values: readonly string[]): Choice[] =>
  values.map((value) => ({ value, label: tr.t(`${prefix}.${value}` as MessageKey) }));

/** The city's programmes, by their catalogue names. */
export const programmeChoices = (city: City): Choice[] => city.programmes.map(({ code, name }) => ({ value: code, label: name }));

/** The city's partners (referral partners, providers of activities), by their catalogue names. */
export const partnerChoices = (city: City): Choice[] => city.partners.map(({ code, name }) => ({ value: code, label: name }));

/** NACE Rev. 2 sections: the letter and the section's name. */
export const naceChoices = (tr: FormTranslator): Choice[] =>
  NACE_SECTIONS.map((letter) => ({ value: letter, label: `${letter} — ${tr.t(`nace.${letter}` as MessageKey)}` }));
