import { PROFILE_PATH } from '../helpers/mock-spec';

export const GOOD_KEY = 'load-test-key';

/** One kind of request and the vendor code it must get. */
export interface OutcomeCase {
  name: string;
  expected: string;
  path: (user: number) => string;
  headers: Record<string, string>;
  body?: string;
}

/** Requests whose code is decided by the request alone, forced or natural. */
export const OUTCOME_CASES: OutcomeCase[] = [
  { name: 'success', expected: '1000', path: (user) => `${PROFILE_PATH}?identifier=user-${user}`, headers: { key: GOOD_KEY } },
  { name: 'forced 7003 by query', expected: '7003', path: (user) => `${PROFILE_PATH}?identifier=user-${user}&__code=7003`, headers: { key: GOOD_KEY } },
  { name: 'forced 7001 by Prefer', expected: '7001', path: (user) => `${PROFILE_PATH}?identifier=user-${user}`, headers: { key: GOOD_KEY, prefer: 'code=7001' } },
  { name: 'forced 1000 without key', expected: '1000', path: (user) => `${PROFILE_PATH}?identifier=user-${user}`, headers: { prefer: 'code=1000' } },
  { name: 'natural 7001, no key', expected: '7001', path: (user) => `${PROFILE_PATH}?identifier=user-${user}`, headers: {} },
  { name: 'natural 7001, wrong key', expected: '7001', path: (user) => `${PROFILE_PATH}?identifier=user-${user}`, headers: { key: 'wrong' } },
  { name: 'natural 7003', expected: '7003', path: () => PROFILE_PATH, headers: { key: GOOD_KEY } },
  { name: 'natural 7000', expected: '7000', path: (user) => `${PROFILE_PATH}?identifier=user-${user}`, headers: { key: GOOD_KEY, 'content-type': 'application/json' }, body: '{"broken":' },
];

/** Requests sent per case, and the responses whose code differs from their case's. */
export interface Tally {
  sent: Map<string, number>;
  unexpected: string[];
}

/**
 * Builds an autocannon request that cycles through the cases and users and
 * checks each response against the case that the same connection sent.
 */
export function buildMixedRequest(tally: Tally, users: () => number) {
  let next = 0;
  return {
    setupRequest: (request: object, context: Record<string, unknown>) => {
      const item = OUTCOME_CASES[next % OUTCOME_CASES.length] as OutcomeCase;
      next += 1;
      context.case = item;
      tally.sent.set(item.name, (tally.sent.get(item.name) ?? 0) + 1);
      return { ...request, path: item.path(users()), headers: item.headers, body: item.body, method: 'GET' };
    },
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      const item = context.case as OutcomeCase;
      const code = readCode(body);
      if (status !== 200 || code !== item.expected) {
        tally.unexpected.push(`${item.name}: HTTP ${status}, code ${code}, expected ${item.expected}`);
      }
    },
  };
}

function readCode(body: string): string {
  try {
    return String((JSON.parse(body) as { code?: unknown }).code);
  } catch {
    return `unreadable body ${body.slice(0, 80)}`;
  }
}
