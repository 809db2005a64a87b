import request from 'supertest';

import { createApp } from '../../src/http/create-app';
import type { CompiledSpec } from '../../src/spec/load-spec';
import { loadBundledSpec, APP_ID, PROFILE_PATH } from '../helpers/mock-spec';

let spec: CompiledSpec;

beforeAll(async () => {
  spec = await loadBundledSpec();
});

const FLAKY = {
  scenarios: [
    {
      name: 'flaky',
      match: { identifier: { glob: 'flaky-*' } },
      sequence: [
        { times: 1, outcome: { code: '7001' } },
        { outcome: { code: '1000' } },
      ],
    },
  ],
};

function getProfile(
  app: ReturnType<typeof createApp>,
  identifier: string,
  session?: string,
) {
  const req = request(app)
    .get(PROFILE_PATH)
    .query({ identifier })
    .set('key', 'secret-key-value');
  return session === undefined ? req : req.set('x-mock-session', session);
}

describe('admin health', () => {
  it('returns ok on health', async () => {
    const res = await request(createApp({ spec })).get('/__admin/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('returns ready with the scenario count', async () => {
    const res = await request(createApp({ spec })).get('/__admin/ready');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ready: true, scenarios: 0, source: 'none' });
  });

  it('answers 405 for an undeclared admin method', async () => {
    const res = await request(createApp({ spec })).patch('/__admin/scenarios');
    const problem = JSON.parse(res.text);

    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, PUT, DELETE');
    expect(problem.type).toBe('urn:imiconnect-mock:problem:method-not-allowed');
  });

  it('answers not-found for an unknown admin path', async () => {
    const res = await request(createApp({ spec })).get('/__admin/nothing');

    expect(res.status).toBe(404);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.parse(res.text).type).toBe(
      'urn:imiconnect-mock:problem:not-found',
    );
  });
});

describe('admin scenarios', () => {
  it('replaces and reads back scenarios', async () => {
    const app = createApp({ spec });

    const put = await request(app).put('/__admin/scenarios').send(FLAKY);
    const get = await request(app).get('/__admin/scenarios');

    expect(put.status).toBe(200);
    expect(put.body).toEqual({ session: 'default', source: 'admin', count: 1 });
    expect(get.body.scenarios).toEqual(FLAKY.scenarios);
  });

  it('serves a sequence in order', async () => {
    const app = createApp({ spec });
    await request(app).put('/__admin/scenarios').send(FLAKY);

    const codes = [];
    for (let i = 0; i < 3; i += 1)
      codes.push((await getProfile(app, 'flaky-1')).body.code);

    expect(codes).toEqual(['7001', '1000', '1000']);
  });

  it('restarts the sequence after DELETE', async () => {
    const app = createApp({ spec });
    await request(app).put('/__admin/scenarios').send(FLAKY);
    await getProfile(app, 'flaky-1');

    const reset = await request(app).put('/__admin/scenarios').send(FLAKY);
    const again = await getProfile(app, 'flaky-1');

    expect(reset.status).toBe(200);
    expect(again.body.code).toBe('7001');
  });

  it('drops admin scenarios on DELETE', async () => {
    const app = createApp({ spec });
    await request(app).put('/__admin/scenarios').send(FLAKY);

    const deleted = await request(app).delete('/__admin/scenarios');
    const res = await getProfile(app, 'flaky-1');

    expect(deleted.status).toBe(204);
    expect(res.body.code).toBe('1000');
  });

  it('rejects an invalid document with its pointer', async () => {
    const res = await request(createApp({ spec }))
      .put('/__admin/scenarios')
      .send({ scenarios: [{ name: 'x', outcome: { fault: 'EXPLODE' } }] });
    const problem = JSON.parse(res.text);

    expect(res.status).toBe(400);
    expect(problem.type).toBe('urn:imiconnect-mock:problem:invalid-scenarios');
    expect(problem.pointer).toBe('/scenarios/0/outcome/fault');
    expect(problem.detail).toContain('CONNECTION_RESET_BY_PEER');
  });

  it('rejects a body that is not JSON', async () => {
    const res = await request(createApp({ spec }))
      .put('/__admin/scenarios')
      .set('Content-Type', 'application/json')
      .send('{"scenarios": ');

    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).type).toBe(
      'urn:imiconnect-mock:problem:invalid-request',
    );
  });
});

