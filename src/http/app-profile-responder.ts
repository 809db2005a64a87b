import {
  buildErrorEnvelope,
  withFreshTransid,
  type VendorEnvelope,
} from '../envelope/envelope';
import { renderSuccessText } from '../envelope/success-text';
import { httpStatusFor } from '../envelope/vendor-codes';
import { EMPTY_FIXTURES } from '../fixtures/load-fixtures';
import type { MockOptions } from '../options';
import type { Outcome } from '../outcome/outcome';
import { createRecordCache, type RecordCache } from '../profiles/record-cache';
import type { CompiledOperation } from '../spec/compile-operation';
import { SpecError } from '../spec/load-spec';

/** A response ready to send: HTTP status, serialized JSON body and its vendor code. */
export interface PreparedResponse {
  status: number;
  /** The body as JSON text, serialized once so the send step only writes it. */
  text: string;
  /** The `code` of the body, when it has one. */
  code: string | undefined;
}

/** Builds the response for the outcome of one request. */
export type Responder = (outcome: Outcome, seed: number) => PreparedResponse;

/** The path of the only operation whose bodies the mock builds. */
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
 * as the real service sends; a scenario body is sent as given. Generated
 * records are cached as JSON text per (seed, appId, identifier).
 */
export function createAppProfileResponder(options: MockOptions): Responder {
  const sources: BodySources = {
    options,
    fixtures: options.fixtures ?? EMPTY_FIXTURES,
    records: createRecordCache(),
  };
  const policy = options.errorStatus ?? '200';

  return (outcome, seed) => {
    const { response } = outcome;
    if (response.kind === 'body') {
      return {
        status: response.status ?? 200,
        text: JSON.stringify(response.body),
        code: readCode(response.body),
      };
    }
    const body = buildBody(outcome, seed, sources);
    const status = response.status ?? httpStatusFor(body.code, policy);
    return { status, text: body.text, code: body.code };
  };
}

/** Sources of a body, besides the outcome and the seed. */
interface BodySources {
  options: MockOptions;
  fixtures: NonNullable<MockOptions['fixtures']>;
  records: RecordCache;
}

/** A vendor body as JSON text, with the code it carries. */
interface BodyText {
  code: string;
  text: string;
}

function buildBody(outcome: Outcome, seed: number, sources: BodySources): BodyText {
  const { response } = outcome;
  if (response.kind === 'example') {
    const example = sources.options.spec.examples.get(response.name);
    return serialize(withFreshTransid(example?.value as VendorEnvelope));
  }
  if (response.kind === 'code' && response.code !== '1000') {
    return serialize(buildErrorEnvelope(response.code));
  }

  const appId = String(outcome.parameters.appId ?? '');
  const identifier = String(outcome.parameters.identifier ?? '');
  const fixture = sources.fixtures.get(appId, identifier);
  if (fixture) return serialize(withFreshTransid(fixture));
  const recordsJson = sources.records.getRecordsJson(seed, appId, identifier);
  return { code: '1000', text: renderSuccessText(recordsJson) };
}

function serialize(envelope: VendorEnvelope): BodyText {
  return { code: envelope.code, text: JSON.stringify(envelope) };
}

function readCode(body: unknown): string | undefined {
  const code = (body as { code?: unknown } | null)?.code;
  return code === undefined ? undefined : String(code);
}
