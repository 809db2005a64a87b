import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { RequestHandler } from 'express';

import { PACT_FILE } from './contract-terms';

/** State handlers of the Pact Verifier, by provider state name. */
export type StateHandlers = NonNullable<VerifierOptions['stateHandlers']>;

export interface ContractRun {
  /** The provider under test, such as `http://127.0.0.1:40123`. */
  providerBaseUrl: string;
  /** Pact files to replay. Default: the committed contract. */
  pactFiles?: string[];
  stateHandlers: StateHandlers;
  /** Changes each request before it reaches the provider. */
  requestFilter?: RequestHandler;
}

/**
 * Replays pact files against a provider with the Pact Verifier and rejects
 * when an interaction does not match. It reads local files only: no
 * `provider` name is passed, because with one the verifier would also
 * fetch pacts from `PACT_BROKER_BASE_URL` when that variable is set.
 *
 * @example
 * await verifyContracts({ providerBaseUrl: running.url, stateHandlers: {} });
 */
export function verifyContracts(run: ContractRun): Promise<string> {
  const verifier = new Verifier({
    providerBaseUrl: run.providerBaseUrl,
    pactUrls: run.pactFiles ?? [PACT_FILE],
    stateHandlers: run.stateHandlers,
    requestFilter: run.requestFilter,
    proxyHost: '127.0.0.1',
    logLevel: 'error',
  });
  return verifier.verifyProvider();
}
