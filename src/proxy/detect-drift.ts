import type { CompiledOperation } from '../spec/compile-operation';
import { SUCCESS_SCHEMA_NAME, type CompiledSpec } from '../spec/load-spec';
import type { Validator } from '../spec/schema-compiler';
import type { UpstreamResponse } from '../upstream/forward-request';
import { readJsonBody } from '../upstream/read-json-body';
import { findUndeclaredProperties } from './find-undeclared-properties';

/** The component schema of an error body. */
const ERROR_SCHEMA_NAME = 'ErrorResponse';

/** Validates upstream responses of one operation against the spec. */
export type DriftDetector = (operation: CompiledOperation, response: UpstreamResponse) => string[];

/**
 * Creates the check of the validating proxy. A response drifts when its
 * body is not JSON, when its HTTP status is not declared, when it does not
 * match the operation's response schema, or when it has properties that
 * the envelope does not declare. The response schema accepts the success
 * or the error envelope, and a mismatch of both lists the violations of
 * both. So the violations reported are those of the envelope that the body
 * claims by its `code`.
 *
 * @example
 * const detectDrift = createDriftDetector(spec);
 * detectDrift(operation, response); // ['/code must be string']
 */
export function createDriftDetector(spec: CompiledSpec): DriftDetector {
  const envelopes = compileEnvelopes(spec);

  return (operation, response) => {
    const parsed = readJsonBody(response.headers, response.body);
    if (!parsed.ok) return [`(root) ${parsed.reason}`];

    const violations = operation.validateResponse(response.status, parsed.value);
    if (!declaresStatus(operation, response.status)) return violations;
    const envelope = claimsSuccess(parsed.value) ? envelopes.success : envelopes.error;
    if (violations.length === 0) return findUndeclaredProperties(envelope.schema, parsed.value);

    const envelopeViolations = envelope.validate(parsed.value);
    return envelopeViolations.length > 0 ? envelopeViolations : violations;
  };
}

/** An envelope schema and its compiled validator. */
interface Envelope {
  schema: object;
  validate: Validator;
}

function compileEnvelopes(spec: CompiledSpec): { success: Envelope; error: Envelope } {
  return {
    success: compileEnvelope(spec, SUCCESS_SCHEMA_NAME),
    error: compileEnvelope(spec, ERROR_SCHEMA_NAME),
  };
}

/** Compiles a component schema; a spec without it checks nothing more. */
function compileEnvelope(spec: CompiledSpec, name: string): Envelope {
  const schema = spec.document.components?.schemas?.[name];
  if (!schema) return { schema: {}, validate: () => [] };
  return { schema, validate: spec.compiler.compile(schema) };
}

/** Tells whether the operation declares a response for the status, as validateResponse looks it up. */
function declaresStatus(operation: CompiledOperation, status: number): boolean {
  const declared = [...operation.responseExamples.keys()].map((key) => key.toUpperCase());
  return [String(status), `${String(status)[0]}XX`, 'DEFAULT'].some((key) => declared.includes(key));
}

/** Tells whether a body claims success, by its `code` or its `Status`. */
function claimsSuccess(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { code, Status } = body as { code?: unknown; Status?: unknown };
  return String(code) === '1000' || (code === undefined && Status === 0);
}
