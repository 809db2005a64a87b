import express, { type Express, type Request, type Response } from 'express';
import pino, { type Logger } from 'pino';

import { handleErrors } from '../http/handle-errors';
import { logRequests } from '../http/request-log';
import { DEFAULT_MAX_BODY_BYTES } from '../options';
import type { CompiledSpec } from '../spec/load-spec';
import {
  forwardClientRequest,
  passThrough,
  type ForwardingContext,
} from '../upstream/forward-client-request';
import { DEFAULT_UPSTREAM_TIMEOUT_MS, type UpstreamResponse } from '../upstream/forward-request';
import { describeUpstream } from '../upstream/upstream-url';
import { createDriftDetector, type DriftDetector } from './detect-drift';
import { DRIFT_HEADER, formatDriftHeader, UNCHECKED } from './drift-header';
import { createDriftReporter, type DriftReporter } from './drift-reporter';
import { createOperationMatcher, type OperationMatcher } from './match-operation';

/** Options of `createProxyApp`. */
export interface ProxyOptions {
  spec: CompiledSpec;
  /** Base URL of the real service. There is no default. */
  upstream: URL;
  /** Time allowed for one upstream exchange, in ms. Default: 10000. */
  upstreamTimeoutMs?: number;
  logger?: Logger;
}

interface ProxyContext extends ForwardingContext {
  match: OperationMatcher;
  detectDrift: DriftDetector;
  reportDrift: DriftReporter;
}

/**
 * Builds the app of `proxy`. It forwards every request unchanged to the
 * upstream and validates each response of an operation of the spec against
 * that operation's response schema. The client gets the same status,
 * headers and body, plus the `x-imiconnect-mock-drift` header.
 * Drift is logged with its violations, never with headers or the key.
 *
 * @example
 * const app = createProxyApp({ spec, upstream: new URL('http://127.0.0.1:8080') });
 */
export function createProxyApp(options: ProxyOptions): Express {
  const logger = options.logger ?? pino({ level: 'silent' });
  const context: ProxyContext = {
    target: { url: options.upstream, timeoutMs: options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS },
    upstream: describeUpstream(options.upstream),
    logger,
    match: createOperationMatcher(options.spec.operations),
    detectDrift: createDriftDetector(options.spec),
    reportDrift: createDriftReporter(logger),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(logRequests(logger));
  app.use(express.raw({ type: () => true, limit: DEFAULT_MAX_BODY_BYTES }));
  // Express 5 passes a rejected promise of a handler to the error handler.
  app.use((req: Request, res: Response) => proxyExchange(req, res, context));
  app.use(handleErrors(logger));
  return app;
}

async function proxyExchange(req: Request, res: Response, context: ProxyContext): Promise<void> {
  const response = await forwardClientRequest(req, res, context);
  if (!response) return;

  res.set(DRIFT_HEADER, checkResponse(req, res, response, context));
  passThrough(res, response);
}

/** Validates the response and returns the drift header value. */
function checkResponse(
  req: Request,
  res: Response,
  response: UpstreamResponse,
  context: ProxyContext,
): string {
  const operation = context.match(req.method, req.path);
  if (!operation) {
    res.locals.outcome = 'upstream:unchecked';
    return UNCHECKED;
  }

  const violations = context.detectDrift(operation, response);
  res.locals.outcome = violations.length > 0 ? 'upstream:drift' : 'upstream:conforms';
  if (violations.length > 0) {
    const { method, path } = req;
    context.reportDrift({ method, path, operationId: operation.operationId, status: response.status }, violations);
  }
  return formatDriftHeader(violations);
}
