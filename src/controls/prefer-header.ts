/** One preference of a `Prefer` header, RFC 7240. */
export interface Preference {
  name: string;
  value: string | undefined;
  /** Whether preference parameters (`; name=value`) follow the value. */
  hasParameters: boolean;
}

/**
 * Splits a `Prefer` header into preferences. Node joins repeated `Prefer`
 * headers with ", ", which is also the list separator of RFC 7240, so both
 * forms read the same. Preference parameters (`; name=value`) are noted,
 * not parsed, because no control of the mock takes any.
 */
export function parsePreferHeader(header: string): {
  preferences: Preference[];
  malformed: string[];
} {
  const preferences: Preference[] = [];
  const malformed: string[] = [];

  for (const item of splitOutsideQuotes(header, ',')) {
    const text = item.trim();
    if (text === '') continue;
    const [head = '', ...parameters] = splitOutsideQuotes(text, ';');
    const preference = parsePreference(head.trim(), parameters.length > 0);
    if (preference) preferences.push(preference);
    else malformed.push(text);
  }
  return { preferences, malformed };
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const QUOTED = /^"(?:[^"\\]|\\.)*"$/;
const BARE_VALUE = /^[^\s;"]*$/;

/**
 * Parses `name` or `name=value` without a regular expression over the whole
 * item, because nested quantifiers there backtrack quadratically on long
 * runs of spaces.
 */
function parsePreference(text: string, hasParameters: boolean): Preference | undefined {
  const equals = text.indexOf('=');
  const name = (equals === -1 ? text : text.slice(0, equals)).trim().toLowerCase();
  if (!TOKEN.test(name)) return undefined;
  if (equals === -1) return { name, value: undefined, hasParameters };

  const value = text.slice(equals + 1).trim();
  if (QUOTED.test(value)) return { name, value: unquote(value), hasParameters };
  if (BARE_VALUE.test(value)) return { name, value, hasParameters };
  return undefined;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"' && text[i - 1] !== '\\') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}
