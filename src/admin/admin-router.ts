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
  router.use(rejectUnknownAdminRoute);
  return router;
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
