/**
 * The scenario file as written, after validation against
 * spec/scenarios.schema.json. The compiled form is in compile-scenarios.ts.
 */
export interface ScenarioDocument {
  scenarios: ScenarioDefinition[];
}

export interface ScenarioDefinition {
  name: string;
  description?: string;
  match?: MatchDefinition;
  outcome?: OutcomeDefinition;
  sequence?: SequenceStep[];
  /** Share of matching calls that get the outcome, from 0 to 1. */
  probability?: number;
  /** Seed of the probability and delay draws. */
  seed?: number;
}

export interface SequenceStep {
  /** How many matching calls get this step; unset repeats it forever. */
  times?: number;
  outcome: OutcomeDefinition;
}

export interface MatchDefinition {
  appId?: StringMatcherDefinition;
  identifier?: StringMatcherDefinition;
  headers?: Record<string, StringMatcherDefinition>;
}

/** A plain string matches exactly. */
export type StringMatcherDefinition =
  | string
  | { exact: string }
  | { glob: string }
  | { regex: string }
  | { present: boolean };

export interface OutcomeDefinition {
  code?: string | number;
  status?: number;
  example?: string;
  body?: unknown;
  bodyFile?: string;
  delay?: DelayDefinition;
  fault?: string;
}

/** Milliseconds: fixed, uniform between min and max, or lognormal. */
export type DelayDefinition =
  | number
  | { fixed: number }
  | { uniform: { min: number; max: number } }
  | { lognormal: { median: number; sigma: number } };
