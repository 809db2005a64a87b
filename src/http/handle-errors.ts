import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

import { ProblemError, sendProblem } from './problem';

interface HttpError extends Error {
  status?: number;
  type?: string;
  limit?: number;
}

/**
 * Turns every error into problem+json: the mock's own ProblemErrors, the
 * body parser's errors (too large, bad encoding) and Express's 400 for a
 * path that is not valid percent-encoding. Anything else is a bug of the
 * mock: logged, and sent as 500.
 */
export function handleErrors(logger: Logger) {
  return (error: HttpError, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) {
      logger.error({ err: error, path: req.path }, 'failed after the response started');
      res.destroy(error);
      return;
    }
    sendProblem(res, toProblemError(error, req, logger));
  };
}

function toProblemError(error: HttpError, req: Request, logger: Logger): ProblemError {
  if (error instanceof ProblemError) return error;

  if (error.type === 'entity.too.large') {
    return new ProblemError(
      'payload-too-large',
      `The request body is larger than ${error.limit} bytes: send a smaller body or start the mock with a larger --max-body.`,
      { limit: error.limit },
    );
  }
  if (error.type === 'encoding.unsupported') {
    return new ProblemError(
      'unsupported-encoding',
      `${error.message}: send the body uncompressed or with gzip, deflate or br.`,
    );
  }
  if (error.status !== undefined && error.status >= 400 && error.status < 500) {
    return new ProblemError(
      'invalid-request',
      `The request could not be read: ${error.message}.`,
    );
  }

  logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
  return new ProblemError(
    'internal-error',
    'The mock failed to answer this request; its log has the error.',
  );
}
