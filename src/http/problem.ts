import type { Response } from 'express';

/**
 * The mock's own errors, sent as RFC 9457 problem details so they can never
 * be mistaken for a vendor response. Each type is listed, with its cause and
 * fix, in the error catalogue of docs/errors.md.
 */
export const PROBLEM_TYPES = {
  'invalid-control': { title: 'Invalid mock control', status: 400 },
  'conflicting-controls': { title: 'Conflicting mock controls', status: 422 },
  'invalid-request': { title: 'Invalid HTTP request', status: 400 },
  'payload-too-large': { title: 'Request body too large', status: 413 },
  'unsupported-encoding': { title: 'Unsupported Content-Encoding', status: 415 },
  'upstream-unavailable': { title: 'Upstream unavailable', status: 502 },
  'upstream-invalid-response': { title: 'Invalid upstream response', status: 502 },
  'upstream-timeout': { title: 'Upstream timed out', status: 504 },
  'request-timeout': { title: 'Request timeout', status: 408 },
  'header-too-large': { title: 'Request Header Fields Too Large', status: 431 },
  'not-found': { title: 'No operation at this path', status: 404 },
  'method-not-allowed': { title: 'Method not allowed', status: 405 },
  'internal-error': { title: 'Internal mock error', status: 500 },
  'invalid-session': { title: 'Invalid mock session', status: 400 },
  'invalid-scenarios': { title: 'Invalid scenarios', status: 400 },
  'invalid-arming': { title: 'Invalid armed outcome', status: 400 },
  'admin-unauthorized': { title: 'Admin token missing or wrong', status: 401 },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** A problem details object, RFC 9457. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

/** An error of the mock itself, rendered as problem+json. */
export class ProblemError extends Error {
  override name = 'ProblemError';

  constructor(
    readonly problemType: ProblemType,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  toProblem(): Problem {
    const { title, status } = PROBLEM_TYPES[this.problemType];
    return {
      type: `urn:imiconnect-mock:problem:${this.problemType}`,
      title,
      status,
      detail: this.message,
      ...this.extensions,
    };
  }
}

export function sendProblem(res: Response, error: ProblemError): void {
  const problem = error.toProblem();
  res.locals.outcome = `problem:${error.problemType}`;
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify(problem));
}
