import express, {
  type Express,
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import { parse } from 'node:querystring';
import pino from 'pino';

import { ADMIN_PREFIX, createAdminRouter } from '../admin/admin-router';
import type { CompiledOperation } from '../spec/compile-operation';
import type { KeyPolicy } from '../outcome/natural-checks';
import { createMockState, type MockState } from '../sessions/mock-state';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_SEED,
  type MockOptions,
} from '../options';
import { ProblemError, sendProblem } from './problem';
import { logRequests } from './request-log';
import { assertServable, createAppProfileResponder } from './app-profile-responder';
import { handleMockRequest, type RequestContext } from './handle-request';
import { handleErrors } from './handle-errors';

/**
 * Builds the Express app of the mock from a compiled spec. It registers one
 * route per operation of the spec and never listens: pass it to `listen`,
 * or to supertest in tests. Throws a SpecError for an operation other than
 * Get App Profile, whose responses the mock cannot build.
 *
 * @example
 * const app = createApp({ spec: await loadSpec(DEFAULT_SPEC_FILE) });
 * await request(app).get('/resources/v2/customerappprofile/a_1?identifier=u').set('key', 'k');
 */
export function createApp(options: MockOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Paths of the spec are case-sensitive, as on the vendor's Java servers.
  app.set('case sensitive routing', true);
  // Node's querystring drops every key after the 1000th, which would hide a
  // control or the identifier at the end of a long query. The header size
  // cap of the HTTP server bounds the query instead.
  app.set('query parser', (text: string) => parse(text, '&', '=', { maxKeys: 0 }));

  const logger = options.logger ?? pino({ level: 'silent' });
  app.use(logRequests(logger));
  // GET requests normally have no body, but the vendor returns 7000 for one
  // that is not JSON, so every body is read raw and checked later.
  app.use(
    express.raw({ type: () => true, limit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES }),
  );

  const state = options.state ?? createStateFor(options);
  if (options.admin !== false) {
    app.use(ADMIN_PREFIX, createAdminRouter(state, options.admin ?? {}));
  }

  const context: RequestContext = {
    options,
    state,
    respond: createAppProfileResponder(options),
    keyPolicy: toKeyPolicy(options.keys),
    seed: options.seed ?? DEFAULT_SEED,
  };
  for (const operation of options.spec.operations) {
    assertServable(operation, options.spec.file);
    app[operation.method](operation.expressPath, (req, res) => {
      handleMockRequest(req, res, operation, context);
    });
  }
  rejectOtherMethods(app, options.spec.operations);

  app.use((req: Request, res: Response) => {
    sendProblem(
      res,
      new ProblemError('not-found', `No operation of the spec matches ${req.method} ${req.path}.`),
    );
  });
  app.use(handleErrors(logger));
  return app;
}

/** Creates the run-time state when the caller did not share one. */
export function createStateFor(options: MockOptions): MockState {
  return createMockState({
    context: { examples: options.spec.examples },
    scenarios: options.scenarios,
    journalSize: options.journalSize,
    seed: options.seed,
  });
}

function toKeyPolicy(keys: readonly string[] | undefined): KeyPolicy {
  return keys === undefined ? { kind: 'any' } : { kind: 'list', keys: new Set(keys) };
}

/** Responds 405 with an Allow header for a known path and an undeclared method. */
function rejectOtherMethods(app: Express, operations: CompiledOperation[]): void {
  const methodsByPath = new Map<string, string[]>();
  for (const { expressPath, method } of operations) {
    const methods = methodsByPath.get(expressPath) ?? [];
    methods.push(method.toUpperCase());
    if (method === 'get') methods.push('HEAD');
    methodsByPath.set(expressPath, methods);
  }

  for (const [path, methods] of methodsByPath) {
    app.all(path, (req: Request, res: Response, _next: NextFunction) => {
      res.set('Allow', methods.join(', '));
      sendProblem(
        res,
        new ProblemError(
          'method-not-allowed',
          `${req.method} is not declared for ${req.path}: use ${methods.join(' or ')}.`,
          { allowed: methods },
        ),
      );
    });
  }
}