describe('admin arming', () => {
  it('arms the next N responses', async () => {
    const app = createApp({ spec });

    const armed = await request(app)
      .post('/__admin/arm')
      .send({ outcome: { code: 7001 }, count: 2 });
    const codes = [];
    for (let i = 0; i < 3; i += 1)
      codes.push((await getProfile(app, 'user-1')).body.code);

    expect(armed.status).toBe(201);
    expect(armed.body.armed).toEqual([
      { outcome: { code: 7001 }, remaining: 2 },
    ]);
    expect(codes).toEqual(['7001', '7001', '1000']);
  });

  it('rejects an unknown arming property', async () => {
    const app = createApp({ spec });

    const res = await request(app)
      .post('/__admin/arm')
      .send({ outcome: { code: '7001' }, extra: 1 });
    const listed = await request(app).get('/__admin/arm');

    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).detail).toContain('/extra');
    expect(listed.body.armed).toEqual([]);
  });

  it('applies an armed HTTP status', async () => {
    const app = createApp({ spec });
    await request(app)
      .post('/__admin/arm')
      .send({ outcome: { code: '7003', status: 422 } });

    const res = await getProfile(app, 'user-1');

    expect(res.status).toBe(422);
    expect(res.body.code).toBe('7003');
  });

  it('lets controls win over an armed outcome', async () => {
    const app = createApp({ spec });
    await request(app)
      .post('/__admin/arm')
      .send({ outcome: { code: '7001' } });

    const forced = await getProfile(app, 'user-1').set('Prefer', 'code=7003');
    const armed = await getProfile(app, 'user-1');

    expect(forced.body.code).toBe('7003');
    expect(armed.body.code).toBe('7001');
  });

  it('lists and clears armed outcomes', async () => {
    const app = createApp({ spec });
    await request(app)
      .post('/__admin/arm')
      .send({ outcome: { example: 'unlinked-device' } });

    const listed = await request(app).get('/__admin/arm');
    const cleared = await request(app).delete('/__admin/arm');
    const after = await request(app).get('/__admin/arm');

    expect(listed.body.armed).toEqual([
      { outcome: { example: 'unlinked-device' }, remaining: 1 },
    ]);
    expect(cleared.status).toBe(204);
    expect(after.body.armed).toEqual([]);
  });

  it.each([
    [{ outcome: { code: '7001' }, count: 0 }, '/count'],
    [{ outcome: { example: 'nope' } }, '/outcome/example'],
    [{ outcome: { code: '7001', example: 'unlinked-device' } }, '/outcome'],
    [{ outcome: { delay: { uniform: { min: 1 } } } }, '/outcome/delay/uniform'],
  ])('rejects arming %j', async (body, pointer) => {
    const res = await request(createApp({ spec }))
      .post('/__admin/arm')
      .send(body);
    const problem = JSON.parse(res.text);

    expect(res.status).toBe(400);
    expect(problem.type).toBe('urn:imiconnect-mock:problem:invalid-arming');
    expect(problem.pointer).toBe(pointer);
  });
});

describe('admin journal', () => {
  it('records requests without the key value', async () => {
    const app = createApp({ spec });
    await getProfile(app, 'user-1');

    const res = await request(app).get('/__admin/requests');
    const [entry] = res.body.requests;

    expect(res.body.count).toBe(1);
    expect(entry.appId).toBe(APP_ID);
    expect(entry.identifier).toBe('user-1');
    expect(entry.keySent).toBe(true);
    expect(entry.headers.key).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('secret-key-value');
    expect(entry.outcome).toMatchObject({
      source: 'natural',
      code: '1000',
      status: 200,
    });
  });

  it('filters by identifier and appId', async () => {
    const app = createApp({ spec });
    await getProfile(app, 'user-1');
    await getProfile(app, 'user-2');

    const byUser = await request(app)
      .get('/__admin/requests')
      .query({ identifier: 'user-2' });
    const byApp = await request(app)
      .get('/__admin/requests')
      .query({ appId: 'other' });

    expect(
      byUser.body.requests.map(
        (entry: { identifier: string }) => entry.identifier,
      ),
    ).toEqual(['user-2']);
    expect(byApp.body.count).toBe(0);
  });

  it('keeps only the newest entries', async () => {
    const app = createApp({ spec, journalSize: 2 });
    for (const user of ['u1', 'u2', 'u3']) await getProfile(app, user);

    const res = await request(app).get('/__admin/requests');

    expect(
      res.body.requests.map(
        (entry: { identifier: string }) => entry.identifier,
      ),
    ).toEqual(['u2', 'u3']);
  });

  it('rejects a bad limit', async () => {
    const res = await request(createApp({ spec })).get(
      '/__admin/requests?limit=zero',
    );

    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).type).toBe(
      'urn:imiconnect-mock:problem:invalid-request',
    );
  });

  it('drops a key sent in the query', async () => {
    const app = createApp({ spec });
    await request(app)
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1', key: 'query-secret-1234', 'key[]': 'query-secret-5678' })
      .set('key', 'any');

    const res = await request(app).get('/__admin/requests');

    expect(res.text).not.toContain('query-secret-1234');
    expect(res.body.requests[0].query).toEqual({ identifier: 'user-1' });
  });

  it('clears the journal', async () => {
    const app = createApp({ spec });
    await getProfile(app, 'user-1');

    await request(app).delete('/__admin/requests');
    const res = await request(app).get('/__admin/requests');

    expect(res.body.count).toBe(0);
  });
});

