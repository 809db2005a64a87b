import type { OutcomePlan } from '../outcome/outcome';
import type { OutcomeDefinition } from '../scenarios/scenario-document';

/** Outcomes armed for the next requests, with their definitions for reading back. */
export interface ArmedEntry {
  definition: OutcomeDefinition;
  plan: OutcomePlan;
  /** Requests still to get this outcome. */
  remaining: number;
}

/** A first-in first-out list of armed outcomes. */
export interface ArmedQueue {
  arm(entry: ArmedEntry): void;
  take(): ArmedEntry | undefined;
  list(): ArmedEntry[];
  clear(): void;
}

/**
 * Creates an armed queue. `take` is synchronous and the mock handles each
 * request on one thread, so two concurrent requests can never take the
 * same armed response.
 *
 * @example
 * queue.arm({ definition, plan, remaining: 1 });
 * queue.take(); // the entry; the next take() returns undefined
 */
export function createArmedQueue(): ArmedQueue {
  const entries: ArmedEntry[] = [];
  return {
    arm(entry) {
      entries.push(entry);
    },
    take() {
      const head = entries[0];
      if (!head) return undefined;
      head.remaining -= 1;
      if (head.remaining <= 0) entries.shift();
      return head;
    },
    list: () => entries.map((entry) => ({ ...entry })),
    clear() {
      entries.length = 0;
    },
  };
}
