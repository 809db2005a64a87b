import type { IncomingHttpHeaders } from 'node:http';

import type { OutcomePlan } from '../outcome/outcome';
import { compileOutcome, type OutcomeContext } from './compile-outcome';
import { DefinitionError, joinPointer } from './definition-error';
import type {
  MatchDefinition,
  ScenarioDefinition,
  ScenarioDocument,
} from './scenario-document';
import { hashSeed } from './seeded-random';
import { compileStringMatcher, type StringMatcher } from './string-matcher';

/** The request values a match rule reads. */
export interface MatchInput {
  appId: string | undefined;
  identifier: string | undefined;
  headers: IncomingHttpHeaders;
}

/** One step of a sequence; `times` unset repeats it forever. */
export interface CompiledStep {
  times: number | undefined;
  plan: OutcomePlan;
}

/** A scenario with its match rule compiled to functions. */
export interface CompiledScenario {
  name: string;
  matches(input: MatchInput): boolean;
  steps: CompiledStep[];
  probability: number;
  seed: number;
}

/** The scenarios of one document, ready to match, with the document itself. */
export interface CompiledScenarios {
  document: ScenarioDocument;
  scenarios: CompiledScenario[];
  /** Origin of the document: a file path, `admin` or `options`. */
  source: string;
}

export const NO_SCENARIOS: CompiledScenarios = {
  document: { scenarios: [] },
  scenarios: [],
  source: 'none',
};

/**
 * Compiles a validated document: match rules become functions and outcomes
 * become plans, so nothing is parsed per request. Throws a DefinitionError
 * for a duplicate name, a bad regular expression or an unknown example.
 *
 * @example
 * const compiled = compileScenarios(document, 'admin', { examples: spec.examples });
 */
export function compileScenarios(
  document: ScenarioDocument,
  source: string,
  context: OutcomeContext,
): CompiledScenarios {
  const names = new Set<string>();
  const scenarios = document.scenarios.map((definition, index) => {
    const pointer = joinPointer('/scenarios', index);
    if (names.has(definition.name)) {
      throw new DefinitionError(
        `${pointer}/name`,
        `duplicate scenario name "${definition.name}"`,
      );
    }
    names.add(definition.name);
    return compileScenario(definition, pointer, context);
  });
  return { document, scenarios, source };
}

function compileScenario(
  definition: ScenarioDefinition,
  pointer: string,
  context: OutcomeContext,
): CompiledScenario {
  return {
    name: definition.name,
    matches: compileMatch(definition.match ?? {}, `${pointer}/match`),
    steps: compileSteps(definition, pointer, context),
    probability: definition.probability ?? 1,
    seed: definition.seed ?? hashSeed(definition.name),
  };
}

function compileSteps(
  definition: ScenarioDefinition,
  pointer: string,
  context: OutcomeContext,
): CompiledStep[] {
  if (definition.outcome) {
    return [
      {
        times: undefined,
        plan: compileOutcome(definition.outcome, `${pointer}/outcome`, context),
      },
    ];
  }
  return (definition.sequence ?? []).map((step, index) => ({
    times: step.times,
    plan: compileOutcome(
      step.outcome,
      `${pointer}/sequence/${index}/outcome`,
      context,
    ),
  }));
}

function compileMatch(
  match: MatchDefinition,
  pointer: string,
): (input: MatchInput) => boolean {
  const tests: Array<(input: MatchInput) => boolean> = [];
  if (match.appId !== undefined) {
    const test = compileStringMatcher(match.appId, `${pointer}/appId`);
    tests.push((input) => test(input.appId));
  }
  if (match.identifier !== undefined) {
    const test = compileStringMatcher(
      match.identifier,
      `${pointer}/identifier`,
    );
    tests.push((input) => test(input.identifier));
  }
  for (const [name, definition] of Object.entries(match.headers ?? {})) {
    tests.push(
      compileHeaderTest(
        name,
        compileStringMatcher(
          definition,
          joinPointer(`${pointer}/headers`, name),
        ),
      ),
    );
  }
  return (input) => tests.every((test) => test(input));
}

function compileHeaderTest(name: string, test: StringMatcher) {
  // Node stores header names in lower case, and joins repeated headers.
  const key = name.toLowerCase();
  return (input: MatchInput) => {
    const value = input.headers[key];
    return test(Array.isArray(value) ? value.join(', ') : value);
  };
}
