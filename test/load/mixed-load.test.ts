import autocannon from 'autocannon';

import { createApp } from '../../src/http/create-app';
import { listen, type RunningServer } from '../../src/server/listen';
import { loadBundledSpec } from '../helpers/mock-spec';
import { buildMixedRequest, GOOD_KEY, OUTCOME_CASES, type Tally } from './mixed-outcomes';

const CONNECTIONS = 50;
const REQUESTS = 4_000;

let server: RunningServer;

beforeAll(async () => {
  const app = createApp({ spec: await loadBundledSpec(), keys: [GOOD_KEY] });
  server = await listen(app, { host: '127.0.0.1', port: 0 });
});

afterAll(() => server.close());

describe('mixed load', () => {
  it('returns the requested code for every request', async () => {
    const tally: Tally = { sent: new Map(), unexpected: [] };
    let user = 0;
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      amount: REQUESTS,
      requests: [buildMixedRequest(tally, () => (user += 1))],
    });

    expect(tally.unexpected.slice(0, 5)).toEqual([]);
    expect(result.errors + result.timeouts).toBe(0);
    expect(result.requests.total).toBeGreaterThanOrEqual(REQUESTS);
    expect([...tally.sent.keys()].sort()).toEqual(OUTCOME_CASES.map((item) => item.name).sort());
  });
});
