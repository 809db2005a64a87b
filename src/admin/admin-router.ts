import { Router, type Request, type Response } from 'express';

import { ProblemError, sendProblem } from '../http/problem';
import type { MockState } from '../sessions/mock-state';
import { requireAdminToken } from './admin-auth';
import { armOutcome, clearArmed, getArmed } from './arm-handlers';
import { clearRequests, listRequests } from './journal-handlers';
import {
  getScenarios,
  putScenarios,
  resetScenarios,
  resetSession,
} from './scenario-handlers';

/** Path prefix of the admin API, as in WireMock. */
export const ADMIN_PREFIX = '/__admin';

export interface AdminOptions {
  /** Token every admin call but health and readiness must send. */
  token?: string;
}

/**
 * Creates the admin API router, described in spec/admin.openapi.yaml.
 * Health and readiness stay open so probes need no token.
 *
 * @example
 * app.use(ADMIN_PREFIX, createAdminRouter(state, { token: 's3cret' }));
 */
export function createAdminRouter(
  state: MockState,
  options: AdminOptions = {},
): Router {
  const router = Router();
  router.get('/health', (_req, res) => res.json({ status: 'ok' }));
  router.get('/ready', (_req, res) => {
    res.json({
      ready: true,
      scenarios: state.fileScenarios.scenarios.length,
      source: state.fileScenarios.source,
    });
  });
  if (options.token !== undefined) router.use(requireAdminToken(options.token));

  router.get('/scenarios', getScenarios(state));
  router.put('/scenarios', putScenarios(state));
  router.delete('/scenarios', resetScenarios(state));
  router.post('/reset', resetSession(state));
  router.post('/arm', armOutcome(state));
  router.get('/arm', getArmed(state));
  router.delete('/arm', clearArmed(state));
  router.get('/requests', listRequests(state));
  router.delete('/requests', clearRequests(state));
  rejectOtherAdminMethods(router);
  router.use(rejectUnknownAdminRoute);
  return router;
}

/** The methods of each admin path, for the Allow header of a 405. */
const ADMIN_METHODS: Record<string, string[]> = {
  '/health': ['GET', 'HEAD'],
  '/ready': ['GET', 'HEAD'],
  '/scenarios': ['GET', 'HEAD', 'PUT', 'DELETE'],
  '/reset': ['POST'],
  '/arm': ['GET', 'HEAD', 'POST', 'DELETE'],
  '/requests': ['GET', 'HEAD', 'DELETE'],
};

function rejectOtherAdminMethods(router: Router): void {
  for (const [path, methods] of Object.entries(ADMIN_METHODS)) {
    router.all(path, (req: Request, res: Response) => {
      res.set('Allow', methods.join(', '));
      sendProblem(
        res,
        new ProblemError(
          'method-not-allowed',
          `${req.method} is not an admin operation on ${ADMIN_PREFIX}${path}: use ${methods.join(' or ')}.`,
          { allowed: methods },
        ),
      );
    });
  }
}

function rejectUnknownAdminRoute(req: Request, res: Response): void {
  sendProblem(
    res,
    new ProblemError(
      'not-found',
      `No admin endpoint matches ${req.method} ${req.originalUrl}: see spec/admin.openapi.yaml for the endpoints.`,
    ),
  );
}
