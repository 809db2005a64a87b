import type { OutcomePlan } from '../outcome/outcome';
import type {
  CompiledScenario,
  CompiledScenarios,
  MatchInput,
} from './compile-scenarios';
import { createRandom, type Random } from './seeded-random';

/** The plan a scenario picked, with the random source for its delay. */
export interface ScenarioPick {
  name: string;
  plan: OutcomePlan;
  random: Random;
}

/** Matches requests against compiled scenarios and keeps their counters. */
export interface ScenarioRuntime {
  readonly scenarios: CompiledScenarios;
  pick(input: MatchInput): ScenarioPick | undefined;
}

interface ScenarioState {
  scenario: CompiledScenario;
  random: Random;
  /** Calls served so far, which decide the sequence step. */
  served: number;
}

/**
 * Creates the state of one session's scenarios: a call counter and a seeded
 * random source per scenario. The first scenario whose rule matches, whose
 * probability draw passes and whose sequence is not used up decides.
 *
 * @example
 * const runtime = createScenarioRuntime(compiled);
 * runtime.pick({ appId: 'a_1', identifier: 'u', headers: {} })?.plan;
 */
export function createScenarioRuntime(
  scenarios: CompiledScenarios,
): ScenarioRuntime {
  const states: ScenarioState[] = scenarios.scenarios.map((scenario) => ({
    scenario,
    random: createRandom(scenario.seed),
    served: 0,
  }));

  return {
    scenarios,
    pick(input) {
      for (const state of states) {
        const plan = pickFrom(state, input);
        if (plan)
          return { name: state.scenario.name, plan, random: state.random };
      }
      return undefined;
    },
  };
}

function pickFrom(
  state: ScenarioState,
  input: MatchInput,
): OutcomePlan | undefined {
  const { scenario } = state;
  if (!scenario.matches(input)) return undefined;
  // Drawn on every matching call, so the Nth call gets the same result in
  // every run with the same seed.
  if (scenario.probability < 1 && state.random() >= scenario.probability)
    return undefined;

  const plan = stepAt(scenario, state.served);
  if (plan) state.served += 1;
  return plan;
}

function stepAt(
  scenario: CompiledScenario,
  served: number,
): OutcomePlan | undefined {
  let remaining = served;
  for (const step of scenario.steps) {
    if (step.times === undefined) return step.plan;
    if (remaining < step.times) return step.plan;
    remaining -= step.times;
  }
  return undefined;
}
