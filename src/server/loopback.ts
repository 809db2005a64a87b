import { isIP } from 'node:net';
import type { Logger } from 'pino';

/**
 * Tells whether a listen host only accepts connections from this machine:
 * `localhost`, 127.0.0.0/8, ::1 or an IPv4-mapped loopback address.
 *
 * @example
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('0.0.0.0'); // false
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const ipv4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(ipv4) === 4 && ipv4.startsWith('127.');
}

/**
 * Logs a warning when the server listens on an address that other machines
 * can reach, because by default the mock accepts any key. A second warning
 * names an admin API left open without a token, which anyone on the network
 * could then use to replace scenarios or read the journal.
 *
 * @example
 * warnIfNotLoopback(logger, running.host, { adminWithoutToken: true });
 */
export function warnIfNotLoopback(
  logger: Logger,
  host: string,
  { adminWithoutToken = false }: { adminWithoutToken?: boolean } = {},
): void {
  if (isLoopbackHost(host)) return;
  logger.warn(
    { host },
    'listening on a non-loopback address: other machines can reach the mock; pass --host 127.0.0.1 to keep it local',
  );
  if (!adminWithoutToken) return;
  logger.warn(
    { host },
    'the admin API is open to other machines without a token: pass --admin-token TOKEN, or --no-admin',
  );
}
