import { isIPv4, isIPv6 } from 'node:net';

/**
 * Returns `length` pseudo-random bytes for an input, the same bytes for the
 * same input. The recorder backs it with an HMAC keyed by a secret of the
 * recording.
 */
export type Keystream = (input: string, length: number) => Buffer;

const EMAIL = /^([^@\s]+)@[^@\s]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(.*)$/s;
/** Runs of letters or digits; everything between them is kept as written. */
const TOKEN = /[\p{L}\p{N}]+/gu;
/** Documentation address ranges of RFC 5737, which no real host uses. */
const TEST_NETS = ['192.0.2', '198.51.100', '203.0.113'];
const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const MAX_ATTEMPTS = 16;

/**
 * Builds a synthetic value with the format of a real one. Digits stay
 * digits of the same length, letters stay letters of the same case, and hex
 * stays hex. A UUID keeps its version and variant, an email moves to
 * example.com, an IP address moves to a documentation range, and a date
 * stays a valid date. Separators such as `-`, `_`, `.` and spaces stay in
 * place, and each run of letters or digits is replaced on its own, so a
 * composite value such as `<userId>_<deviceId>` keeps pointing at the same
 * synthetic parts.
 *
 * @example
 * synthesizeValue('447700900614', keystream); // 12 digits, such as '803316275290'
 */
export function synthesizeValue(value: string, keystream: Keystream): string {
  if (value.trim() === '') return value;
  const email = EMAIL.exec(value);
  if (email) return `${replaceTokens(email[1] ?? '', keystream)}@example.com`;
  if (isIPv4(value)) return synthesizeIpv4(value, keystream);
  if (isIPv6(value)) return synthesizeIpv6(value, keystream);
  if (UUID.test(value)) return synthesizeUuid(value, keystream);
  const date = DATE.exec(value);
  if (date) return synthesizeDate(value, date[4] ?? '', keystream);
  return replaceTokens(value, keystream);
}

function replaceTokens(value: string, keystream: Keystream): string {
  return value.replace(TOKEN, (token) => synthesizeToken(token, keystream));
}

/** Replaces one run of letters or digits, never with itself. */
function synthesizeToken(token: string, keystream: Keystream): string {
  const characters = [...token];
  let synthetic = token;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && synthetic === token; attempt += 1) {
    const bytes = keystream(`token:${attempt}:${token}`, characters.length);
    synthetic = characters
      .map((character, index) => substituteCharacter(token, character, index, bytes[index] ?? 0))
      .join('');
  }
  return synthetic;
}

function substituteCharacter(token: string, character: string, index: number, byte: number): string {
  const hexCase = detectHexCase(token);
  if (hexCase !== undefined) {
    const alphabet = hexCase === 'upper' ? '0123456789ABCDEF' : '0123456789abcdef';
    return pick(alphabet, byte);
  }
  if (/\p{N}/u.test(character)) return substituteDigit(token, index, byte);
  if (/\p{Lu}/u.test(character)) return pick(UPPER, byte);
  return pick(LOWER, byte);
}

/**
 * Keeps whether a number starts with zero, so the same digits read as a
 * string and as a JSON number map alike.
 */
function substituteDigit(token: string, index: number, byte: number): string {
  if (index > 0 || token.length === 1 || !/^\p{N}+$/u.test(token)) return pick(DIGITS, byte);
  return token.startsWith('0') ? '0' : pick(DIGITS.slice(1), byte);
}

/** Tells whether a token is hex with at least one letter, and its case. */
function detectHexCase(token: string): 'lower' | 'upper' | undefined {
  if (!/[a-f]/i.test(token)) return undefined;
  if (/^[0-9a-f]+$/.test(token)) return 'lower';
  if (/^[0-9A-F]+$/.test(token)) return 'upper';
  return undefined;
}

function synthesizeUuid(value: string, keystream: Keystream): string {
  const characters = [...replaceTokens(value, keystream)];
  // Position 14 is the version and 19 the variant; keeping them keeps a
  // valid UUID of the same version.
  characters[14] = value[14] ?? '4';
  characters[19] = value[19] ?? '8';
  return characters.join('');
}

function synthesizeIpv4(value: string, keystream: Keystream): string {
  const bytes = keystream(`ipv4:${value}`, 2);
  const network = TEST_NETS[(bytes[0] ?? 0) % TEST_NETS.length];
  return `${network}.${1 + ((bytes[1] ?? 0) % 254)}`;
}

function synthesizeIpv6(value: string, keystream: Keystream): string {
  const hex = keystream(`ipv6:${value}`, 4).toString('hex');
  return `2001:db8::${hex.slice(0, 4)}:${hex.slice(4, 8)}`;
}

/** Picks a valid date from 1950 to 2004, keeping any time part. */
function synthesizeDate(value: string, rest: string, keystream: Keystream): string {
  const bytes = keystream(`date:${value}`, 3);
  const year = 1950 + ((bytes[0] ?? 0) % 55);
  const month = 1 + ((bytes[1] ?? 0) % 12);
  const day = 1 + ((bytes[2] ?? 0) % 28);
  return `${year}-${pad(month)}-${pad(day)}${rest}`;
}

function pad(number: number): string {
  return String(number).padStart(2, '0');
}

function pick(alphabet: string, byte: number): string {
  return alphabet[byte % alphabet.length] ?? alphabet[0] ?? '';
}
