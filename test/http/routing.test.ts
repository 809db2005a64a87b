import request from 'supertest';

import { createApp } from '../../src/http/create-app';
import type { CompiledSpec } from '../../src/spec/load-spec';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';

let spec: CompiledSpec;

beforeAll(async () => {
  spec = await loadBundledSpec();
});

describe('routing', () => {
  it('answers JSON with charset utf-8', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any');

    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('returns a JSON 404 for an unknown path', async () => {
    const res = await request(createApp({ spec })).get('/resources/v2/customerprofile/42');

    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:not-found');
  });

  it('returns a JSON 404 for the path without appId', async () => {
    const res = await request(createApp({ spec })).get('/resources/v2/customerappprofile/');

    expect(res.status).toBe(404);
    expect(res.body.status).toBe(404);
  });

  it('returns 405 with Allow for an undeclared method', async () => {
    const res = await request(createApp({ spec })).delete(PROFILE_PATH);

    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body.allowed).toEqual(['GET', 'HEAD']);
  });

  it('answers HEAD without a body', async () => {
    const res = await request(createApp({ spec }))
      .head(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any');

    expect(res.status).toBe(200);
    expect(res.text).toBeUndefined();
  });

  it('returns 413 for a body over the limit', async () => {
    const res = await request(createApp({ spec, maxBodyBytes: 16 }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(64) }));

    expect(res.status).toBe(413);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:payload-too-large');
    expect(res.body.limit).toBe(16);
  });

  it('returns a problem for malformed percent-encoding in the path', async () => {
    const res = await request(createApp({ spec }))
      .get('/resources/v2/customerappprofile/%E0%A4%A')
      .query({ identifier: 'user-1' })
      .set('key', 'any');

    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:invalid-request');
  });

  it('returns 415 for an unknown Content-Encoding', async () => {
    const res = await request(createApp({ spec }))
      .get(PROFILE_PATH)
      .query({ identifier: 'user-1' })
      .set('key', 'any')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'zstd')
      .send('{}');

    expect(res.status).toBe(415);
    expect(res.body.type).toBe('urn:imiconnect-mock:problem:unsupported-encoding');
  });

  it('reads a control after 1000 query keys', async () => {
    const filler = Array.from({ length: 1000 }, (_, index) => `k${index}=1`).join('&');

    const res = await request(createApp({ spec }))
      .get(`${PROFILE_PATH}?identifier=user-1&${filler}&__code=7001`)
      .set('key', 'any');

    expect(res.body.code).toBe('7001');
  });

  it('matches paths case-sensitively', async () => {
    const res = await request(createApp({ spec }))
      .get('/resources/v2/CustomerAppProfile/a_1')
      .query({ identifier: 'user-1' })
      .set('key', 'any');

    expect(res.status).toBe(404);
  });

  it('gives every call a fresh transid', async () => {
    const app = createApp({ spec });

    const first = await request(app).get(PROFILE_PATH).query({ identifier: 'u' }).set('key', 'k');
    const second = await request(app).get(PROFILE_PATH).query({ identifier: 'u' }).set('key', 'k');

    expect(first.body.transid).not.toBe(second.body.transid);
    expect(first.body.Records).toEqual(second.body.Records);
  });
});
