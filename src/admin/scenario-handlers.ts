import type { Request, Response } from 'express';

import { ProblemError } from '../http/problem';
import { compileScenarios } from '../scenarios/compile-scenarios';
import { DefinitionError } from '../scenarios/definition-error';
import { validateScenarioDocument } from '../scenarios/validate-document';
import type { MockState } from '../sessions/mock-state';
import { readSessionId } from '../sessions/read-session-id';
import { readJsonBody } from './read-json-body';

/** GET /__admin/scenarios: the scenarios the session matches against. */
export function getScenarios(state: MockState) {
  return (req: Request, res: Response): void => {
    const session = state.getSession(readSessionId(req.headers));
    const { scenarios } = state.runtimeOf(session);
    res.json({
      session: session.id,
      source: scenarios.source,
      scenarios: scenarios.document.scenarios,
    });
  };
}

/** PUT /__admin/scenarios: replaces the session's scenarios with a validated document. */
export function putScenarios(state: MockState) {
  return (req: Request, res: Response): void => {
    const session = state.getSession(readSessionId(req.headers));
    const compiled = compileOrReject('invalid-scenarios', () =>
      compileScenarios(
        validateScenarioDocument(readJsonBody(req)),
        'admin',
        state.context,
      ),
    );
    state.setSessionScenarios(session, compiled);
    res.json({
      session: session.id,
      source: compiled.source,
      count: compiled.scenarios.length,
    });
  };
}

/** DELETE /__admin/scenarios: back to the scenario file, with fresh counters. */
export function resetScenarios(state: MockState) {
  return (req: Request, res: Response): void => {
    state.setSessionScenarios(
      state.getSession(readSessionId(req.headers)),
      undefined,
    );
    res.status(204).end();
  };
}

/** POST /__admin/reset: drops the session's armed outcomes, scenarios, counters and journal. */
export function resetSession(state: MockState) {
  return (req: Request, res: Response): void => {
    state.resetSession(readSessionId(req.headers));
    res.status(204).end();
  };
}

/**
 * Runs a compile step and turns its DefinitionError into a problem that
 * names the JSON pointer of the bad field.
 */
export function compileOrReject<T>(
  type: 'invalid-scenarios' | 'invalid-arming',
  compile: () => T,
): T {
  try {
    return compile();
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    throw new ProblemError(
      type,
      `Invalid ${type === 'invalid-scenarios' ? 'scenarios' : 'armed outcome'} at ${error.pointer || '/'}: ${error.message}. Fix the body and send it again.`,
      { pointer: error.pointer },
    );
  }
}
