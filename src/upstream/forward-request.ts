import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';

import { copyEndToEndHeaders } from './forwarded-headers';
import { UpstreamError } from './upstream-error';

/** Default time allowed for a whole upstream exchange, in milliseconds. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;

/** Largest upstream body read, in bytes; a larger one is an invalid response. */
export const MAX_UPSTREAM_BODY_BYTES = 10 * 1024 * 1024;

/** Upstream base URL and timeout of forwarded requests. */
export interface UpstreamTarget {
  /** Base URL; the request path is appended to its path. */
  url: URL;
  /** Time allowed from connecting to the last byte of the body, in ms. */
  timeoutMs: number;
}

/** The request to forward, as the client sent it. */
export interface ForwardedRequest {
  method: string;
  /** Path and query string, such as `/resources/v2/x?identifier=u`. */
  pathAndQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The complete upstream response. */
export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends a request to the upstream and reads its whole response. It drops
 * hop-by-hop headers and `accept-encoding`, so the body arrives unencoded
 * and can be validated. Rejects with an UpstreamError when the service
 * cannot be reached, resets the connection, exceeds the timeout or sends
 * more than MAX_UPSTREAM_BODY_BYTES.
 *
 * @example
 * const response = await forwardRequest(
 *   { url: new URL('http://127.0.0.1:8080'), timeoutMs: 10_000 },
 *   { method: 'GET', pathAndQuery: '/x', headers: {}, body: Buffer.alloc(0) },
 * );
 */
export function forwardRequest(
  target: UpstreamTarget,
  request: ForwardedRequest,
): Promise<UpstreamResponse> {
  const url = buildUpstreamUrl(target.url, request.pathAndQuery);
  const headers = copyEndToEndHeaders(request.headers, ['accept-encoding']);
  if (request.body.length > 0) headers['content-length'] = request.body.length;

  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const outgoing = client.request(url, { method: request.method, headers });
    // Settles once: a timeout destroys the request, which then also errors.
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(toUpstreamError(error));
      outgoing.destroy();
    };
    const timer = setTimeout(() => fail(timeoutError(target.timeoutMs)), target.timeoutMs);

    outgoing.on('response', (incoming) => {
      readBody(incoming).then((body) => {
        clearTimeout(timer);
        resolve({ status: incoming.statusCode ?? 502, headers: incoming.headers, body });
      }, fail);
    });
    outgoing.on('error', fail);
    outgoing.end(request.body);
  });
}

/** Joins the base URL's path prefix and the request's path and query. */
export function buildUpstreamUrl(base: URL, pathAndQuery: string): URL {
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${base.origin}${prefix}${pathAndQuery}`);
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPSTREAM_BODY_BYTES) {
        reject(new UpstreamError('invalid-response', `The upstream body is larger than ${MAX_UPSTREAM_BODY_BYTES} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function timeoutError(timeoutMs: number): UpstreamError {
  return new UpstreamError(
    'timeout',
    `The upstream request timed out after ${timeoutMs} ms without a complete response: check that the service is up, or raise --upstream-timeout.`,
  );
}

function toUpstreamError(error: Error): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new UpstreamError(
    'unavailable',
    `Failed to reach the upstream: ${error.message}. Check the --upstream URL and that the service is reachable.`,
    code,
  );
}
