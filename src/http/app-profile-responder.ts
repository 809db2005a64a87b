import type { Response } from 'express';

import {
  buildErrorEnvelope,
  withFreshTransid,
  type VendorEnvelope,
} from '../envelope/envelope';
import { renderSuccessText } from '../envelope/success-text';
import { httpStatusFor } from '../envelope/vendor-codes';
import { EMPTY_FIXTURES } from '../fixtures/load-fixtures';
import type { MockOptions } from '../options';
import type { Outcome } from '../outcome/choose-outcome';
import { createRecordCache, type RecordCache } from '../profiles/record-cache';
import type { CompiledOperation } from '../spec/compile-operation';
import { ProblemError, sendProblem } from './problem';
import { sendJsonText } from './send-json';

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
  const records = createRecordCache();

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

    const body = buildBody(outcome, { options, seed, fixtures, records });
    res.locals.outcome = body.code;
    sendJsonText(res, httpStatusFor(body.code, policy), body.text);
  };
}

/** What a body is built from, besides the outcome. */
interface BodySources {
  options: MockOptions;
  seed: number;
  fixtures: NonNullable<MockOptions['fixtures']>;
  records: RecordCache;
}

/** A vendor body as JSON text, with the code it carries. */
interface BodyText {
  code: string;
  text: string;
}

function buildBody(outcome: Outcome, sources: BodySources): BodyText {
  if (outcome.kind === 'example') {
    const example = sources.options.spec.examples.get(outcome.name);
    return serialize(withFreshTransid(example?.value as VendorEnvelope));
  }
  if (outcome.code !== '1000') {
    return serialize(buildErrorEnvelope(outcome.code));
  }

  const appId = String(outcome.parameters.appId ?? '');
  const identifier = String(outcome.parameters.identifier ?? '');
  const fixture = sources.fixtures.get(appId, identifier);
  if (fixture) return serialize(withFreshTransid(fixture));
  const recordsJson = sources.records.getRecordsJson(sources.seed, appId, identifier);
  return { code: '1000', text: renderSuccessText(recordsJson) };
}

function serialize(envelope: VendorEnvelope): BodyText {
  return { code: envelope.code, text: JSON.stringify(envelope) };
}
