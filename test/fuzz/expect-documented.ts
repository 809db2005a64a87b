import { PROBLEM_TYPES } from '../../src/http/problem';
import { VENDOR_CODES } from '../../src/envelope/vendor-codes';

/** The checks every response of the mock passes, whatever the request. */
export interface Answer {
  status: number;
  contentType: string | undefined;
  body: string;
}

const PROBLEM_URNS = Object.keys(PROBLEM_TYPES).map(
  (type) => `urn:imiconnect-mock:problem:${type}`,
);

/**
 * Returns why a response breaks the mock's contract, or undefined when it
 * keeps it: no 5xx, JSON with a documented vendor code, or problem+json
 * with a known problem type.
 */
export function findContractBreach({ status, contentType, body }: Answer): string | undefined {
  if (status >= 500) return `HTTP ${status}: ${body.slice(0, 200)}`;
  let parsed: { code?: unknown; type?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return `body is not JSON: ${body.slice(0, 200)}`;
  }
  if (contentType?.startsWith('application/problem+json')) {
    return PROBLEM_URNS.includes(String(parsed.type)) ? undefined : `unknown problem type ${String(parsed.type)}`;
  }
  if (!contentType?.startsWith('application/json')) return `content type ${contentType}`;
  return Object.hasOwn(VENDOR_CODES, String(parsed.code)) ? undefined : `undocumented code ${String(parsed.code)}`;
}
