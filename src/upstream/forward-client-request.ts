import type { Request, Response } from 'express';
import type { Logger } from 'pino';

import { ProblemError, sendProblem } from '../http/problem';
import { copyEndToEndHeaders } from './forwarded-headers';
import { forwardRequest, type UpstreamResponse, type UpstreamTarget } from './forward-request';
import { toUpstreamProblem, UpstreamError } from './upstream-error';

/** Settings of `forwardClientRequest`. */
export interface ForwardingContext {
  target: UpstreamTarget;
  /** The upstream URL as logged, without credentials. */
  upstream: string;
  logger: Logger;
  /** Key sent instead of the client's `key` header, when set. */
  key?: string | undefined;
}

/**
 * Forwards the client's request (method, path, query, headers and body) to
 * the upstream. On an upstream failure it logs one line, sends the client a
 * 502 or 504 problem and returns undefined.
 *
 * @example
 * const response = await forwardClientRequest(req, res, context);
 * if (response) passThrough(res, response);
 */
export async function forwardClientRequest(
  req: Request,
  res: Response,
  context: ForwardingContext,
): Promise<UpstreamResponse | undefined> {
  if (hasDotSegment(req.path)) {
    sendProblem(
      res,
      new ProblemError(
        'invalid-request',
        `The path ${req.path} has a "." or ".." segment, which the upstream would resolve to another endpoint, so nothing was sent upstream.`,
      ),
    );
    return undefined;
  }
  const headers = { ...req.headers };
  if (context.key !== undefined) headers.key = context.key;
  try {
    return await forwardRequest(context.target, {
      method: req.method,
      pathAndQuery: req.originalUrl,
      headers,
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    });
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    const { failure, errorCode } = error;
    context.logger.error(
      { method: req.method, path: req.path, upstream: context.upstream, failure, errorCode },
      `upstream request failed: ${error.message}`,
    );
    sendProblem(res, toUpstreamProblem(error, context.upstream));
    return undefined;
  }
}

/**
 * Tells whether a path has a `.` or `..` segment, also percent-encoded
 * (`%2e%2e`). URL parsers resolve those (WHATWG URL treats `%2e` as a dot),
 * so `/customerappprofile/%2e%2e` would reach another endpoint upstream.
 */
function hasDotSegment(path: string): boolean {
  return path.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/**
 * Sends the upstream status, end-to-end headers and body to the client,
 * byte for byte. Node sets `content-length` for the body again, except for
 * HEAD, whose response carries the upstream's value.
 *
 * @example
 * passThrough(res, { status: 200, headers: {}, body: Buffer.from('{}') });
 */
export function passThrough(res: Response, response: UpstreamResponse): void {
  res.status(response.status);
  for (const [name, value] of Object.entries(copyEndToEndHeaders(response.headers))) {
    if (value !== undefined) res.setHeader(name, value);
  }
  const contentLength = response.headers['content-length'];
  if (res.req.method === 'HEAD' && contentLength !== undefined) {
    res.setHeader('content-length', contentLength);
  }
  res.end(response.body);
}
