import {
  buildErrorEnvelope,
  buildSuccessEnvelope,
  withFreshTransid,
  type VendorEnvelope,
} from '../envelope/envelope';
import { httpStatusFor } from '../envelope/vendor-codes';
import { EMPTY_FIXTURES } from '../fixtures/load-fixtures';
import type { MockOptions } from '../options';
import type { Outcome } from '../outcome/outcome';
import { generateRecords } from '../profiles/generate-records';
import type { CompiledOperation } from '../spec/compile-operation';
import { SpecError } from '../spec/load-spec';

/** A response ready to send: HTTP status, JSON body and its vendor code. */
export interface PreparedResponse {
  status: number;
  body: unknown;
  /** The `code` of the body, when it has one. */
  code: string | undefined;
}

/** Builds the response for the outcome of one request. */
export type Responder = (outcome: Outcome, seed: number) => PreparedResponse;

/** The path of the operation whose bodies the mock knows how to build. */
const APP_PROFILE_PATH = /\/customerappprofile\/\{appId\}$/;

/**
 * Checks at start-up that the mock can build responses for an operation of
 * the spec, so an edited spec fails once instead of on every request.
 */
export function assertServable(operation: CompiledOperation, specFile: string): void {
  if (operation.method === 'get' && APP_PROFILE_PATH.test(operation.path)) return;
  throw new SpecError(
    `Spec ${specFile} declares ${operation.method.toUpperCase()} ${operation.path}, but the mock builds responses for GET .../customerappprofile/{appId} only: remove that operation.`,
  );
}

/**
 * Creates the responder of Get App Profile: a fixture or a generated profile
 * for 1000, the vendor envelope for an error code, a named example of the
 * spec, or a body given by a scenario. Built bodies get a fresh `transid`,
 * as the real service sends; a scenario body is sent as given.
 */
export function createAppProfileResponder(options: MockOptions): Responder {
  const fixtures = options.fixtures ?? EMPTY_FIXTURES;
  const policy = options.errorStatus ?? '200';

  return (outcome, seed) => {
    const { response } = outcome;
    if (response.kind === 'body') {
      return {
        status: response.status ?? 200,
        body: response.body,
        code: readCode(response.body),
      };
    }
    const body = buildBody(outcome, options, seed, fixtures);
    const status = response.status ?? httpStatusFor(body.code, policy);
    return { status, body, code: body.code };
  };
}

function buildBody(
  outcome: Outcome,
  options: MockOptions,
  seed: number,
  fixtures: NonNullable<MockOptions['fixtures']>,
): VendorEnvelope {
  const { response } = outcome;
  if (response.kind === 'example') {
    const example = options.spec.examples.get(response.name);
    return withFreshTransid(example?.value as VendorEnvelope);
  }
  if (response.kind === 'code' && response.code !== '1000') {
    return buildErrorEnvelope(response.code);
  }

  const appId = String(outcome.parameters.appId ?? '');
  const identifier = String(outcome.parameters.identifier ?? '');
  const fixture = fixtures.get(appId, identifier);
  if (fixture) return withFreshTransid(fixture);
  return buildSuccessEnvelope(generateRecords(seed, appId, identifier));
}

function readCode(body: unknown): string | undefined {
  const code = (body as { code?: unknown } | null)?.code;
  return code === undefined ? undefined : String(code);
}
