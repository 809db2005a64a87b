import { ProblemError } from '../http/problem';

/** Kind of failure of a forwarded request. */
export type UpstreamFailure = 'unavailable' | 'timeout' | 'invalid-response';

/** A forwarded request that failed before a usable response arrived. */
export class UpstreamError extends Error {
  override name = 'UpstreamError';

  constructor(
    readonly failure: UpstreamFailure,
    message: string,
    /** The Node.js error code, such as ECONNREFUSED, when there is one. */
    readonly errorCode?: string,
  ) {
    super(message);
  }
}

const PROBLEM_TYPE_BY_FAILURE = {
  unavailable: 'upstream-unavailable',
  timeout: 'upstream-timeout',
  'invalid-response': 'upstream-invalid-response',
} as const;

/**
 * Converts an upstream failure into the mock's problem+json error: 502 for
 * an unreachable service or an unusable body, 504 for a timeout.
 *
 * @example
 * sendProblem(res, toUpstreamProblem(error, 'https://api.us.webexconnect.io'));
 */
export function toUpstreamProblem(error: UpstreamError, upstream: string): ProblemError {
  return new ProblemError(
    PROBLEM_TYPE_BY_FAILURE[error.failure],
    `${error.message} Upstream: ${upstream}.`,
    { upstream, ...(error.errorCode ? { errorCode: error.errorCode } : {}) },
  );
}
