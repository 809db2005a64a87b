import { isNeutralValue } from './personal-columns';
import type { Pseudonymizer } from './pseudonymizer';

/** The properties of each level of the envelope that the spec declares. */
export const DECLARED_PROPERTIES = {
  envelope: new Set(['Status', 'Description', 'code', 'transid', 'Records']),
  record: new Set(['Attributes', 'InwardLinks', 'OutwardLinks']),
  link: new Set(['ProfileID', 'ProfileName', 'Records']),
  column: new Set(['Name', 'Value', 'ID']),
};

/**
 * Replaces every string and number inside the properties of `target` that
 * `declared` does not list, and returns their names prefixed with `path`.
 * A property the spec does not describe may carry anything, so its values
 * are treated as personal, except empty values and flags.
 *
 * @example
 * anonymizeExtraProperties(record, DECLARED_PROPERTIES.record, 'Records[]', pseudonymizer, replaced);
 */
export function anonymizeExtraProperties(
  target: Record<string, unknown>,
  declared: ReadonlySet<string>,
  path: string,
  pseudonymizer: Pseudonymizer,
  replaced: Set<string>,
): string[] {
  const extra = Object.keys(target).filter((name) => !declared.has(name));
  for (const name of extra) {
    target[name] = replaceLeaves(target[name], pseudonymizer, replaced);
  }
  return extra.map((name) => `${path}${path ? '.' : ''}${name}`);
}

function replaceLeaves(value: unknown, pseudonymizer: Pseudonymizer, replaced: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => replaceLeaves(item, pseudonymizer, replaced));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, child]) => [key, replaceLeaves(child, pseudonymizer, replaced)]);
    return Object.fromEntries(entries);
  }
  if ((typeof value !== 'string' && typeof value !== 'number') || isNeutralValue(value)) return value;

  const real = String(value);
  replaced.add(real);
  const synthetic = pseudonymizer.replace(real);
  if (typeof value === 'string') return synthetic;
  return Number.isFinite(Number(synthetic)) ? Number(synthetic) : 0;
}
