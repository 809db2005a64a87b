import type { Response } from 'express';

import {
  buildErrorEnvelope,
  buildSuccessEnvelope,
  withFreshTransid,
  type VendorEnvelope,
} from '../envelope/envelope';
import { httpStatusFor } from '../envelope/vendor-codes';
import { EMPTY_FIXTURES } from '../fixtures/load-fixtures';
import type { MockOptions } from '../options';
import type { Outcome } from '../outcome/choose-outcome';
import { generateRecords } from '../profiles/generate-records';
import type { CompiledOperation } from '../spec/compile-operation';
import { ProblemError, sendProblem } from './problem';

/** Sends the response for an outcome of one operation. */
export type Responder = (
  res: Response,
  operation: CompiledOperation,
  outcome: Outcome,
  seed: number,
) => void;

/** The path of the operation whose bodies the mock knows how to build. */
const APP_PROFILE_PATH = /\/customerappprofile\/\{appId\}$/;

/**
 * Creates the responder of Get App Profile: a fixture or a generated profile
 * for 1000, the vendor envelope for an error code, or a named example of the
 * spec. Every body gets a fresh `transid`, as the real service sends.
 */
export function createAppProfileResponder(options: MockOptions): Responder {
  const fixtures = options.fixtures ?? EMPTY_FIXTURES;
  const policy = options.errorStatus ?? '200';

  return (res, operation, outcome, seed) => {
    if (operation.method !== 'get' || !APP_PROFILE_PATH.test(operation.path)) {
      sendProblem(
        res,
        new ProblemError(
          'not-implemented',
          `The mock builds responses for GET .../customerappprofile/{appId} only, not for ${operation.method.toUpperCase()} ${operation.path}.`,
        ),
      );
      return;
    }

    const body = buildBody(outcome, options, seed, fixtures);
    res.locals.outcome = body.code;
    res.status(httpStatusFor(body.code, policy)).json(body);
  };
}

function buildBody(
  outcome: Outcome,
  options: MockOptions,
  seed: number,
  fixtures: NonNullable<MockOptions['fixtures']>,
): VendorEnvelope {
  if (outcome.kind === 'example') {
    const example = options.spec.examples.get(outcome.name);
    return withFreshTransid(example?.value as VendorEnvelope);
  }
  if (outcome.code !== '1000') {
    return buildErrorEnvelope(outcome.code);
  }

  const appId = String(outcome.parameters.appId ?? '');
  const identifier = String(outcome.parameters.identifier ?? '');
  const fixture = fixtures.get(appId, identifier);
  if (fixture) return withFreshTransid(fixture);
  return buildSuccessEnvelope(generateRecords(seed, appId, identifier));
}
