import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Catalogue } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { caseReferencePrefixOf } from '../../catalogue/case-reference-prefix';
import { findCity } from '../../catalogue/catalogue';
import type { SealedCase } from '../../journey/case/sealed-case';
import { ParticipantCaseType } from '../../journey/graphql/types/participant-case.type';
import { CaseFilesReader } from '../cases/case-files.reader';
import { formatCaseReference } from '../cases/case-reference';

/**
 * A case's reference, from the case-files read model, which numbers enrolments: a mutation's
 * answer has it too, as it waits for the read models (read-your-writes). The prefix is the city's
 * of the catalogue at the time of reading.
 */
@Resolver(() => ParticipantCaseType)
export class CaseReferenceResolver {
  constructor(
    private readonly cases: CaseFilesReader,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  @ResolveField('reference')
  reference(@Parent() found: SealedCase): string {
    const numbered = this.cases.caseNumber(found.id);
    // Only when the read model is stalled past the mutation's wait: the case is recorded, and asking again shows its reference.
    if (numbered === null) throw new Error('The case reference is not known yet: the read models are behind');
    const city = findCity(this.catalogue, numbered.city);
    if (city === undefined) throw new Error(`City ${numbered.city} is not in the catalogue`);
    return formatCaseReference({ prefix: caseReferencePrefixOf(city), number: numbered.number });
  }
}
