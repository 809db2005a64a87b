import request from 'supertest';

import { createApp } from '../../src/http/create-app';
import { compileScenarios } from '../../src/scenarios/compile-scenarios';
import type { ScenarioDocument } from '../../src/scenarios/scenario-document';
import { validateScenarioDocument } from '../../src/scenarios/validate-document';
import type { CompiledSpec } from '../../src/spec/load-spec';
import { APP_ID, loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';

let spec: CompiledSpec;

beforeAll(async () => {
  spec = await loadBundledSpec();
});

function appWith(document: ScenarioDocument) {
  const scenarios = compileScenarios(
    validateScenarioDocument(document),
    'test',
    { examples: spec.examples },
  );
  return createApp({ spec, scenarios });
}

async function codeFor(
  app: ReturnType<typeof createApp>,
  identifier: string,
  headers: Record<string, string> = {},
) {
  const res = await request(app)
    .get(PROFILE_PATH)
    .query({ identifier })
    .set({ key: 'k', ...headers });
  return res.body.code as string;
}

describe('scenario match rules', () => {
  it('matches an exact identifier', async () => {
    const app = appWith({
      scenarios: [
        { name: 'a', match: { identifier: 'u-1' }, outcome: { code: '7001' } },
      ],
    });

    expect(await codeFor(app, 'u-1')).toBe('7001');
    expect(await codeFor(app, 'u-10')).toBe('1000');
  });

  it('matches a glob', async () => {
    const app = appWith({
      scenarios: [
        {
          name: 'a',
          match: { identifier: { glob: 'test-?-*' } },
          outcome: { code: '7001' },
        },
      ],
    });

    expect(await codeFor(app, 'test-1-x')).toBe('7001');
    expect(await codeFor(app, 'test-12-x')).toBe('1000');
  });

  it('matches a regex', async () => {
    const app = appWith({
      scenarios: [
        {
          name: 'a',
          match: { identifier: { regex: '^\\d+$' } },
          outcome: { code: '7003' },
        },
      ],
    });

    expect(await codeFor(app, '1234')).toBe('7003');
    expect(await codeFor(app, 'u1234')).toBe('1000');
  });

  it('matches the appId', async () => {
    const app = appWith({
      scenarios: [
        { name: 'a', match: { appId: APP_ID }, outcome: { code: '7001' } },
      ],
    });
    const other = await request(app)
      .get('/resources/v2/customerappprofile/BO20055029?identifier=u')
      .set('key', 'k');

    expect(await codeFor(app, 'u')).toBe('7001');
    expect(other.body.code).toBe('1000');
  });

  it('matches any header', async () => {
    const app = appWith({
      scenarios: [
        {
          name: 'a',
          match: { headers: { 'X-Tenant': { glob: 'acme*' } } },
          outcome: { code: '7001' },
        },
      ],
    });

    expect(await codeFor(app, 'u', { 'x-tenant': 'acme-eu' })).toBe('7001');
    expect(await codeFor(app, 'u', { 'x-tenant': 'other' })).toBe('1000');
    expect(await codeFor(app, 'u')).toBe('1000');
  });

  it('matches header presence', async () => {
    const app = appWith({
      scenarios: [
        {
          name: 'a',
          match: { headers: { 'x-debug': { present: true } } },
          outcome: { code: '7003' },
        },
      ],
    });

    expect(await codeFor(app, 'u', { 'x-debug': '' })).toBe('7003');
    expect(await codeFor(app, 'u')).toBe('1000');
  });

  it('uses the first matching scenario', async () => {
    const app = appWith({
      scenarios: [
        {
          name: 'first',
          match: { identifier: 'u' },
          outcome: { code: '7001' },
        },
        { name: 'second', outcome: { code: '7003' } },
      ],
    });

    expect(await codeFor(app, 'u')).toBe('7001');
    expect(await codeFor(app, 'v')).toBe('7003');
  });

  it('lets controls win over a scenario', async () => {
    const app = appWith({
      scenarios: [{ name: 'a', outcome: { code: '7001' } }],
    });

    expect(await codeFor(app, 'u', { prefer: 'code=1000' })).toBe('1000');
  });
});

describe('scenario outcomes', () => {
  it('serves a named example', async () => {
    const app = appWith({
      scenarios: [{ name: 'a', outcome: { example: 'unlinked-device' } }],
    });
    const res = await request(app)
      .get(PROFILE_PATH)
      .query({ identifier: 'u' })
      .set('key', 'k');

    expect(res.body.Records[0].OutwardLinks).toEqual([]);
    expect(res.body.transid).not.toBe(
      (spec.examples.get('unlinked-device')?.value as { transid: string })
        .transid,
    );
  });

  it('serves a fixture body with a status', async () => {
    const body = { code: '1000', Status: 0, Records: [] };
    const app = appWith({
      scenarios: [{ name: 'a', outcome: { body, status: 203 } }],
    });
    const res = await request(app).get(PROFILE_PATH).query({ identifier: 'u' });

    expect(res.status).toBe(203);
    expect(res.body).toEqual(body);
  });

  it('serves a code with its HTTP status', async () => {
    const app = appWith({
      scenarios: [{ name: 'a', outcome: { code: '7001', status: 401 } }],
    });
    const res = await request(app).get(PROFILE_PATH).query({ identifier: 'u' });

    expect(res.status).toBe(401);
    expect(res.body.code).toBe('7001');
  });

  it('keeps the natural checks under a delay-only scenario', async () => {
    const app = appWith({ scenarios: [{ name: 'a', outcome: { delay: 1 } }] });
    const res = await request(app).get(PROFILE_PATH).query({ identifier: 'u' });
    const journal = await request(app).get('/__admin/requests');

    expect(res.body.code).toBe('7001');
    expect(journal.body.requests[0].outcome.delayMs).toBe(1);
  });
});

describe('sequences and probability', () => {
  it('serves sequence steps in order, then repeats the last', async () => {
    const app = appWith({
      scenarios: [
        {
          name: 'a',
          sequence: [
            { times: 2, outcome: { code: '7001' } },
            { times: 1, outcome: { code: '7003' } },
            { outcome: { code: '1000' } },
          ],
        },
      ],
    });

    const codes = [];
    for (let i = 0; i < 5; i += 1) codes.push(await codeFor(app, 'u'));

    expect(codes).toEqual(['7001', '7001', '7003', '1000', '1000']);
  });

  it('stops matching when every step is used', async () => {
    const app = appWith({
      scenarios: [
        { name: 'once', sequence: [{ times: 1, outcome: { code: '7001' } }] },
        { name: 'after', outcome: { code: '7003' } },
      ],
    });

    expect(await codeFor(app, 'u')).toBe('7001');
    expect(await codeFor(app, 'u')).toBe('7003');
  });

  it('repeats the same draws for the same seed', async () => {
    const document: ScenarioDocument = {
      scenarios: [
        { name: 'flaky', probability: 0.5, seed: 7, outcome: { code: '7001' } },
      ],
    };
    const run = async () => {
      const app = appWith(document);
      const codes = [];
      for (let i = 0; i < 20; i += 1) codes.push(await codeFor(app, 'u'));
      return codes;
    };

    const first = await run();
    const second = await run();

    expect(first).toEqual(second);
    expect(first).toContain('7001');
    expect(first).toContain('1000');
  });

  it('never fires with probability 0', async () => {
    const app = appWith({
      scenarios: [{ name: 'a', probability: 0, outcome: { code: '7001' } }],
    });

    expect(await codeFor(app, 'u')).toBe('1000');
  });
});
