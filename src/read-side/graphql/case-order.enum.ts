import { registerEnumType } from '@nestjs/graphql';
import { asEnum } from '../../graphql/register-enums';
import { CASE_ORDERS } from '../cases/case-order';

export const CaseOrder = asEnum(CASE_ORDERS);

registerEnumType(CaseOrder, {
  name: 'CaseOrder',
  description: 'The order of a list of case files; a cursor pages only a list in the order it came from.',
  valuesMap: {
    RECENTLY_CHANGED: {
      description: "The case whose latest event of any kind (a milestone, correction, void, note, new personal details) came last in the log first.",
    },
    FIRST_ENROLMENT: { description: 'The earliest first enrolment first; the order when none is asked for.' },
    REFERENCE: { description: 'By city code, then by reference number: PAR-0001, PAR-0002, and so on.' },
  },
});
