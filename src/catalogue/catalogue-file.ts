import { readFileSync } from 'node:fs';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  Max,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { ConfigError } from '../config/config';
import { EXIT_REASONS, OUTCOME_CLASSES } from '../journey/domain/vocabulary';
import { toFieldErrors } from '../validation/field-errors';
import { BUILT_IN_CATALOGUE } from './built-in-catalogue';
import { CASE_REFERENCE_PREFIX, caseReferencePrefixOf } from './case-reference-prefix';
import { type Catalogue, DEFAULT_TIME_ZONE } from './catalogue';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

class PartnerFile {
  @Matches(CODE) code!: string;
  @IsString() @IsNotEmpty() name!: string;
}

class TargetsFile {
  @IsOptional() @IsNumber() @Min(0) @Max(1) positiveExitRate?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) jobReturnRate?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) businessCreationRate?: number;
}

class ProgrammeFile {
  @Matches(CODE) code!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsOptional() @ValidateNested() @Type(() => TargetsFile) targets?: TargetsFile;
}

class CityFile {
  @Matches(CODE) code!: string;
  @IsString() @IsNotEmpty() name!: string;
  @Matches(/^[A-Z]{2}$/) country!: string;
  @IsOptional() @IsTimeZone({ message: 'must be an IANA time zone, such as Europe/Paris' }) timeZone?: string;
  @IsOptional() @Matches(CASE_REFERENCE_PREFIX, { message: 'must be 2 to 5 capital letters, such as PAR' }) caseReferencePrefix?: string;
  @IsNumber() @Min(0) @Max(1) positiveExitTarget!: number;
  @IsArray() @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => ProgrammeFile) programmes!: ProgrammeFile[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => PartnerFile) partners!: PartnerFile[];
}

class CatalogueFile {
  @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => CityFile) cities!: CityFile[];
  /** Overrides of the built-in exit classes, by reason. */
  @IsOptional() @IsObject() exitClasses?: Record<string, string>;
}

/** Reads a catalogue file (PROGRAMMES_FILE), refusing it whole with every problem named. */
export function loadCatalogueFile(path: string): Catalogue {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`PROGRAMMES_FILE ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ConfigError(`PROGRAMMES_FILE ${path} must hold a JSON object with a list of cities`);
  }
  const file = plainToInstance(CatalogueFile, json);
  const problems = [...toFieldErrors(validateSync(file)).map((e) => `${e.field}: ${e.message}`), ...crossChecks(file)];
  if (problems.length > 0) throw new ConfigError(`PROGRAMMES_FILE ${path} is not a valid catalogue:\n- ${problems.join('\n- ')}`);
  return {
    exitClasses: { ...BUILT_IN_CATALOGUE.exitClasses, ...(file.exitClasses as Catalogue['exitClasses']) },
    cities: file.cities.map((c) => ({
      ...c,
      timeZone: c.timeZone ?? DEFAULT_TIME_ZONE,
      programmes: c.programmes.map((p) => ({
        code: p.code,
        name: p.name,
        targets: {
          positiveExitRate: p.targets?.positiveExitRate ?? null,
          jobReturnRate: p.targets?.jobReturnRate ?? null,
          businessCreationRate: p.targets?.businessCreationRate ?? null,
        },
      })),
      partners: c.partners.map((p) => ({ code: p.code, name: p.name })),
    })),
  };
}

function crossChecks(file: CatalogueFile): string[] {
  const problems: string[] = [];
  const duplicates = (codes: string[]) => codes.filter((code, i) => codes.indexOf(code) !== i);
  // Entries that are not objects are already reported by the validation above.
  const entries = <T>(list: T[] | undefined): T[] => (Array.isArray(list) ? list.filter((item) => item !== null && typeof item === 'object') : []);
  const cities = entries(file.cities);
  for (const code of duplicates(cities.map((c) => c.code))) problems.push(`city ${code} appears twice`);
  problems.push(...prefixChecks(cities));
  const programmes = cities.flatMap((c) => entries(c.programmes).map((p) => p.code));
  for (const code of duplicates(programmes)) problems.push(`programme ${code} appears twice`);
  for (const [reason, outcome] of Object.entries(file.exitClasses ?? {})) {
    if (!(EXIT_REASONS as readonly string[]).includes(reason)) problems.push(`exitClasses: unknown exit reason ${reason}`);
    if (!(OUTCOME_CLASSES as readonly string[]).includes(outcome)) problems.push(`exitClasses.${reason}: unknown class ${outcome}`);
  }
  return problems;
}

/** Every city's references, its own prefix or the default, must say which city they are of. */
function prefixChecks(cities: CityFile[]): string[] {
  const problems: string[] = [];
  // Bad codes and prefixes are already reported by the validation, duplicated cities by crossChecks.
  const valid = (c: CityFile) => CODE.test(String(c.code)) && (c.caseReferencePrefix === undefined || CASE_REFERENCE_PREFIX.test(c.caseReferencePrefix));
  const owners = new Map<string, string>();
  for (const city of cities.filter(valid)) {
    const prefix = caseReferencePrefixOf(city);
    const owner = owners.get(prefix);
    if (owner === city.code) continue;
    if (!CASE_REFERENCE_PREFIX.test(prefix)) problems.push(`city ${city.code}: its code has fewer than two letters, so it needs a caseReferencePrefix`);
    else if (owner !== undefined) problems.push(`cities ${owner} and ${city.code} have the same case reference prefix ${prefix}: give one a caseReferencePrefix`);
    else owners.set(prefix, city.code);
  }
  return problems;
}
