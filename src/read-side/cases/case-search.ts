import { Inject, Injectable } from '@nestjs/common';
import type { Catalogue } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { cityOfCaseReferencePrefix } from '../../catalogue/case-reference-prefix';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { InvalidInput } from '../../journey/domain/errors';
import type { PersonalDetails } from '../../journey/domain/events';
import type { KeyVault } from '../../personal-data/key-vault.port';
import { nameTokenizer } from '../../personal-data/name-blind-index';
import { nameWords } from '../../personal-data/name-words';
import { openPersonalData } from '../../personal-data/personal-data-cipher';
import { KEY_VAULT } from '../../storage/storage.tokens';
import { CaseSearchTokensReader } from '../search/case-search-tokens.reader';
import { CaseFilesReader } from './case-files.reader';
import { type CaseReference, parseCaseReference } from './case-reference';
import { checkedSearchText } from './search-text';

/** Finds the cases a search box's text stands for: a case reference, or words of a name. */
@Injectable()
export class CaseSearch {
  private readonly tokenOf: (word: string) => number;

  constructor(
    private readonly cases: CaseFilesReader,
    private readonly tokens: CaseSearchTokensReader,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(KEY_VAULT) private readonly keys: KeyVault,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokenOf = nameTokenizer(config.pseudonymSecret);
  }

  /**
   * The participants `search` finds within `city` (every city when null). Another city's case
   * is found as an unknown one is, not at all: which cases exist elsewhere is not the caller's to learn.
   */
  async participantsFound(search: string, city: string | null): Promise<string[]> {
    const text = checkedSearchText(search);
    const reference = parseCaseReference(text);
    if (reference !== null) return this.byReference(reference, city);
    const words = nameWords(text);
    if (words.length === 0) {
      throw new InvalidInput([{ field: 'search', message: 'search must be a case reference, such as PAR-0042, or words of a name' }]);
    }
    return this.byName(words, city);
  }

  private byReference(reference: CaseReference, city: string | null): string[] {
    const referenced = cityOfCaseReferencePrefix(this.catalogue, reference.prefix);
    if (referenced === undefined || (city !== null && referenced.code !== city)) return [];
    const found = this.cases.participantNumbered({ city: referenced.code, number: reference.number });
    return found === null ? [] : [found];
  }

  /**
   * The blind index's candidates, each confirmed by opening its name: a token stands for many
   * words, so a candidate may have none of the words asked for. An erased participant's name
   * reads as null, and is found by nothing.
   */
  private async byName(words: readonly string[], city: string | null): Promise<string[]> {
    const tokens = words.map(this.tokenOf);
    const cities = city === null ? this.catalogue.cities.map((c) => c.code) : [city];
    const candidates = cities.flatMap((code) => this.tokens.candidates(code, tokens));
    const confirmed = await Promise.all(candidates.map(async (id) => ((await this.nameHasEvery(id, words)) ? id : null)));
    return confirmed.filter((id) => id !== null);
  }

  private async nameHasEvery(participantId: string, words: readonly string[]): Promise<boolean> {
    const sealed = this.cases.sealedPersonal(participantId);
    const key = sealed === null ? null : await this.keys.find(participantId);
    if (sealed === null || key === null) return false;
    const name = new Set(nameWords((openPersonalData(key, participantId, sealed) as PersonalDetails).fullName));
    return words.every((word) => name.has(word));
  }
}
