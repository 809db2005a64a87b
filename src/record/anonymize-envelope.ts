import type { Column, ProfileLink, VendorEnvelope } from '../envelope/envelope';
import { anonymizeExtraProperties, DECLARED_PROPERTIES } from './anonymize-extra-properties';
import { classifyColumn, isNeutralValue } from './personal-columns';
import type { Pseudonymizer } from './pseudonymizer';

/** An envelope with its personal values replaced, and what was replaced. */
export interface AnonymizedEnvelope {
  envelope: VendorEnvelope;
  /** The real values that were replaced, to check the output for leaks. */
  replacedValues: Set<string>;
  /**
   * Names of replaced columns that are on neither list of known columns,
   * and paths of properties that the spec does not declare, such as
   * `Records[].Devices`.
   */
  unknownNames: Set<string>;
}

/**
 * Copies a 1000 envelope with the `Value` of every personal column replaced
 * through the pseudonymizer. Columns known to be harmless keep their value,
 * and columns of unknown names are replaced unless the value is empty or a
 * flag. Numbers stay numbers. Names, ids and the envelope fields are kept,
 * and the values inside properties that the spec does not declare are
 * replaced.
 *
 * @example
 * const { envelope } = anonymizeEnvelope(body, createPseudonymizer());
 */
export function anonymizeEnvelope(
  source: VendorEnvelope,
  pseudonymizer: Pseudonymizer,
): AnonymizedEnvelope {
  const result: AnonymizedEnvelope = {
    envelope: structuredClone(source),
    replacedValues: new Set(),
    unknownNames: new Set(),
  };
  for (const column of listColumns(result.envelope)) {
    anonymizeColumn(column, pseudonymizer, result);
  }
  anonymizeUndeclaredProperties(result, pseudonymizer);
  return result;
}

function anonymizeUndeclaredProperties(result: AnonymizedEnvelope, pseudonymizer: Pseudonymizer): void {
  const replace = (target: object, declared: ReadonlySet<string>, path: string) => {
    const names = anonymizeExtraProperties(
      target as Record<string, unknown>,
      declared,
      path,
      pseudonymizer,
      result.replacedValues,
    );
    names.forEach((name) => result.unknownNames.add(name));
  };

  replace(result.envelope, DECLARED_PROPERTIES.envelope, '');
  for (const record of result.envelope.Records) {
    replace(record, DECLARED_PROPERTIES.record, 'Records[]');
    for (const link of [...record.OutwardLinks, ...record.InwardLinks]) {
      replace(link, DECLARED_PROPERTIES.link, 'Records[].Links[]');
    }
  }
  for (const column of listColumns(result.envelope)) {
    replace(column, DECLARED_PROPERTIES.column, 'Columns[]');
  }
}

function listColumns(envelope: VendorEnvelope): Column[] {
  return envelope.Records.flatMap((record) => [
    ...record.Attributes,
    ...listLinkColumns(record.OutwardLinks),
    ...listLinkColumns(record.InwardLinks),
  ]);
}

function listLinkColumns(links: ProfileLink[]): Column[] {
  return links.flatMap((link) => link.Records.flat());
}

function anonymizeColumn(
  column: Column,
  pseudonymizer: Pseudonymizer,
  result: AnonymizedEnvelope,
): void {
  const kind = classifyColumn(column.Name);
  if (kind === 'kept') return;
  if (kind === 'unknown' && isNeutralValue(column.Value)) return;

  const real = String(column.Value);
  if (real.trim() === '') return;
  if (kind === 'unknown') result.unknownNames.add(column.Name);

  const synthetic = pseudonymizer.replace(real);
  column.Value = typeof column.Value === 'number' ? toNumber(synthetic) : synthetic;
  result.replacedValues.add(real);
}

/** Keeps a number a number; a synthetic value that does not parse becomes 0. */
function toNumber(synthetic: string): number {
  const number = Number(synthetic);
  return Number.isFinite(number) ? number : 0;
}

/**
 * Returns the replaced values of at least `minLength` characters that still
 * occur in the serialized output, for example because a harmless column
 * repeats a personal value. Shorter values are skipped, as they occur by
 * chance in dates and ids.
 *
 * @example
 * findLeakedValues(JSON.stringify(envelope), replacedValues); // []
 */
export function findLeakedValues(
  serialized: string,
  replacedValues: Iterable<string>,
  minLength = 6,
): string[] {
  return [...replacedValues].filter((value) => {
    if (value.length < minLength) return false;
    return serialized.includes(JSON.stringify(value).slice(1, -1));
  });
}
