import { Inject, Injectable } from '@nestjs/common';
import type { Catalogue } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { cityOfCaseReferencePrefix } from '../../catalogue/case-reference-prefix';
import { InvalidInput } from '../../journey/domain/errors';
import { CaseFilesReader } from './case-files.reader';
import { parseCaseReference } from './case-reference';
import { checkedSearchText } from './search-text';

/** Finds the cases a search box's text stands for. */
@Injectable()
export class CaseSearch {
  constructor(
    private readonly cases: CaseFilesReader,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  /**
   * The participants `search` finds within `city` (every city when null). A reference of another
   * city finds nothing, as an unknown one does: which references exist elsewhere is not the
   * caller's to learn.
   */
  async participantsFound(search: string, city: string | null): Promise<string[]> {
    const text = checkedSearchText(search);
    const reference = parseCaseReference(text);
    if (reference === null) throw new InvalidInput([{ field: 'search', message: 'search must be a case reference, such as PAR-0042' }]);
    const referenced = cityOfCaseReferencePrefix(this.catalogue, reference.prefix);
    if (referenced === undefined || (city !== null && referenced.code !== city)) return [];
    const found = this.cases.participantNumbered({ city: referenced.code, number: reference.number });
    return found === null ? [] : [found];
  }
}
