import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { loadCatalogueFile } from '../../../src/catalogue/catalogue-file';
import { caseReferencePrefixOf } from '../../../src/catalogue/case-reference-prefix';
import { ConfigError } from '../../../src/config/config';
import { tempDir } from '../../support/temp-files';

const lyon = () => ({
  code: 'lyon',
  name: 'Lyon',
  country: 'FR',
  positiveExitTarget: 0.55,
  programmes: [
    { code: 'lyon-cadres', name: 'Cadres 50+', targets: { positiveExitRate: 0.5 } },
    { code: 'lyon-creation', name: 'Business creation' },
  ],
  partners: [{ code: 'pole-emploi-lyon', name: 'Pôle emploi Lyon' }],
});

describe('loadCatalogueFile', () => {
  let folder: ReturnType<typeof tempDir>;
  let written = 0;

  beforeAll(() => {
    folder = tempDir('journey-catalogue-');
  });
  afterAll(() => folder.remove());

  /** Writes `content` (JSON unless already a string) to a fresh file and returns its path. */
  function catalogueFile(content: unknown): string {
    const path = folder.file(`catalogue-${++written}.json`);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  /** The ConfigError refusing `content`, failing the test when the file is accepted. */
  function refusal(content: unknown): ConfigError {
    const path = catalogueFile(content);
    try {
      loadCatalogueFile(path);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain(path);
      return error as ConfigError;
    }
    throw new Error(`loadCatalogueFile accepted ${JSON.stringify(content)}`);
  }

  it('loads a valid file, leaving absent targets null, the time zone UTC, and keeping built-in exit classes not overridden', () => {
    const catalogue = loadCatalogueFile(catalogueFile({ cities: [lyon()], exitClasses: { RETIREMENT: 'POSITIVE' } }));

    expect(catalogue.cities).toEqual([
      {
        code: 'lyon',
        name: 'Lyon',
        country: 'FR',
        timeZone: 'UTC',
        positiveExitTarget: 0.55,
        programmes: [
          { code: 'lyon-cadres', name: 'Cadres 50+', targets: { positiveExitRate: 0.5, jobReturnRate: null, businessCreationRate: null } },
          { code: 'lyon-creation', name: 'Business creation', targets: { positiveExitRate: null, jobReturnRate: null, businessCreationRate: null } },
        ],
        partners: [{ code: 'pole-emploi-lyon', name: 'Pôle emploi Lyon' }],
      },
    ]);
    expect(catalogue.exitClasses).toEqual({ ...BUILT_IN_CATALOGUE.exitClasses, RETIREMENT: 'POSITIVE' });
    expect(BUILT_IN_CATALOGUE.exitClasses.RETIREMENT).toBe('NEUTRAL'); // the built-in catalogue is left alone
  });

  it('keeps every built-in exit class when the file has none', () => {
    expect(loadCatalogueFile(catalogueFile({ cities: [lyon()] })).exitClasses).toEqual(BUILT_IN_CATALOGUE.exitClasses);
  });

  it("keeps a city's time zone", () => {
    const [city] = loadCatalogueFile(catalogueFile({ cities: [{ ...lyon(), timeZone: 'America/Santiago' }] })).cities;
    expect(city.timeZone).toBe('America/Santiago');
  });

  it("keeps a city's case reference prefix, and lets two cities share their code's first letters when one has a prefix of its own", () => {
    const lyons = { ...lyon(), code: 'lyons-la-foret', caseReferencePrefix: 'LLF', programmes: [{ code: 'lyons-1', name: 'Other' }] };
    const cities = loadCatalogueFile(catalogueFile({ cities: [lyon(), lyons] })).cities;
    expect(cities.map((c) => caseReferencePrefixOf(c))).toEqual(['LYO', 'LLF']);
  });

  it('gives the built-in cities the first three letters of their codes as case reference prefixes', () => {
    expect(BUILT_IN_CATALOGUE.cities.map((c) => caseReferencePrefixOf(c))).toEqual(['PAR', 'FRA', 'STO']);
  });

  it('refuses a file that is not JSON', () => {
    expect(refusal('{ "cities": [ ').message).toMatch(/cannot be read as JSON/);
  });

  it('refuses a file that does not exist', () => {
    expect(() => loadCatalogueFile(folder.file('missing.json'))).toThrow(ConfigError);
  });

  it.each<[string, unknown, string]>([
    ['missing cities', {}, 'cities: cities should not be empty'],
    ['no cities', { cities: [] }, 'cities: cities should not be empty'],
    ['a city without programmes', { cities: [{ ...lyon(), programmes: [] }] }, 'cities.0.programmes: programmes should not be empty'],
    ['a city without partners', { cities: [{ ...lyon(), partners: undefined }] }, 'cities.0.partners: partners must be an array'],
    ['a bad city code', { cities: [{ ...lyon(), code: 'Lyon' }] }, 'cities.0.code: code must match'],
    [
      'a bad programme code',
      { cities: [{ ...lyon(), programmes: [{ code: 'lyon cadres', name: 'Cadres' }] }] },
      'cities.0.programmes.0.code: code must match',
    ],
    [
      'a bad partner code',
      { cities: [{ ...lyon(), partners: [{ code: 'pole_emploi', name: 'Pôle emploi' }] }] },
      'cities.0.partners.0.code: code must match',
    ],
    [
      'a target above 1',
      { cities: [{ ...lyon(), programmes: [{ code: 'lyon-cadres', name: 'Cadres', targets: { jobReturnRate: 1.2 } }] }] },
      'cities.0.programmes.0.targets.jobReturnRate: jobReturnRate must not be greater than 1',
    ],
    [
      'a target below 0',
      { cities: [{ ...lyon(), programmes: [{ code: 'lyon-cadres', name: 'Cadres', targets: { businessCreationRate: -0.1 } }] }] },
      'cities.0.programmes.0.targets.businessCreationRate: businessCreationRate must not be less than 0',
    ],
    ['a city target above 1', { cities: [{ ...lyon(), positiveExitTarget: 60 }] }, 'cities.0.positiveExitTarget'],
    [
      'a time zone Intl does not know',
      { cities: [{ ...lyon(), timeZone: 'Europe/Lyon' }] },
      'cities.0.timeZone: must be an IANA time zone, such as Europe/Paris',
    ],
    ['a time zone that is not a string', { cities: [{ ...lyon(), timeZone: 1 }] }, 'cities.0.timeZone: must be an IANA time zone'],
    ['a duplicated city code', { cities: [lyon(), { ...lyon(), programmes: [{ code: 'lyon-2', name: 'Other' }] }] }, 'city lyon appears twice'],
    [
      'a programme code used by two cities',
      { cities: [lyon(), { ...lyon(), code: 'villeurbanne', programmes: [{ code: 'lyon-cadres', name: 'Copy' }] }] },
      'programme lyon-cadres appears twice',
    ],
    ['a case reference prefix in lower case', { cities: [{ ...lyon(), caseReferencePrefix: 'lyo' }] }, 'cities.0.caseReferencePrefix: must be 2 to 5 capital letters'],
    ['a case reference prefix of one letter', { cities: [{ ...lyon(), caseReferencePrefix: 'L' }] }, 'cities.0.caseReferencePrefix: must be 2 to 5 capital letters'],
    ['a case reference prefix of six letters', { cities: [{ ...lyon(), caseReferencePrefix: 'LYONNE' }] }, 'cities.0.caseReferencePrefix: must be 2 to 5 capital letters'],
    ['a case reference prefix with a digit', { cities: [{ ...lyon(), caseReferencePrefix: 'LY1' }] }, 'cities.0.caseReferencePrefix: must be 2 to 5 capital letters'],
    [
      'two cities with the same default case reference prefix',
      { cities: [lyon(), { ...lyon(), code: 'lyons-la-foret', programmes: [{ code: 'lyons-1', name: 'Other' }] }] },
      'cities lyon and lyons-la-foret have the same case reference prefix LYO: give one a caseReferencePrefix',
    ],
    [
      "a city's prefix that is another's default",
      { cities: [lyon(), { ...lyon(), code: 'villeurbanne', caseReferencePrefix: 'LYO', programmes: [{ code: 'vil-1', name: 'Other' }] }] },
      'cities lyon and villeurbanne have the same case reference prefix LYO',
    ],
    [
      'a city code of fewer than two letters without a prefix',
      { cities: [{ ...lyon(), code: 'x-75' }] },
      'city x-75: its code has fewer than two letters, so it needs a caseReferencePrefix',
    ],
    ['an unknown exit reason', { cities: [lyon()], exitClasses: { PROMOTION: 'POSITIVE' } }, 'exitClasses: unknown exit reason PROMOTION'],
    ['an unknown exit class', { cities: [lyon()], exitClasses: { HEALTH: 'EXCLUDED' } }, 'exitClasses.HEALTH: unknown class EXCLUDED'],
  ])('refuses %s', (_, content, problem) => {
    expect(refusal(content).message).toContain(problem);
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'must hold a JSON object with a list of cities'],
    ['a list', [lyon()], 'must hold a JSON object with a list of cities'],
    ['a null city', { cities: [null] }, 'cities.0: each value in nested property cities must be either object or array'],
    ['programmes that are not a list', { cities: [{ ...lyon(), programmes: 'lyon-cadres' }] }, 'cities.0.programmes: programmes must be an array'],
    ['a null programme', { cities: [{ ...lyon(), programmes: [null] }] }, 'cities.0.programmes.0: each value in nested property programmes'],
  ])('refuses %s with a ConfigError, not a crash', (_, content, problem) => {
    expect(refusal(content).message).toContain(problem);
  });

  it('lists every problem of the file at once, one a line', () => {
    const message = refusal({
      cities: [
        { ...lyon(), code: 'Lyon!', programmes: [{ code: 'lyon-cadres', name: 'Cadres', targets: { positiveExitRate: 1.5 } }] },
        { ...lyon(), code: 'grenoble', programmes: [{ code: 'lyon-cadres', name: 'Copy' }], partners: [] },
        { ...lyon(), code: 'grenoble', programmes: [] },
      ],
      exitClasses: { PROMOTION: 'POSITIVE', EMPLOYMENT: 'GOOD' },
    }).message;

    const problems = message.split('\n').slice(1);
    expect(problems).toEqual([
      expect.stringContaining('cities.0.code: code must match'),
      '- cities.0.programmes.0.targets.positiveExitRate: positiveExitRate must not be greater than 1',
      '- cities.2.programmes: programmes should not be empty',
      '- city grenoble appears twice',
      '- programme lyon-cadres appears twice',
      '- exitClasses: unknown exit reason PROMOTION',
      '- exitClasses.EMPLOYMENT: unknown class GOOD',
    ]);
  });
});

