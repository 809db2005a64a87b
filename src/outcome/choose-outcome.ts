import type { MockControls } from '../controls/control-definitions';
import type { CompiledOperation } from '../spec/compile-operation';
import type { MockState, Session } from '../sessions/mock-state';
import type { Random } from '../scenarios/seeded-random';
import type { MatchInput } from '../scenarios/compile-scenarios';
import {
  runNaturalChecks,
  type KeyPolicy,
  type RequestParts,
} from './natural-checks';
import type { Outcome, OutcomePlan, OutcomeSource } from './outcome';

/** Everything the outcome of one request depends on. */
export interface OutcomeInputs {
  controls: MockControls;
  request: RequestParts;
  operation: CompiledOperation;
  keyPolicy: KeyPolicy;
  state: MockState;
  session: Session;
}

/** A plan from one step of the order, with where it came from. */
interface Decision {
  plan: OutcomePlan;
  source: OutcomeSource;
  reason: string;
  random: Random;
}

/**
 * Picks the outcome of a request in this order: forced by its controls,
 * armed through the admin API, matched by a scenario, else the natural
 * checks. The first step that sets a body or a fault decides, and later
 * steps are not consulted, so an armed outcome is only used up by a request
 * that reaches it. The delay comes from the first step that sets one.
 * Forced outcomes skip the checks, so a request without a key can still
 * ask for 1000.
 */
export function chooseOutcome(inputs: OutcomeInputs): Outcome {
  const steps = [fromControls, fromArmed, fromScenarios];
  let delayMs: number | undefined;

  for (const step of steps) {
    const decision = step(inputs);
    if (!decision) continue;
    if (delayMs === undefined && decision.plan.delay) {
      delayMs = decision.plan.delay(decision.random);
    }
    if (decision.plan.response || decision.plan.fault) {
      return completeOutcome(decision, delayMs ?? 0, inputs);
    }
  }
  return naturalOutcome(inputs, delayMs ?? 0);
}

function fromControls({ controls }: OutcomeInputs): Decision | undefined {
  const plan: OutcomePlan = {};
  if (controls.example !== undefined)
    plan.response = { kind: 'example', name: controls.example };
  else if (controls.code !== undefined)
    plan.response = { kind: 'code', code: controls.code };
  if (controls.fault !== undefined) plan.fault = controls.fault;
  const delay = controls.delay;
  if (delay !== undefined) plan.delay = () => delay;

  if (!plan.response && !plan.fault && !plan.delay) return undefined;
  return { plan, source: 'control', reason: 'forced', random: Math.random };
}

function fromArmed({ session }: OutcomeInputs): Decision | undefined {
  const entry = session.armed.take();
  if (!entry) return undefined;
  return {
    plan: entry.plan,
    source: 'armed',
    reason: 'armed',
    random: session.random,
  };
}

function fromScenarios({
  state,
  session,
  request,
}: OutcomeInputs): Decision | undefined {
  const pick = state.runtimeOf(session).pick(toMatchInput(request));
  if (!pick) return undefined;
  return {
    plan: pick.plan,
    source: 'scenario',
    reason: pick.name,
    random: pick.random,
  };
}

function completeOutcome(
  decision: Decision,
  delayMs: number,
  inputs: OutcomeInputs,
): Outcome {
  const { plan, source, reason } = decision;
  if (!plan.response) {
    return {
      ...naturalOutcome(inputs, delayMs),
      source,
      reason,
      fault: plan.fault,
    };
  }
  const parameters = readPresentParameters(inputs.request);
  return {
    response: plan.response,
    delayMs,
    fault: plan.fault,
    source,
    reason,
    parameters,
  };
}

function naturalOutcome(inputs: OutcomeInputs, delayMs: number): Outcome {
  const { request, operation, keyPolicy } = inputs;
  const { code, reason, parameters } = runNaturalChecks(
    request,
    operation,
    keyPolicy,
  );
  return {
    response: { kind: 'code', code },
    delayMs,
    source: 'natural',
    reason,
    parameters,
  };
}

/** Reads the values a match rule tests, as sent, before any check. */
export function toMatchInput(request: RequestParts): MatchInput {
  const identifier = request.query.identifier;
  return {
    appId: request.pathParams.appId,
    identifier: Array.isArray(identifier) ? identifier[0] : identifier,
    headers: request.headers,
  };
}

/**
 * Reads the path and query values as sent, so a forced 1000 returns the
 * profile of the user the request names, even when a check would fail.
 */
function readPresentParameters(request: RequestParts): Record<string, unknown> {
  const parameters: Record<string, unknown> = { ...request.pathParams };
  for (const [name, value] of Object.entries(request.query)) {
    parameters[name] = Array.isArray(value) ? value[0] : value;
  }
  return parameters;
}
