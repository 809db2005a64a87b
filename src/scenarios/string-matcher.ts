import { DefinitionError } from './definition-error';
import type { StringMatcherDefinition } from './scenario-document';

/** Tests a request value; `undefined` means the value was not sent. */
export type StringMatcher = (value: string | undefined) => boolean;

/**
 * Compiles a matcher of the scenario file once, at load time: a plain
 * string or `exact` compares, `glob` turns into an anchored regular
 * expression, `regex` is used unanchored, `present` tests presence.
 *
 * @example
 * const matches = compileStringMatcher({ glob: 'flaky-*' }, '/match/identifier');
 * matches('flaky-7'); // true
 */
export function compileStringMatcher(
  definition: StringMatcherDefinition,
  pointer: string,
): StringMatcher {
  if (typeof definition === 'string') return (value) => value === definition;
  if ('exact' in definition) return (value) => value === definition.exact;
  if ('present' in definition) {
    return (value) => (value !== undefined) === definition.present;
  }
  const pattern =
    'glob' in definition
      ? globToRegExp(definition.glob)
      : compileRegExp(definition.regex, `${pointer}/regex`);
  return (value) => value !== undefined && pattern.test(value);
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 's');
}

function compileRegExp(source: string, pointer: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    throw new DefinitionError(
      pointer,
      `invalid regular expression "${source}": ${(error as Error).message}`,
    );
  }
}
