import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Names and values that the consumer tests write into the pact file and
 * that every provider verification reads back.
 */
export const CONSUMER_NAME = 'app-profile-client';
export const PROVIDER_NAME = 'imiconnect-profile-api';

/**
 * Finds the repository root from this file, which also runs compiled from
 * `.scripts-build/` by `npm run verify:real`.
 */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const ROOT_DIR = findRoot(__dirname);
export const CONTRACTS_DIR = join(ROOT_DIR, 'contracts');
export const PACT_FILE = join(CONTRACTS_DIR, `${CONSUMER_NAME}-${PROVIDER_NAME}.json`);

export const APP_ID = 'a_636035705699961900';

/** A key in the format of the vendor's samples; providers accept it in their states. */
export const ACCEPTED_KEY = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** A key that no tenant has; in the state `STATES.rejectedKey` the provider rejects it. */
export const REJECTED_KEY = 'rejected-0000-4000-8000-000000000000';

/**
 * The provider states of the contract. Each user state carries the appId and
 * identifier of its request as parameters, so a provider can prepare that
 * user without parsing the request.
 */
export const STATES = {
  linkedUser: 'an app user linked to a customer profile',
  unlinkedUser: 'an app user whose devices are not linked to a customer',
  severalDevices: 'an app user with several devices',
  rejectedKey: 'the key is not accepted',
  anyUser: 'an app user exists',
} as const;

export type StateName = (typeof STATES)[keyof typeof STATES];

/** Identifiers of the users in the contract, one per user state. */
export const USERS = {
  linked: 'user-linked-1',
  unlinked: 'user-unlinked-1',
  severalDevices: 'user-several-devices-1',
} as const;
