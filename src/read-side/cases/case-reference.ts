/** A case's reference as people say it: its city's prefix and its number in the city's enrolments. */
export interface CaseReference {
  prefix: string;
  number: number;
}

/** At least four digits, so that references of a city line up (`PAR-0042`, `PAR-1234`, `PAR-12345`). */
export const formatCaseReference = ({ prefix, number }: CaseReference): string => `${prefix}-${String(number).padStart(4, '0')}`;

/** A reference as typed: any case, with or without the dash or its leading zeros (`par-42`, `PAR 0042`, `par42`). */
const TYPED = /^([a-z]{2,5})[-\s]?0*(\d{1,9})$/i;

/** The reference `text` stands for; null when it is not one. */
export function parseCaseReference(text: string): CaseReference | null {
  const match = TYPED.exec(text.trim());
  return match ? { prefix: match[1]!.toUpperCase(), number: Number(match[2]) } : null;
}
