import type { Request, Response } from 'express';

import { ProblemError } from '../http/problem';
import type { JournalFilter } from '../journal/journal';
import type { MockState } from '../sessions/mock-state';
import { readSessionId } from '../sessions/read-session-id';

/** GET /__admin/requests: the session's journal, oldest first, filtered by appId and identifier. */
export function listRequests(state: MockState) {
  return (req: Request, res: Response): void => {
    const session = state.getSession(readSessionId(req.headers));
    const requests = session.journal.list(readFilter(req.query));
    res.json({ session: session.id, count: requests.length, requests });
  };
}

/** DELETE /__admin/requests: empties the session's journal. */
export function clearRequests(state: MockState) {
  return (req: Request, res: Response): void => {
    state.getSession(readSessionId(req.headers)).journal.clear();
    res.status(204).end();
  };
}

function readFilter(query: Request['query']): JournalFilter {
  const filter: JournalFilter = {};
  if (typeof query.appId === 'string') filter.appId = query.appId;
  if (typeof query.identifier === 'string')
    filter.identifier = query.identifier;
  if (query.limit !== undefined) filter.limit = readLimit(query.limit);
  return filter;
}

function readLimit(value: unknown): number {
  if (typeof value === 'string' && /^[1-9]\d{0,6}$/.test(value))
    return Number(value);
  throw new ProblemError(
    'invalid-request',
    `Invalid query parameter limit "${String(value)}": use an integer from 1 to 9999999.`,
    { parameter: 'limit' },
  );
}
