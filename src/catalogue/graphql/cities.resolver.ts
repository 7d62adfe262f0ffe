import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import type { Catalogue } from '../catalogue';
import { CATALOGUE } from '../catalogue.tokens';
import { Requires } from '../../auth/requires.decorator';
import { CityType } from './city.type';

@Resolver(() => CityType)
export class CitiesResolver {
  constructor(@Inject(CATALOGUE) private readonly catalogue: Catalogue) {}

  @Query(() => [CityType], { description: "The programme's cities, with their programmes, partners and targets." })
  @Requires('readCatalogue')
  cities(): CityType[] {
    return this.catalogue.cities.map((city) => ({
      ...city,
      programmes: city.programmes.map((p) => ({ ...p, city: city.code })),
      partners: [...city.partners],
    }));
  }
}
