import {
  createJournal,
  DEFAULT_JOURNAL_SIZE,
  type Journal,
} from '../journal/journal';
import type { OutcomeContext } from '../scenarios/compile-outcome';
import {
  NO_SCENARIOS,
  type CompiledScenarios,
} from '../scenarios/compile-scenarios';
import {
  createScenarioRuntime,
  type ScenarioRuntime,
} from '../scenarios/scenario-runtime';
import {
  createRandom,
  hashSeed,
  type Random,
} from '../scenarios/seeded-random';
import { createArmedQueue, type ArmedQueue } from './armed-queue';

/** The request header that selects a session, so parallel test workers do not collide. */
export const SESSION_HEADER = 'x-mock-session';
export const DEFAULT_SESSION = 'default';
/**
 * Sessions kept at once; the least recently used one is dropped beyond this.
 * With the journal's per-entry text cap, this bounds journal memory to about
 * MAX_SESSIONS x journal size x 5 KB (an estimate: 500 MB at the defaults).
 */
export const MAX_SESSIONS = 100;

/** The armed outcomes, scenarios and journal of one session. */
export interface Session {
  readonly id: string;
  readonly armed: ArmedQueue;
  readonly journal: Journal;
  /** Draws the delays of armed outcomes. */
  readonly random: Random;
  /** Scenarios set through the admin API; unset follows the scenario file. */
  override: CompiledScenarios | undefined;
  runtime: ScenarioRuntime;
}

/** Everything the mock changes at run time, shared by the app, the admin API and tests. */
export interface MockState {
  readonly context: OutcomeContext;
  getSession(id?: string): Session;
  /** The scenarios a session matches against, with their counters. */
  runtimeOf(session: Session): ScenarioRuntime;
  readonly fileScenarios: CompiledScenarios;
  /** Swaps the scenarios of every session that follows the file, as --watch does. */
  setFileScenarios(scenarios: CompiledScenarios): void;
  /** Sets or, with undefined, clears a session's own scenarios, restarting their counters. */
  setSessionScenarios(
    session: Session,
    scenarios: CompiledScenarios | undefined,
  ): void;
  resetSession(id?: string): void;
}

export interface MockStateOptions {
  context: OutcomeContext;
  scenarios?: CompiledScenarios;
  journalSize?: number;
  seed?: number;
}

/**
 * Creates the run-time state of a mock. Sessions are made on first use.
 *
 * @example
 * const state = createMockState({ context: { examples: spec.examples } });
 * state.getSession('worker-1').armed.take();
 */
export function createMockState(options: MockStateOptions): MockState {
  const sessions = new Map<string, Session>();
  let fileScenarios = options.scenarios ?? NO_SCENARIOS;
  const newSession = (id: string): Session => ({
    id,
    armed: createArmedQueue(),
    journal: createJournal(options.journalSize ?? DEFAULT_JOURNAL_SIZE),
    random: createRandom(hashSeed(id) ^ (options.seed ?? 1)),
    override: undefined,
    runtime: createScenarioRuntime(fileScenarios),
  });

  return {
    context: options.context,
    getSession: (id = DEFAULT_SESSION) =>
      touchSession(sessions, id, newSession),
    runtimeOf(session) {
      const current = session.override ?? fileScenarios;
      if (session.runtime.scenarios !== current)
        session.runtime = createScenarioRuntime(current);
      return session.runtime;
    },
    get fileScenarios() {
      return fileScenarios;
    },
    setFileScenarios(scenarios) {
      fileScenarios = scenarios;
    },
    setSessionScenarios(session, scenarios) {
      session.override = scenarios;
      session.runtime = createScenarioRuntime(scenarios ?? fileScenarios);
    },
    resetSession(id = DEFAULT_SESSION) {
      sessions.delete(id);
    },
  };
}

/** Returns the session, made most recently used, creating it if needed. */
function touchSession(
  sessions: Map<string, Session>,
  id: string,
  create: (id: string) => Session,
): Session {
  const session = sessions.get(id) ?? create(id);
  // Re-inserting moves the session to the end of the Map's order.
  sessions.delete(id);
  sessions.set(id, session);
  if (sessions.size > MAX_SESSIONS) {
    const oldest = sessions.keys().next().value;
    if (oldest !== undefined) sessions.delete(oldest);
  }
  return session;
}
