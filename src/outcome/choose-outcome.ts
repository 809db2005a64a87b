import type { MockControls } from '../controls/control-definitions';
import type { VendorCode } from '../envelope/vendor-codes';
import type { CompiledOperation } from '../spec/compile-operation';
import { runNaturalChecks, type KeyPolicy, type RequestParts } from './natural-checks';

/** What one request gets. */
export type Outcome =
  | {
      kind: 'code';
      code: VendorCode;
      /** `forced`, or the natural check that decided the code. */
      reason: string;
      parameters: Record<string, unknown>;
    }
  | { kind: 'example'; name: string; parameters: Record<string, unknown> };

/**
 * Picks the outcome of a request: a named example or a code that the caller
 * forced, or else the result of the natural checks. Forced outcomes skip the
 * checks, so a request without a key can still ask for 1000.
 */
export function chooseOutcome(
  controls: MockControls,
  request: RequestParts,
  operation: CompiledOperation,
  keyPolicy: KeyPolicy,
): Outcome {
  if (controls.example !== undefined) {
    const parameters = readPresentParameters(request);
    return { kind: 'example', name: controls.example, parameters };
  }
  if (controls.code !== undefined) {
    const parameters = readPresentParameters(request);
    return { kind: 'code', code: controls.code, reason: 'forced', parameters };
  }

  const { code, reason, parameters } = runNaturalChecks(request, operation, keyPolicy);
  return { kind: 'code', code, reason, parameters };
}

/**
 * Reads the path and query values as sent, so a forced 1000 answers for the
 * user the request names even when a check would have failed.
 */
function readPresentParameters(request: RequestParts): Record<string, unknown> {
  const parameters: Record<string, unknown> = { ...request.pathParams };
  for (const [name, value] of Object.entries(request.query)) {
    parameters[name] = Array.isArray(value) ? value[0] : value;
  }
  return parameters;
}
