import type { IncomingHttpHeaders } from 'node:http';

import type {
  CompiledOperation,
  CompiledParameter,
  CredentialLocation,
} from '../spec/compile-operation';
import type { Query } from '../controls/parse-controls';
import type { VendorCode } from '../envelope/vendor-codes';

/** The parts of a request that the natural checks read. */
export interface RequestParts {
  headers: IncomingHttpHeaders;
  query: Query;
  pathParams: Record<string, string>;
  /** The raw request body; empty when the request has none. */
  body: Buffer;
}

/** Key policy: any non-empty key is accepted, or only those listed. */
export type KeyPolicy = { kind: 'any' } | { kind: 'list'; keys: ReadonlySet<string> };

/** The result of the natural checks: the vendor code and why. */
export interface CheckResult {
  code: VendorCode;
  reason: string;
  /** Parameter values by name, for the checks that passed. */
  parameters: Record<string, unknown>;
}

/**
 * Applies the vendor's checks in the mock's documented order and returns the
 * first that fails: a body that is not valid JSON (7000), a missing or
 * rejected credential (7001), a required parameter that is missing or does
 * not match its schema (7003). Everything passing gives 1000. The vendor
 * documents the codes but not which one wins, so the order is the mock's.
 */
export function runNaturalChecks(
  request: RequestParts,
  operation: CompiledOperation,
  keyPolicy: KeyPolicy,
): CheckResult {
  if (!isJsonOrEmpty(request.body)) {
    return { code: '7000', reason: 'request body is not valid JSON', parameters: {} };
  }

  if (!isAuthorized(request, operation.security, keyPolicy)) {
    return { code: '7001', reason: 'key missing or not accepted', parameters: {} };
  }

  const parameters: Record<string, unknown> = {};
  for (const parameter of operation.parameters) {
    const value = readParameter(request, parameter);
    if (value === undefined) {
      if (!parameter.required) continue;
      return { code: '7003', reason: `${parameter.name} missing`, parameters };
    }
    const violations = parameter.validate(value);
    if (violations.length > 0) {
      return { code: '7003', reason: `${parameter.name} invalid`, parameters };
    }
    parameters[parameter.name] = value;
  }

  return { code: '1000', reason: 'checks passed', parameters };
}

function isJsonOrEmpty(body: Buffer): boolean {
  const text = body.toString('utf8');
  if (text.trim() === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isAuthorized(
  request: RequestParts,
  alternatives: CredentialLocation[][],
  keyPolicy: KeyPolicy,
): boolean {
  if (alternatives.length === 0) return true;
  return alternatives.some((credentials) =>
    credentials.every((credential) =>
      isAccepted(readCredential(request, credential), keyPolicy),
    ),
  );
}

function readCredential(
  request: RequestParts,
  credential: CredentialLocation,
): string | undefined {
  const source = credential.in === 'header' ? request.headers : request.query;
  return firstValue(source[credential.name]);
}

function isAccepted(value: string | undefined, keyPolicy: KeyPolicy): boolean {
  if (value === undefined || value.trim() === '') return false;
  return keyPolicy.kind === 'any' || keyPolicy.keys.has(value);
}

/**
 * Reads a parameter as its schema expects it. A repeated query key gives
 * its first value unless the schema takes an array, as a Java servlet's
 * getParameter does.
 */
function readParameter(
  request: RequestParts,
  parameter: CompiledParameter,
): unknown {
  const raw =
    parameter.in === 'path'
      ? request.pathParams[parameter.name]
      : parameter.in === 'query'
        ? request.query[parameter.name]
        : request.headers[parameter.name];
  if (raw === undefined || !parameter.isArray) return firstValue(raw);
  return Array.isArray(raw) ? raw : [raw];
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
