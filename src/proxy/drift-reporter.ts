import type { Logger } from 'pino';

/** The request whose response drifted, as logged: never headers or query. */
export interface DriftContext {
  method: string;
  path: string;
  operationId: string | undefined;
  status: number;
}

/** Logs drift: the violations in full once, then a count for repeats. */
export type DriftReporter = (context: DriftContext, violations: readonly string[]) => void;

/** Distinct kinds of drift remembered for counting repeats. */
const MAX_REMEMBERED = 1000;

/**
 * Creates the drift log of the proxy. The first response with a given set
 * of violations logs all of them at warn level. A later response with the
 * same set logs one line with the first violation and a count, so a busy
 * client does not flood the log.
 *
 * @example
 * const report = createDriftReporter(logger);
 * report({ method: 'GET', path: '/x', operationId: 'getAppProfile', status: 200 }, ['/code must be string']);
 */
export function createDriftReporter(logger: Logger): DriftReporter {
  const seen = new Map<string, number>();

  return (context, violations) => {
    const kind = [context.operationId, context.status, ...violations].join('\n');
    const count = (seen.get(kind) ?? 0) + 1;
    if (seen.size < MAX_REMEMBERED || seen.has(kind)) seen.set(kind, count);

    const line = { ...context, violationCount: violations.length };
    if (count === 1) {
      logger.warn({ ...line, violations }, 'upstream response drifts from the spec');
    } else {
      logger.warn({ ...line, firstViolation: violations[0], seen: count }, 'upstream response drifts from the spec again');
    }
  };
}
