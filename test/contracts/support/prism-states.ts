import type { RequestHandler } from 'express';

import { STATES } from './contract-terms';
import type { StateHandlers } from './verify-contracts';

/**
 * The spec example that Prism serves for each provider state, asked for
 * with Prism's own `Prefer: example=<name>`. States without an entry need
 * no steering, because Prism's own security and parameter checks answer
 * them with the first example of the spec's 401 or 400 response.
 */
const EXAMPLE_BY_STATE: Record<string, string> = {
  [STATES.linkedUser]: 'linked-single-device',
  [STATES.unlinkedUser]: 'unlinked-device',
  [STATES.severalDevices]: 'several-devices',
  [STATES.rejectedKey]: 'authentication-failed',
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
