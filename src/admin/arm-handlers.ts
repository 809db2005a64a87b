import type { Request, Response } from 'express';

import { compileOutcome } from '../scenarios/compile-outcome';
import { DefinitionError, joinPointer } from '../scenarios/definition-error';
import { validateOutcomeDefinition } from '../scenarios/validate-document';
import type { MockState } from '../sessions/mock-state';
import { readSessionId } from '../sessions/read-session-id';
import { readJsonBody } from './read-json-body';
import { compileOrReject } from './scenario-handlers';

/** Most requests one arming call may cover. */
export const MAX_ARM_COUNT = 100_000;

/** POST /__admin/arm: the next `count` requests of the session get `outcome`. */
export function armOutcome(state: MockState) {
  return (req: Request, res: Response): void => {
    const session = state.getSession(readSessionId(req.headers));
    const body = readJsonBody(req) as {
      outcome?: unknown;
      count?: unknown;
    } | null;
    const entry = compileOrReject('invalid-arming', () => {
      rejectUnknownProperties(body);
      const count = readCount(body?.count);
      const definition = validateOutcomeDefinition(body?.outcome, '/outcome');
      return {
        definition,
        plan: compileOutcome(definition, '/outcome', state.context),
        remaining: count,
      };
    });
    session.armed.arm(entry);
    res.status(201).json({ session: session.id, armed: listArmed(state, req) });
  };
}

/** GET /__admin/arm: the outcomes still armed, first served first. */
export function getArmed(state: MockState) {
  return (req: Request, res: Response): void => {
    const session = state.getSession(readSessionId(req.headers));
    res.json({ session: session.id, armed: listArmed(state, req) });
  };
}

/** DELETE /__admin/arm: disarms every outcome of the session. */
export function clearArmed(state: MockState) {
  return (req: Request, res: Response): void => {
    state.getSession(readSessionId(req.headers)).armed.clear();
    res.status(204).end();
  };
}

function listArmed(state: MockState, req: Request) {
  const session = state.getSession(readSessionId(req.headers));
  return session.armed
    .list()
    .map(({ definition, remaining }) => ({ outcome: definition, remaining }));
}

/** The properties of an arming request, as spec/admin.openapi.yaml declares them. */
const ARM_PROPERTIES = new Set(['outcome', 'count']);

function rejectUnknownProperties(body: object | null): void {
  const unknown = Object.keys(body ?? {}).find((name) => !ARM_PROPERTIES.has(name));
  if (unknown === undefined) return;
  throw new DefinitionError(
    joinPointer('', unknown),
    `must NOT have additional property "${unknown}"; an arming request takes outcome and count only`,
  );
}

function readCount(value: unknown): number {
  if (value === undefined) return 1;
  if (
    Number.isInteger(value) &&
    (value as number) >= 1 &&
    (value as number) <= MAX_ARM_COUNT
  ) {
    return value as number;
  }
  throw new DefinitionError(
    '/count',
    `count must be an integer from 1 to ${MAX_ARM_COUNT}, not ${JSON.stringify(value)}`,
  );
}
