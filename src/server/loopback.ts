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
 * can reach, because by default the mock accepts any key.
 *
 * @example
 * warnIfNotLoopback(logger, running.host);
 */
export function warnIfNotLoopback(logger: Logger, host: string): void {
  if (isLoopbackHost(host)) return;
  logger.warn(
    { host },
    'listening on a non-loopback address: other machines can reach the mock; pass --host 127.0.0.1 to keep it local',
  );
}
