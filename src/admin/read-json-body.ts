import type { Request } from 'express';

import { ProblemError } from '../http/problem';

/**
 * Parses the raw body of an admin request as JSON. The app reads every body
 * raw, because the vendor checks GET bodies itself, so admin routes parse
 * theirs here. Throws an invalid-request ProblemError naming the problem.
 */
export function readJsonBody(req: Request): unknown {
  const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  if (text.trim() === '') {
    throw new ProblemError(
      'invalid-request',
      `${req.method} ${req.originalUrl} needs a JSON body: send one with Content-Type application/json.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProblemError(
      'invalid-request',
      `The body of ${req.method} ${req.originalUrl} is not valid JSON: ${(error as Error).message}.`,
    );
  }
}
