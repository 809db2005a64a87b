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
    const match = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^\s;"]*))?\s*$/.exec(text);
    if (!match?.[1]) {
      malformed.push(text);
      continue;
    }
    preferences.push({ name: match[1].toLowerCase(), value: unquote(match[2]) });
  }
  return { preferences, malformed };
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

function unquote(value: string | undefined): string | undefined {
  if (value === undefined || !value.startsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}
