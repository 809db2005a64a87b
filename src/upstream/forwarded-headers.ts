import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/**
 * Headers that belong to one connection and are never forwarded: those RFC
 * 9110 section 7.6.1 names, plus the proxy credentials of the older RFC
 * 2616 list. `host` and `content-length` are set again for the new request
 * or response.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

/**
 * Copies the end-to-end headers of a message, dropping hop-by-hop headers
 * and those that the `Connection` header names.
 *
 * @example
 * const headers = copyEndToEndHeaders(req.headers, ['accept-encoding']);
 */
export function copyEndToEndHeaders(
  headers: IncomingHttpHeaders,
  alsoDrop: readonly string[] = [],
): OutgoingHttpHeaders {
  const dropped = new Set([...HOP_BY_HOP, ...alsoDrop, ...listConnectionHeaders(headers)]);
  const copy: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !dropped.has(name)) copy[name] = value;
  }
  return copy;
}

function listConnectionHeaders(headers: IncomingHttpHeaders): string[] {
  const connection = headers.connection ?? '';
  return connection
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}
