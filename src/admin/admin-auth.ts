import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

import { ProblemError, sendProblem } from '../http/problem';

/** The header that can carry the admin token instead of Authorization. */
export const ADMIN_TOKEN_HEADER = 'x-admin-token';

/**
 * Creates middleware that admits a request with the admin token, sent as
 * `Authorization: Bearer <token>` or in `x-admin-token`. Both sides are
 * hashed before the constant-time compare, so neither the content nor the
 * length of the token leaks through timing.
 *
 * @example
 * router.use(requireAdminToken(process.env.ADMIN_TOKEN));
 */
export function requireAdminToken(token: string) {
  const expected = digest(token);
  return (req: Request, res: Response, next: NextFunction): void => {
    const sent = readToken(req);
    if (sent !== undefined && timingSafeEqual(digest(sent), expected)) {
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer realm="imiconnect-mock admin"');
    sendProblem(
      res,
      new ProblemError(
        'admin-unauthorized',
        `The admin API needs the token given to --admin-token: send "Authorization: Bearer <token>" or "${ADMIN_TOKEN_HEADER}: <token>".`,
      ),
    );
  };
}

function readToken(req: Request): string | undefined {
  const header = req.headers[ADMIN_TOKEN_HEADER];
  if (typeof header === 'string') return header;
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1]?.trim();
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
