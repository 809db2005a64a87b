import type { NextFunction, Request, Response } from 'express';
import pino, { type Logger } from 'pino';

import { CREDENTIAL_HEADERS } from '../journal/journal';

/**
 * Header paths that never reach a log: the same credential headers that the
 * journal drops, such as the vendor's `key` and `secretKey`.
 */
export const REDACTED_PATHS = [...CREDENTIAL_HEADERS].map((name) => `headers["${name}"]`);

/**
 * Creates the mock's pino logger. It writes to standard error unless given
 * another stream, so standard output carries only the `listening on` line.
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    { level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination,
  );
}

/**
 * Logs one line per request when its response is finished: method, path,
 * outcome, HTTP status and duration. Headers are logged at debug level
 * only, through the redact list.
 */
export function logRequests(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    // 'close' also fires for responses a fault cut short, which never finish.
    res.once('close', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const line = {
        method: req.method,
        path: req.path,
        outcome: res.locals.outcome as string | undefined,
        fault: res.locals.fault as string | undefined,
        status: res.statusCode,
        ms: Math.round(ms * 100) / 100,
      };
      if (logger.isLevelEnabled('debug')) {
        logger.debug({ ...line, headers: req.headers }, 'request');
      } else {
        logger.info(line, 'request');
      }
    });
    next();
  };
}
