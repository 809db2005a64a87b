import request from 'supertest';

import { createApp } from '../../src/http/create-app';
import type { CompiledSpec } from '../../src/spec/load-spec';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';

let spec: CompiledSpec;

beforeAll(async () => {
  spec = await loadBundledSpec();
});

describe('natural checks', () => {
  it('returns 1000 with a key and an identifier', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any');

    expect(res.status).toBe(200);
    expect(res.body.code).toBe('1000');
    expect(res.body.Status).toBe(0);
    expect(res.body.Description).toBe('success');
    expect(res.body.Records.length).toBeGreaterThan(0);
  });

  it('returns 7001 when key is missing', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      Status: 1,
      Description: 'Authentication failed',
      code: '7001',
      Records: [],
    });
  });

  it('returns 7001 when key is blank', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', '  ');

    expect(res.body.code).toBe('7001');
  });

  it('returns 7001 for a key outside the accepted list', async () => {
    const app = createApp({ spec, keys: ['good-key'] });

    const rejected = await request(app)
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'other-key');
    const accepted = await request(app)
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'good-key');

    expect(rejected.body.code).toBe('7001');
    expect(accepted.body.code).toBe('1000');
  });

  it('returns 7003 when identifier is missing', async () => {
    const res = await request(createApp({ spec })).get(PROFILE_PATH).set('key', 'any');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      Status: 1,
      Description: 'Mandatory parameters missing',
      code: '7003',
      Records: [],
    });
  });

  it('returns 7003 when identifier is empty', async () => {
    const res = await request(createApp({ spec }))
      .get(`${PROFILE_PATH}?identifier=`)
      .set('key', 'any');

    expect(res.body.code).toBe('7003');
  });

  it('returns 7000 for a body that is not JSON', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any')
      .set('Content-Type', 'application/json')
      .send('{"identifier": ');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ Status: 1, Description: 'Invalid JSON', code: '7000' });
  });

  it('accepts a body that is valid JSON', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any')
      .set('Content-Type', 'application/json')
      .send('{}');

    expect(res.body.code).toBe('1000');
  });

  it('checks the body before the key', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('Content-Type', 'text/plain')
      .send('not json');

    expect(res.body.code).toBe('7000');
  });

  it('checks the key before the identifier', async () => {
    const res = await request(createApp({ spec })).get(PROFILE_PATH);

    expect(res.body.code).toBe('7001');
  });

  it('uses the first of repeated identifiers', async () => {
    const app = createApp({ spec });

    const repeated = await request(app)
      .get(`${PROFILE_PATH}?identifier=user-1&identifier=user-2`)
      .set('key', 'any');
    const single = await request(app)
      .get(`${PROFILE_PATH}?identifier=user-1`)
      .set('key', 'any');

    expect(repeated.body.code).toBe('1000');
    expect(repeated.body.Records).toEqual(single.body.Records);
  });

  it('answers the v1 path like the v2 path', async () => {
    const app = createApp({ spec });

    const v1 = await request(app)
      .get('/resources/v1/customerappprofile/a_636035705699961900?identifier=user-1')
      .set('key', 'any');
    const v2 = await request(app)
      .get(`${PROFILE_PATH}?identifier=user-1`)
      .set('key', 'any');

    expect(v1.body.code).toBe('1000');
    expect(v1.body.Records).toEqual(v2.body.Records);
  });
});

describe('error status policy', () => {
  it.each([
    ['7000', 400],
    ['7001', 401],
    ['7003', 400],
  ])('answers %s with HTTP %i under 4xx', async (code, status) => {
    const res = await request(createApp({ spec, errorStatus: '4xx' }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1', __code: code })
      .set('key', 'any');

    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('answers 1000 with HTTP 200 under 4xx', async () => {
    const res = await request(createApp({ spec, errorStatus: '4xx' }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any');

    expect(res.status).toBe(200);
    expect(res.body.code).toBe('1000');
  });

  it('answers 7001 with HTTP 401 under 4xx without a key', async () => {
    const res = await request(createApp({ spec, errorStatus: '4xx' }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' });

    expect(res.status).toBe(401);
    expect(res.body.code).toBe('7001');
  });
});
