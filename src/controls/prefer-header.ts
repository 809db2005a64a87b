/** One preference of a `Prefer` header, RFC 7240. */
export interface Preference {
  name: string;
  value: string | undefined;
}

/**
 * Splits a `Prefer` header into preferences. Node joins repeated `Prefer`
 * headers with ", ", which is also the list separator of RFC 7240, so both
 * forms read the same. No control of the mock takes preference parameters
 * (`; name=value`), so an item with them is returned as malformed.
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
    const preference = parsePreference(text);
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
function parsePreference(text: string): Preference | undefined {
  const equals = text.indexOf('=');
  const name = (equals === -1 ? text : text.slice(0, equals)).trim();
  if (!TOKEN.test(name)) return undefined;
  if (equals === -1) return { name: name.toLowerCase(), value: undefined };

  const value = text.slice(equals + 1).trim();
  if (QUOTED.test(value)) return { name: name.toLowerCase(), value: unquote(value) };
  if (BARE_VALUE.test(value)) return { name: name.toLowerCase(), value };
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