describe('The built-in catalogue', () => {
  // The built-in catalogue (docs/outcomes.md): codes are the API's values.
  const DESIGN_TABLE = [
    {
      code: 'paris',
      name: 'Paris',
      country: 'FR',
      timeZone: 'Europe/Paris',
      positiveExitTarget: 0.6,
      programmes: {
        'paris-gatp': { positiveExitRate: 0.6, jobReturnRate: null, businessCreationRate: null },
        'paris-rmi': { positiveExitRate: null, jobReturnRate: 0.5, businessCreationRate: null },
        'paris-pionnieres': { positiveExitRate: null, jobReturnRate: null, businessCreationRate: 0.8 },
        'paris-tiers-secteur': { positiveExitRate: null, jobReturnRate: null, businessCreationRate: null },
      },
      partners: [
        'ddee',
        'anpe-gare-de-lyon',
        'ffge',
        'cgpme-75',
        'cfdt-cadres',
        'carrefours-emploi',
        'paris-pionnieres',
        'astrolabe-conseil',
        'emmaus-france',
      ],
    },
    {
      code: 'frankfurt',
      name: 'Frankfurt am Main',
      country: 'DE',
      timeZone: 'Europe/Berlin',
      positiveExitTarget: 0.6,
      programmes: {
        'frankfurt-test-group': { positiveExitRate: 0.6, jobReturnRate: null, businessCreationRate: null },
        'frankfurt-kompass': { positiveExitRate: null, jobReturnRate: null, businessCreationRate: null },
      },
      partners: ['agentur-fuer-arbeit', 'kompass', 'ggfb', 'swa', 'zfw'],
    },
    {
      code: 'stockholm',
      name: 'Stockholm',
      country: 'SE',
      timeZone: 'Europe/Stockholm',
      positiveExitTarget: 0.6,
      programmes: {
        'stockholm-test-group': { positiveExitRate: 0.6, jobReturnRate: null, businessCreationRate: null },
      },
      partners: ['jobbtorg-stockholm'],
    },
  ];

  it("has the built-in catalogue's cities, programmes with their targets, and partners", () => {
    const actual = BUILT_IN_CATALOGUE.cities.map((city) => ({
      code: city.code,
      name: city.name,
      country: city.country,
      timeZone: city.timeZone,
      positiveExitTarget: city.positiveExitTarget,
      programmes: Object.fromEntries(city.programmes.map((p) => [p.code, p.targets])),
      partners: city.partners.map((p) => p.code),
    }));
    expect(actual).toEqual(DESIGN_TABLE);
  });

  it('gives every programme and partner a name', () => {
    for (const city of BUILT_IN_CATALOGUE.cities) {
      for (const entry of [...city.programmes, ...city.partners]) expect(entry.name.trim()).not.toBe('');
    }
  });

  it('is itself a valid catalogue file', () => {
    const folder = tempDir('journey-catalogue-');
    try {
      const path = folder.file('built-in.json');
      writeFileSync(path, JSON.stringify(BUILT_IN_CATALOGUE));
      expect(loadCatalogueFile(path)).toEqual(BUILT_IN_CATALOGUE);
    } finally {
      folder.remove();
    }
  });
});
