import type { VendorCode } from '../envelope/vendor-codes';
import type { FaultName } from '../faults/fault-names';
import type { DelaySampler } from '../scenarios/delay';

/** The body of a response, and optionally its HTTP status. */
export type ResponseChoice =
  | { kind: 'code'; code: VendorCode; status?: number }
  | { kind: 'example'; name: string; status?: number }
  | { kind: 'body'; body: unknown; status?: number };

/**
 * A partial outcome from a control, an armed entry or a scenario. Every
 * part is optional, so a plan with only a delay leaves the body to the next
 * step.
 */
export interface OutcomePlan {
  response?: ResponseChoice;
  delay?: DelaySampler;
  fault?: FaultName;
}

/** The step of the pipeline that decided the outcome. */
export type OutcomeSource = 'control' | 'armed' | 'scenario' | 'natural';

/** The outcome of one request: a body, and at send time a delay or a fault. */
export interface Outcome {
  response: ResponseChoice;
  /** Milliseconds to wait before sending, already drawn and capped. */
  delayMs: number;
  fault?: FaultName;
  source: OutcomeSource;
  /** The scenario name, the natural check, or `forced`. */
  reason: string;
  /** Path and query values, for the profile generator and fixtures. */
  parameters: Record<string, unknown>;
}