describe('admin sessions', () => {
  it('keeps arming apart between sessions', async () => {
    const app = createApp({ spec });
    await request(app)
      .post('/__admin/arm')
      .set('x-mock-session', 'a')
      .send({ outcome: { code: '7001' } });

    const other = await getProfile(app, 'user-1', 'b');
    const plain = await getProfile(app, 'user-1');
    const owner = await getProfile(app, 'user-1', 'a');

    expect(other.body.code).toBe('1000');
    expect(plain.body.code).toBe('1000');
    expect(owner.body.code).toBe('7001');
  });

  it('keeps scenarios and journals apart', async () => {
    const app = createApp({ spec });
    await request(app)
      .put('/__admin/scenarios')
      .set('x-mock-session', 'a')
      .send(FLAKY);

    const inA = await getProfile(app, 'flaky-1', 'a');
    const inB = await getProfile(app, 'flaky-1', 'b');
    const journalB = await request(app)
      .get('/__admin/requests')
      .set('x-mock-session', 'b');

    expect(inA.body.code).toBe('7001');
    expect(inB.body.code).toBe('1000');
    expect(journalB.body.count).toBe(1);
    expect(journalB.body.session).toBe('b');
  });

  it('resets one session', async () => {
    const app = createApp({ spec });
    await request(app)
      .post('/__admin/arm')
      .set('x-mock-session', 'a')
      .send({ outcome: { code: '7001' } });

    const reset = await request(app)
      .post('/__admin/reset')
      .set('x-mock-session', 'a');
    const res = await getProfile(app, 'user-1', 'a');

    expect(reset.status).toBe(204);
    expect(res.body.code).toBe('1000');
  });

  it('rejects an invalid session id', async () => {
    const res = await getProfile(createApp({ spec }), 'user-1', 'bad id!');
    const problem = JSON.parse(res.text);

    expect(res.status).toBe(400);
    expect(problem.type).toBe('urn:imiconnect-mock:problem:invalid-session');
  });
});

describe('admin access', () => {
  it('answers 404 when the admin API is off', async () => {
    const res = await request(createApp({ spec, admin: false })).get(
      '/__admin/health',
    );

    expect(res.status).toBe(404);
  });

  it('rejects a missing token with 401', async () => {
    const res = await request(
      createApp({ spec, admin: { token: 't0ken' } }),
    ).get('/__admin/requests');
    const problem = JSON.parse(res.text);

    expect(res.status).toBe(401);
    expect(res.type).toBe('application/problem+json');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(problem.type).toBe('urn:imiconnect-mock:problem:admin-unauthorized');
  });

  it('rejects a wrong token', async () => {
    const res = await request(createApp({ spec, admin: { token: 't0ken' } }))
      .get('/__admin/requests')
      .set('Authorization', 'Bearer t0ke');

    expect(res.status).toBe(401);
  });

  it('accepts the token as Bearer or header', async () => {
    const app = createApp({ spec, admin: { token: 't0ken' } });

    const bearer = await request(app)
      .get('/__admin/requests')
      .set('Authorization', 'Bearer t0ken');
    const header = await request(app)
      .get('/__admin/requests')
      .set('x-admin-token', 't0ken');

    expect(bearer.status).toBe(200);
    expect(header.status).toBe(200);
  });

  it('leaves health open with a token', async () => {
    const res = await request(
      createApp({ spec, admin: { token: 't0ken' } }),
    ).get('/__admin/health');

    expect(res.status).toBe(200);
  });
});
