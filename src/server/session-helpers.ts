import type { JournalEntry, JournalFilter } from '../journal/journal';
import { compileOutcome } from '../scenarios/compile-outcome';
import { compileScenarios } from '../scenarios/compile-scenarios';
import { DefinitionError } from '../scenarios/definition-error';
import { ScenarioError } from '../scenarios/load-scenario-file';
import type {
  OutcomeDefinition,
  ScenarioDocument,
} from '../scenarios/scenario-document';
import {
  validateOutcomeDefinition,
  validateScenarioDocument,
} from '../scenarios/validate-document';
import {
  DEFAULT_SESSION,
  SESSION_HEADER,
  type MockState,
} from '../sessions/mock-state';

/** Test helpers for one session of a running mock. */
export interface SessionHelpers {
  /** The session id. */
  readonly sessionId: string;
  /** Headers that put a request into this session; empty for the default session. */
  readonly headers: Record<string, string>;
  /** The next `count` requests (default 1) get `outcome`. Throws ScenarioError if it is invalid. */
  arm(outcome: OutcomeDefinition, count?: number): void;
  disarm(): void;
  /** Replaces the session's scenarios. Throws ScenarioError if the document is invalid. */
  setScenarios(document: ScenarioDocument): void;
  /** Goes back to the scenarios the mock started with, with fresh counters. */
  resetScenarios(): void;
  getScenarios(): ScenarioDocument;
  journal: { list(filter?: JournalFilter): JournalEntry[]; clear(): void };
  /** Drops armed outcomes, scenarios, counters and journal of the session. */
  reset(): void;
}

/**
 * Creates the helpers of a session, working on the mock's state directly.
 *
 * @example
 * const worker = createSessionHelpers(state, 'worker-1');
 * worker.arm({ fault: 'EMPTY_RESPONSE' }, 2);
 */
export function createSessionHelpers(
  state: MockState,
  id: string | undefined,
): SessionHelpers {
  const sessionId = id ?? DEFAULT_SESSION;
  const session = () => state.getSession(sessionId);
  return {
    sessionId,
    headers: id === undefined ? {} : { [SESSION_HEADER]: id },
    arm(outcome, count = 1) {
      if (!Number.isInteger(count) || count < 1) {
        throw new ScenarioError(
          `Invalid arming count ${count}: use an integer of 1 or more.`,
        );
      }
      const plan = compileHelperInput('armed outcome', () =>
        compileOutcome(
          validateOutcomeDefinition(outcome, ''),
          '',
          state.context,
        ),
      );
      session().armed.arm({ definition: outcome, plan, remaining: count });
    },
    disarm: () => session().armed.clear(),
    setScenarios(document) {
      const compiled = compileHelperInput('scenario document', () =>
        compileScenarios(
          validateScenarioDocument(document),
          'admin',
          state.context,
        ),
      );
      state.setSessionScenarios(session(), compiled);
    },
    resetScenarios: () => state.setSessionScenarios(session(), undefined),
    getScenarios: () => state.runtimeOf(session()).scenarios.document,
    journal: {
      list: (filter) => session().journal.list(filter),
      clear: () => session().journal.clear(),
    },
    reset: () => state.resetSession(sessionId),
  };
}

function compileHelperInput<T>(subject: string, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    throw toScenarioError(error, subject);
  }
}

/** Turns a DefinitionError into a ScenarioError naming what was invalid and where. */
export function toScenarioError(error: unknown, subject: string): unknown {
  if (!(error instanceof DefinitionError)) return error;
  return new ScenarioError(
    `Invalid ${subject} at ${error.pointer || '/'}: ${error.message}. Fix that field and try again.`,
  );
}
