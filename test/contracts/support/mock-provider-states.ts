import type { RequestHandler } from 'express';

import type { AppProfileRecord } from '../../../src/envelope/envelope';
import { generateRecords } from '../../../src/profiles/generate-records';
import { STATES } from './contract-terms';
import type { StateHandlers } from './verify-contracts';

/** Seeds tried before a state gives up; shapes that the generator makes at all turn up early. */
const MAX_SEED = 5_000;

type RecordsCheck = (records: AppProfileRecord[]) => boolean;

const isLinked = (record: AppProfileRecord) => record.OutwardLinks.length > 0;

/** What the generated records of each user state must look like. */
const USER_SHAPES: Record<string, RecordsCheck> = {
  [STATES.linkedUser]: (records) => records.length === 1 && records.every(isLinked),
  [STATES.unlinkedUser]: (records) => records.length === 1 && !records.some(isLinked),
  [STATES.severalDevices]: (records) => records.length >= 2,
};

/**
 * Finds the first seed for which the mock generates records of the wanted
 * shape for (appId, identifier). Generation is deterministic per (seed,
 * appId, identifier), so the state holds on every run without fixtures.
 *
 * @example
 * findSeed('a_1', 'user-1', (records) => records.length >= 2); // 3
 */
export function findSeed(appId: string, identifier: string, check: RecordsCheck): number {
  for (let seed = 1; seed <= MAX_SEED; seed += 1) {
    if (check(generateRecords(seed, appId, identifier))) return seed;
  }
  throw new Error(
    `No seed from 1 to ${MAX_SEED} generates the wanted records for appId ${appId}, identifier ${identifier}: check the generator in src/profiles.`,
  );
}

/**
 * Creates the state handlers and request filter that steer the mock. A user
 * state picks a seed and the filter sends it as `Prefer: seed=N`. The key
 * states need nothing, because the mock is started with `keys` set to the
 * contract's accepted key, so a missing or other key gets 7001 naturally.
 */
export function createMockStates(): { stateHandlers: StateHandlers; requestFilter: RequestHandler } {
  let seed: number | undefined;

  const stateHandlers: StateHandlers = {
    [STATES.rejectedKey]: async () => {
      seed = undefined;
      return undefined;
    },
    [STATES.anyUser]: async () => {
      seed = undefined;
      return undefined;
    },
  };
  for (const [state, check] of Object.entries(USER_SHAPES)) {
    stateHandlers[state] = async (params?: unknown) => {
      const { appId, identifier } = params as { appId: string; identifier: string };
      seed = findSeed(appId, identifier, check);
      return undefined;
    };
  }

  const requestFilter: RequestHandler = (req, _res, next) => {
    if (seed !== undefined) req.headers.prefer = `seed=${seed}`;
    next();
  };
  return { stateHandlers, requestFilter };
}
