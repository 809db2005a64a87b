import type { RequestHandler } from 'express';

import { STATES } from './contract-terms';
import type { StateHandlers } from './verify-contracts';

/**
 * The spec example that Prism serves for each provider state, asked for
 * with Prism's own `Prefer: example=<name>`. States without an entry need
 * no steering, because Prism responds to them from its own checks.
 */
const EXAMPLE_BY_STATE: Record<string, string> = {
  [STATES.linkedUser]: 'linked-single-device',
  [STATES.unlinkedUser]: 'unlinked-device',
  [STATES.rejectedKey]: 'authentication-failed',
};

/**
 * Interactions that `prism mock` cannot reproduce from spec/openapi.yaml,
 * with the reason. The Prism test verifies every other interaction and
 * checks that each of these still fails, so the list stays true.
 */
export const PRISM_GAPS: Record<string, string> = {
  'a request for the app profile of a user with several devices':
    'no example in the spec has more than one record, and dynamic mode picks the number of records at random',
  'a request without an identifier':
    "Prism's parameter check answers 400 first, with a body built from the ErrorResponse schema example, whose code is 7001, not 7003",
};

/**
 * Creates the state handlers and request filter that steer `prism mock`
 * through its `Prefer` header.
 *
 * @example
 * await verifyContracts({ providerBaseUrl: prism.url, ...createPrismStates() });
 */
export function createPrismStates(): { stateHandlers: StateHandlers; requestFilter: RequestHandler } {
  let example: string | undefined;

  const stateHandlers: StateHandlers = {};
  for (const state of Object.values(STATES)) {
    stateHandlers[state] = async () => {
      example = EXAMPLE_BY_STATE[state];
      return undefined;
    };
  }

  const requestFilter: RequestHandler = (req, _res, next) => {
    if (example !== undefined) req.headers.prefer = `example=${example}`;
    next();
  };
  return { stateHandlers, requestFilter };
}
