import type { Faker } from '@faker-js/faker';

const TOKEN_CHARACTERS =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** UTC offsets in minutes, for `last_opened` values as devices report them. */
const UTC_OFFSETS = [0, 60, 120, 180, 240, 330, 480, 540, 600, -180, -300, -360, -420, -480];

/** Makes a Firebase Cloud Messaging registration token: `<instance id>:<token>`. */
export function makeFcmToken(faker: Faker): string {
  const instanceId = faker.string.fromCharacters(TOKEN_CHARACTERS, 22);
  const token = faker.string.fromCharacters(TOKEN_CHARACTERS, 134);
  return `${instanceId}:APA91b${token}`;
}

/** Makes an APNs device token: 64 hex digits. */
export function makeApnsToken(faker: Faker): string {
  return faker.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' });
}

/** Formats a date as `createdOn` is sent: `YYYY-MM-DD HH:mm:ss`, UTC. */
export function formatCreatedOn(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Formats a date as `last_opened` is sent: ISO 8601 local time with a
 * `+hhmm` offset and no milliseconds, such as `2018-01-21T16:39:54+0530`.
 */
export function formatLastOpened(faker: Faker, date: Date): string {
  const offset = faker.helpers.arrayElement(UTC_OFFSETS);
  const local = new Date(date.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${hours}${minutes}`;
}
